"""``goldendome timeline``: what is fielded each year and what it can do (being written)."""
