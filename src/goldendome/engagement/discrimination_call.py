"""The battle manager's decision on what discrimination called each object: engage or spare.

Discrimination calls each released object a decoy, a warhead or leaves it unknown
(:mod:`goldendome.sensors.decoys`). The battle manager does not know the truth; it knows what
its own sensors saw of the object (the looks by each class) and what it believes of the
adversary's decoys (the doctrine's ``assumed_decoy_type``) and of the raid (the doctrine's
``warhead_prior``, its prior share of warheads among the objects). From these it computes,
for each possible call, the chance that the object is a warhead (Bayes):

``P(warhead | call) = prior L_w(call) / (prior L_w(call) + (1 - prior) L_d(call))``

with ``L_w`` and ``L_d`` the chances of that call for a warhead and for a decoy of the
assumed type, and it engages the object when that chance is at least the doctrine's
``warhead_threshold``. A low threshold engages everything that might be a warhead (decoys
drain the magazines); a high one spares what is probably a decoy (warheads called decoys, or
dressed as decoys, leak). The two errors trade through the threshold.

The truth of a trial is drawn from the object's real call probabilities (its real decoy
type), which the battle manager never sees.
"""

import dataclasses
from dataclasses import dataclass
from typing import Any

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.physics.kinds import ObjectKind
from goldendome.sensors.decoys import (
    CALLED_DECOY,
    CALLED_WARHEAD,
    UNKNOWN,
    DecoyType,
    call_probabilities,
    draw_calls,
)
from goldendome.sensors.discrimination import SensorClass


@dataclass(frozen=True)
class ObjectCalls:
    """What discrimination may call each of ``n`` objects, and what the battle manager does.

    Attributes
    ----------
    p_calls : (n, 3) float64
        The truth: each object's chance of each call (decoy, unknown, warhead).
    posterior : (n, 3) float64
        The battle manager's chance that the object is a warhead, for each call.
    engage : (n, 3) bool
        Whether the battle manager engages the object, for each call.
    """

    p_calls: FloatArray
    posterior: FloatArray
    engage: BoolArray

    def __len__(self) -> int:
        return int(self.p_calls.shape[0])

    @classmethod
    def told_only(cls, told_probability: FloatArray, kind: IntArray) -> "ObjectCalls":
        """Calls without false calls or fidelity: a decoy told with ``told_probability`` is
        spared, everything else engaged (the model before decoy types; tests and studies)."""
        told = np.asarray(told_probability, np.float64)
        decoy = np.asarray(kind) == ObjectKind.DECOY
        p = np.zeros((told.size, 3))
        p[:, CALLED_DECOY] = np.where(decoy, told, 0.0)
        p[:, CALLED_WARHEAD] = np.where(decoy, 0.0, told)
        p[:, UNKNOWN] = 1.0 - told
        posterior = np.tile([0.0, 0.5, 1.0], (told.size, 1))
        return cls(p, posterior, posterior > 0.0)

    def draw(self, rng: np.random.Generator) -> IntArray:
        """One call per object for a trial (one uniform each, in object order)."""
        return draw_calls(self.p_calls, rng)

    def engaged(self, calls: IntArray) -> BoolArray:
        """Whether each object is engaged given its drawn call, ``(n,)`` bool."""
        return np.asarray(self.engage[np.arange(len(self)), calls], dtype=np.bool_)


def warhead_posterior(p_if_warhead: FloatArray, p_if_decoy: FloatArray, prior: float) -> FloatArray:
    """The chance that an object is a warhead given each call.

    Parameters
    ----------
    p_if_warhead, p_if_decoy : (n, 3) float64
        Chances of each call were the object a warhead, or a decoy of the assumed type.
    prior : float
        Prior share of warheads among the objects, in (0, 1).

    Returns
    -------
    (n, 3) float64
        ``P(warhead | call)``; a call impossible for both gets the prior.
    """
    w = prior * np.asarray(p_if_warhead, np.float64)
    d = (1.0 - prior) * np.asarray(p_if_decoy, np.float64)
    total = w + d
    safe = np.where(total > 0.0, total, 1.0)
    return np.asarray(np.where(total > 0.0, w / safe, prior), dtype=np.float64)


def decide(
    p_calls: FloatArray,
    p_if_warhead: FloatArray,
    p_if_decoy: FloatArray,
    prior: float,
    threshold: float,
) -> ObjectCalls:
    """The battle manager's rule for each object and call.

    Parameters
    ----------
    p_calls : (n, 3) float64
        The truth's call probabilities (drawn from in each trial).
    p_if_warhead, p_if_decoy : (n, 3) float64
        The battle manager's belief: the call probabilities of a warhead and of a decoy of
        its assumed type, given the object's looks.
    prior : float
        Prior share of warheads, in (0, 1).
    threshold : float
        Engage when ``P(warhead | call) >= threshold``, in [0, 1].
    """
    posterior = warhead_posterior(p_if_warhead, p_if_decoy, prior)
    return ObjectCalls(np.asarray(p_calls, np.float64), posterior, posterior >= threshold)


