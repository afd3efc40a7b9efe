"""The offline globe: CZML from a stored run folder (:mod:`goldendome.web.czml`) and a local,
read-only FastAPI server (:mod:`goldendome.web.server`). Reads only ``results``; never reruns
physics."""
