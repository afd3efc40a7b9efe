"""Reports from a stored run folder: an offline HTML page with figures. Reads only ``results``."""
