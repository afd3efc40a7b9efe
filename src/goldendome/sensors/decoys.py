"""Decoy types and the three calls discrimination can make of an object.

A decoy type (``[[decoy_type]]`` of ``data/discrimination.toml``) says how hard its decoys are
to tell whatever sensors look: a common-mode ``joint_fidelity`` (the chance that an object is
a perfect imitation, to every sensor at once, of what it pretends to be), whether the warhead
is dressed as a decoy (``hides_warhead``, anti-simulation), and the share of each sensor
class's resolving power the type's jamming leaves (``kept``).

After its looks, discrimination *calls* each released object a decoy, a warhead, or leaves
it unknown (:data:`CALLS`). With ``seen_c = 1 - (1 - per_look_c) ** n_c`` for ``n_c`` looks
by class ``c``:

- told ``T = 1 - prod_c (1 - ceiling_c kept_c seen_c)``, the classes' own resolving power;
- a warhead called a decoy ``Q = 1 - prod_c (1 - warhead_called_decoy_c seen_c)``;
- what a **warhead** gets: ``W = (Q, (1 - Q)(1 - T), (1 - Q) T)`` for (decoy, unknown,
  warhead); what a **decoy** gets: ``D = (T, 1 - T, 0)``;
- a decoy of an ordinary type imitates a warhead: with ``joint_fidelity`` it is called as a
  warhead would be, ``F W + (1 - F) D``, else as a decoy;
- an anti-simulation warhead imitates its decoys: ``F D + (1 - F) W``, and its decoys (empty
  balloons, imitating nothing) get ``D``.

A perfect imitation is thus called exactly as what it imitates, so no call tells the two
apart. Without false calls and fidelity (``Q = 0``, ``F = 0``) this is the earlier model: a
decoy is told with ``T`` and a warhead is never called a decoy.
"""

from dataclasses import dataclass
from typing import Annotated, Literal

import numpy as np

from goldendome.data.quantities import Bounded
from goldendome.data.spec_model import SpecModel
from goldendome.physics._types import BoolArray, FloatArray, IntArray

#: The calls, in the order of the last axis of :func:`call_probabilities`.
CALLED_DECOY, UNKNOWN, CALLED_WARHEAD = 0, 1, 2
CALLS = ("decoy", "unknown", "warhead")
#: The decoy types every catalog and scenario knows.
DECOY_TYPE_NAMES = ("balloon", "replica", "anti_simulation", "radar_jamming", "infrared_jamming")
#: Sensor classes whose look a decoy type can jam (the early-warning class never tells).
JAMMABLE = ("ir_tracking", "radar_x_band", "radar_low_band")

Share = Annotated[float, Bounded("a share lies in [0, 1]", ge=0, le=1)]
DecoyTypeName = Literal[
    "balloon", "replica", "anti_simulation", "radar_jamming", "infrared_jamming"
]


@dataclass(frozen=True)
class DecoyType:
    """How hard one type of decoy is to tell (see the module docstring)."""

    name: str
    joint_fidelity: float
    hides_warhead: bool
    #: Share of each class's resolving power left by the type's jamming, by class name
    #: (a class not named: 1).
    kept: tuple[tuple[str, float], ...] = ()

    def kept_share(self, class_name: str) -> float:
        """The share of ``class_name``'s resolving power this type leaves."""
        return dict(self.kept).get(class_name, 1.0)


class DecoyTypeSpec(SpecModel):
    """One ``[[decoy_type]]`` entry of ``discrimination.toml``."""

    name: DecoyTypeName
    joint_fidelity: Share
    hides_warhead: bool = False
    kept_ir_tracking: Share = 1.0
    kept_radar_x_band: Share = 1.0
    kept_radar_low_band: Share = 1.0

    def build(self) -> DecoyType:
        """The model object."""
        kept = tuple((c, float(getattr(self, f"kept_{c}"))) for c in JAMMABLE)
        return DecoyType(self.name, self.joint_fidelity, self.hides_warhead, kept)


def call_probabilities(
    looks: IntArray,
    per_look: FloatArray,
    ceiling: FloatArray,
    warhead_called_decoy: FloatArray,
    kept: FloatArray,
    fidelity: FloatArray,
    hides_warhead: BoolArray,
    is_warhead: BoolArray,
) -> FloatArray:
    """Chance of each call for each object.

    Parameters
    ----------
    looks : (n, n_class) int64
        Looks at each object by each sensor class (after its release).
    per_look, ceiling, warhead_called_decoy : (n_class,) float64
        The classes' parameters (``data/discrimination.toml``).
    kept : (n, n_class) float64
        Share of each class's resolving power the object's decoy type leaves.
    fidelity : (n,) float64
        Joint fidelity of the object's decoy type.
    hides_warhead : (n,) bool
        Whether the object's decoy type dresses the warhead as a decoy.
    is_warhead : (n,) bool
        Whether the object is a warhead (else a decoy).

    Returns
    -------
    (n, 3) float64
        Probabilities of the calls decoy, unknown and warhead (:data:`CALLS`); rows sum to 1.
    """
    n = np.asarray(looks, dtype=np.float64)
    seen = 1.0 - (1.0 - np.asarray(per_look, np.float64)) ** n
    told = 1.0 - np.prod(1.0 - np.asarray(ceiling) * np.asarray(kept) * seen, axis=-1)
    false_call = 1.0 - np.prod(1.0 - np.asarray(warhead_called_decoy) * seen, axis=-1)
    rv = np.asarray(is_warhead, np.bool_)
    hides = np.asarray(hides_warhead, np.bool_)
    fid = np.asarray(fidelity, np.float64)
    as_warhead = np.stack(
        [false_call, (1.0 - false_call) * (1.0 - told), (1.0 - false_call) * told], axis=-1
    )
    as_decoy = np.stack([told, 1.0 - told, np.zeros_like(told)], axis=-1)
    # The share of each object's calls made as if it were the other kind: a decoy of an
    # ordinary type imitating a warhead, an anti-simulation warhead imitating its decoys.
    imitates = np.where(rv, np.where(hides, fid, 0.0), np.where(hides, 0.0, fid))[..., None]
    own = np.where(rv[..., None], as_warhead, as_decoy)
    other = np.where(rv[..., None], as_decoy, as_warhead)
    out = (1.0 - imitates) * own + imitates * other
    return np.asarray(np.clip(out, 0.0, 1.0), dtype=np.float64)


def draw_calls(p_calls: FloatArray, rng: np.random.Generator) -> IntArray:
    """One call per object (:data:`CALLS` codes) from its call probabilities.

    One uniform draw per object, in order: a decoy is called a decoy exactly when the earlier
    model told it (its uniform below ``T``), so without false calls and fidelity a run's
    draws are unchanged. ``p_calls`` is ``(n, 3)``; returns ``(n,)`` int64.
    """
    u = rng.random(p_calls.shape[0])
    called_decoy = u < p_calls[:, CALLED_DECOY]
    called_warhead = ~called_decoy & (u < p_calls[:, CALLED_DECOY] + p_calls[:, CALLED_WARHEAD])
    return np.where(called_decoy, CALLED_DECOY, np.where(called_warhead, CALLED_WARHEAD, UNKNOWN))
