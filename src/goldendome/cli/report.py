"""``goldendome report``: an offline HTML report from a stored run folder (being written)."""