@dataclass(frozen=True)
class DiscriminationModel:
    """The sensor classes (in the looks' column order) and the decoy types, by name."""

    classes: tuple[SensorClass, ...]
    decoy_types: dict[str, DecoyType]

    def with_value(self, path: tuple[str, ...], value: float | bool) -> "DiscriminationModel":
        """A copy with one figure changed: ``("sensor_class", name, field)`` or
        ``("decoy_type", name, field)``, the field as in ``data/discrimination.toml``."""
        group, name, key = path
        change: dict[str, Any] = {key: value if isinstance(value, bool) else float(value)}
        if group == "sensor_class":
            classes = tuple(
                dataclasses.replace(c, **change) if c.name == name else c for c in self.classes
            )
            return DiscriminationModel(classes, self.decoy_types)
        t = self.decoy_types[name]
        if key.startswith("kept_"):
            cls = key.removeprefix("kept_")
            kept = tuple((c, float(value) if c == cls else v) for c, v in t.kept)
            changed = dataclasses.replace(t, kept=kept)
        else:
            changed = dataclasses.replace(t, **change)
        return DiscriminationModel(self.classes, self.decoy_types | {name: changed})

    def _arrays(self) -> tuple[FloatArray, FloatArray, FloatArray]:
        per_look = np.array([c.per_look for c in self.classes], np.float64)
        ceiling = np.array([c.ceiling for c in self.classes], np.float64)
        called = np.array([c.warhead_called_decoy for c in self.classes], np.float64)
        return per_look, ceiling, called

    def _type_arrays(self, names: list[str]) -> tuple[FloatArray, FloatArray, BoolArray]:
        # Each type's row once, then one row per object (a raid's objects share few types).
        distinct = list(dict.fromkeys(names))
        types = [self.decoy_types[name] for name in distinct]
        at = {name: k for k, name in enumerate(distinct)}
        row = np.array([at[name] for name in names], np.int64)
        kept = np.array(
            [[t.kept_share(c.name) for c in self.classes] for t in types], np.float64
        ).reshape(len(types), len(self.classes))[row]
        fidelity = np.array([t.joint_fidelity for t in types], np.float64)[row]
        hides = np.array([t.hides_warhead for t in types], np.bool_)[row]
        return kept, fidelity, hides


@dataclass(frozen=True)
class CallInputs:
    """What the truth's calls depend on besides the model: each object's looks, kind and
    decoy type (so a trial can redraw them with its own draw of the model's figures)."""

    looks: IntArray  # (n, n_class)
    kind: IntArray  # (n,)
    decoy_type: tuple[str, ...]  # (n,)

    def truth(self, model: DiscriminationModel) -> FloatArray:
        """Each object's chance of each call under ``model``, ``(n, 3)`` float64."""
        per_look, ceiling, called = model._arrays()
        kept, fidelity, hides = model._type_arrays(list(self.decoy_type))
        is_rv = np.asarray(self.kind) == ObjectKind.RV
        return call_probabilities(
            self.looks, per_look, ceiling, called, kept, fidelity, hides, is_rv
        )


def object_calls(
    looks: IntArray,
    kind: IntArray,
    decoy_type: list[str],
    model: DiscriminationModel,
    prior: float,
    threshold: float,
    assumed_decoy_type: str,
) -> ObjectCalls:
    """The calls of ``n`` released objects and the battle manager's rule for each.

    Parameters
    ----------
    looks : (n, n_class) int64
        Looks by each class of ``model.classes``, after each object's release.
    kind : (n,) int64
        :class:`~goldendome.physics.kinds.ObjectKind` codes (warheads and decoys).
    decoy_type : list of str, length n
        The decoy type of each object's missile (the truth; its warheads' too).
    model : DiscriminationModel
    prior, threshold : float
        The doctrine's ``warhead_prior`` and ``warhead_threshold``.
    assumed_decoy_type : str
        The decoy type the battle manager believes it faces.
    """
    per_look, ceiling, called = model._arrays()
    is_rv = np.asarray(kind) == ObjectKind.RV
    truth = CallInputs(looks, kind, tuple(decoy_type)).truth(model)
    n = is_rv.size
    kept_a, fid_a, hides_a = model._type_arrays([assumed_decoy_type] * n)
    args = (looks, per_look, ceiling, called, kept_a, fid_a, hides_a)
    if_warhead = call_probabilities(*args, np.ones(n, np.bool_))
    if_decoy = call_probabilities(*args, np.zeros(n, np.bool_))
    return decide(truth, if_warhead, if_decoy, prior, threshold)
