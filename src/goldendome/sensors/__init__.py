"""Sensors: space infrared layers and ground and sea radars, as detections of objects."""
