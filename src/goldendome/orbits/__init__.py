"""Satellite constellations (Walker, GEO, Molniya) and their propagation."""
