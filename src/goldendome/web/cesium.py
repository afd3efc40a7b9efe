"""Where CesiumJS's build is: ``node_modules/cesium/Build/Cesium``, installed by ``npm ci``
(``make install`` runs it). Nothing is downloaded here."""

import os
from pathlib import Path

#: The build folder inside a project that ran ``npm ci``.
CESIUM_BUILD = Path("node_modules/cesium/Build/Cesium")


class CesiumMissingError(FileNotFoundError):
    """CesiumJS is not installed where the server looks (the message says how to install)."""


def find_cesium(cesium_dir: str | Path | None = None) -> Path:
    """CesiumJS's build folder: ``cesium_dir`` if given, else ``$GOLDENDOME_CESIUM_DIR``,
    else ``node_modules/cesium/Build/Cesium`` under the current folder or above the package
    (an editable install from the repository).

    Raises
    ------
    CesiumMissingError
        If no folder holding ``Cesium.js`` is found, with the command that installs it.
    """
    if cesium_dir is not None:
        candidates = [Path(cesium_dir)]
    elif os.environ.get("GOLDENDOME_CESIUM_DIR"):
        candidates = [Path(os.environ["GOLDENDOME_CESIUM_DIR"])]
    else:
        here = Path(__file__).resolve()
        candidates = [Path.cwd() / CESIUM_BUILD] + [p / CESIUM_BUILD for p in here.parents]
    for folder in candidates:
        if (folder / "Cesium.js").is_file():
            return folder
    raise CesiumMissingError(
        f"CesiumJS is not installed (looked for {candidates[0] / 'Cesium.js'}): run "
        "'make install', or 'npm ci' in the goldendome repository, to put it in "
        f"{CESIUM_BUILD}; or give its build folder with --cesium-dir."
    )
