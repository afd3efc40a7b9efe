"""``goldendome partners``: what partners contribute and the protection they get (being written)."""
