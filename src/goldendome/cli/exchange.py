"""``goldendome exchange``: what the offense needs to restore its penetration (being written)."""
