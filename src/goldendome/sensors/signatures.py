"""Signature classes: what a sensor's physics sees an object as, finer than its kind.

The raid's objects have three kinds (:class:`~goldendome.physics.kinds.ObjectKind`: RV,
decoy, booster). A boost-glide vehicle and a cruise missile are RVs to the tracker and the
battle manager, but a radar sees a cruise missile's own cross section and an infrared
sensor sees a glider's aero-heated skin, not a cold warhead's. The signature class carries
that difference into the sensors' detection physics only (it is what the object *is*,
which decides its echo and its glow; no track or decision reads it).

Codes: the kind codes (``rv`` 0, ``decoy`` 1, ``booster`` 2), then ``glider`` 3 and
``cruise`` 4.
"""

from typing import Annotated

import numpy as np

from goldendome.data.quantities import Bounded
from goldendome.physics._types import ArrayLike, IntArray
from goldendome.physics.kinds import KIND_LABELS
from goldendome.sensors.kind_values import KindValues

#: Signature class names indexed by code: the kind labels, then ``glider`` and ``cruise``.
SIGNATURE_LABELS: tuple[str, ...] = (*KIND_LABELS, "glider", "cruise")
#: Code of a boost-glide vehicle (after its release at burnout).
GLIDER = SIGNATURE_LABELS.index("glider")
#: Code of a cruise missile.
CRUISE = SIGNATURE_LABELS.index("cruise")

PositiveValue = Annotated[float, Bounded("must be positive", gt=0, le=1e6)]


class SignatureValues(KindValues):
    """A positive value for every signature class (the kinds, ``glider``, ``cruise``)."""

    glider: PositiveValue
    cruise: PositiveValue


def signature_classes(
    kind: ArrayLike,
    gliding_objects: ArrayLike | None = None,
    cruising_objects: ArrayLike | None = None,
) -> IntArray:
    """Signature codes ``(n_object,)`` int64 of a raid's objects.

    Parameters
    ----------
    kind : (n_object,) int64
        Object kind codes (missiles first, then the released objects).
    gliding_objects, cruising_objects : (n_released,) bool, optional
        Which released objects (the last ``n_released`` objects) are glide vehicles and
        cruise missiles (``FlownRaid.gliding_objects``; the cruise ones are the manoeuvring
        objects that do not glide). None: none.

    Returns
    -------
    (n_object,) int64
        The kind codes, with :data:`GLIDER` and :data:`CRUISE` where flagged.
    """
    codes = np.array(kind, dtype=np.int64, copy=True)
    for flags, code in ((gliding_objects, GLIDER), (cruising_objects, CRUISE)):
        if flags is None:
            continue
        mask = np.asarray(flags, dtype=bool)
        if mask.ndim != 1 or mask.size > codes.size:
            raise ValueError(
                f"signature flags must be one bool per released object (at most {codes.size});"
                f" got shape {mask.shape}."
            )
        codes[codes.size - mask.size :][mask] = code
    return codes


__all__ = [
    "CRUISE",
    "GLIDER",
    "SIGNATURE_LABELS",
    "SignatureValues",
    "signature_classes",
]
