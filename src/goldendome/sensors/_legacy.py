"""Deprecated: the array form of ``measure`` from before the :class:`Sensor` protocol.

``measure(t_s, r_eci_m, v_eci_m_s, object_kind, rng, boosting=None, kind_names=...)`` is
still accepted by the infrared and radar models so that ``run/sensing.py`` keeps working
until it calls ``measure(scene, rng)``; then this module and the second overloads go.
"""

from typing import Any

import numpy as np

from goldendome.physics.kinds import KIND_LABELS
from goldendome.physics.scene import SceneObjects

_NAMES = ("t_s", "r_eci_m", "v_eci_m_s", "object_kind", "rng", "boosting", "kind_names")


def scene_and_rng(
    args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[SceneObjects, np.random.Generator]:
    """The scene and generator of a ``measure`` call in either form."""
    if (args and isinstance(args[0], SceneObjects)) or "scene" in kwargs:
        bound = dict(zip(("scene", "rng"), args, strict=False)) | kwargs
        return bound["scene"], bound["rng"]
    given = dict(zip(_NAMES, args, strict=False)) | kwargs
    names = tuple(given.pop("kind_names", KIND_LABELS))
    if names != KIND_LABELS:
        raise ValueError(
            f"kind_names = {names}: kind codes are now those of goldendome.physics.kinds "
            f"({', '.join(KIND_LABELS)}); pass a SceneObjects to measure(scene, rng)."
        )
    scene = SceneObjects.from_arrays(
        given["t_s"],
        given["r_eci_m"],
        given["v_eci_m_s"],
        given["object_kind"],
        boosting=given.get("boosting"),
    )
    return scene, given["rng"]
