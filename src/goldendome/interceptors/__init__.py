"""Interceptors: fly-out kinematics and reach of each interceptor type."""
