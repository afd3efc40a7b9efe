"""``goldendome sweep``: trade studies over many cases (being written)."""
