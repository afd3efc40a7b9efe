"""Pure functions on NumPy arrays in SI units: constants, time, frames, gravity, atmosphere,
integrators, geodesy and visibility. Nothing here reads files or configuration."""
