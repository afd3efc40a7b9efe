"""goldendome: an open, physics-level simulator of layered homeland missile defense.

The package is layered (see ``docs/architecture.md``): pure physics at the bottom, role
packages (orbits, threats, sensors, ...) above it, then scenario specs, runs, stored
results and the command-line interface. ``goldendome.api`` is the curated public surface.
"""

__version__ = "0.1.0"
