"""The offline globe: CZML export from a stored run folder and a local FastAPI server. Reads only ``results``."""
