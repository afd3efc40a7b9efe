"""The ``goldendome`` command line (typer + rich)."""
