"""The objects of a raid as sensors see them: positions over time, kind and missile.

Object ids are global within a run: missiles first (object ``j`` is missile ``j``'s booster
with its payload aboard until burnout, then its spent stage), then every released reentry
vehicle and decoy in the order of the deployment (a missile's first one is aboard the bus
from burnout to its release). Every stored table that names an object uses these ids.
"""

from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import ArrayLike, BoolArray, FloatArray, IntArray
from goldendome.physics.kinds import ObjectKind


@dataclass(frozen=True, eq=False)
class SceneObjects:
    """All objects of a raid on a common time grid.

    Attributes
    ----------
    t_s : (n_time,) float64, seconds on the scenario clock
    r_eci_m, v_eci_m_s : (n_object, n_time, 3) float64, meters and m/s, ECI
        NaN where an object does not exist (before launch or release, after impact).
    kind : (n_object,) int64
        :class:`goldendome.physics.kinds.ObjectKind` codes.
    threat : (n_object,) int64
        The missile each object belongs to.
    boosting : (n_object, n_time) bool
        Powered flight.
    """

    t_s: FloatArray
    r_eci_m: FloatArray
    v_eci_m_s: FloatArray
    kind: IntArray
    threat: IntArray
    boosting: BoolArray

    def __post_init__(self) -> None:
        n_obj, n_t = self.kind.shape[0] if self.kind.ndim == 1 else -1, self.t_s.shape[0]
        want = (n_obj, n_t, 3)
        if (
            self.t_s.ndim != 1
            or self.kind.ndim != 1
            or self.r_eci_m.shape != want
            or self.v_eci_m_s.shape != want
            or self.threat.shape != (n_obj,)
            or self.boosting.shape != want[:2]
        ):
            raise ValueError(
                "a scene needs t_s (n_time,), kind and threat (n_object,), positions and "
                "velocities (n_object, n_time, 3) and boosting (n_object, n_time); got t_s "
                f"{self.t_s.shape}, kind {self.kind.shape}, threat {self.threat.shape}, "
                f"r_eci_m {self.r_eci_m.shape}, v_eci_m_s {self.v_eci_m_s.shape}, boosting "
                f"{self.boosting.shape}."
            )
        codes = [int(k) for k in ObjectKind]
        if self.kind.size and not np.isin(self.kind, codes).all():
            bad = sorted({int(k) for k in self.kind[~np.isin(self.kind, codes)]})[:5]
            labels = ", ".join(f"{int(k)} ({k.label})" for k in ObjectKind)
            raise ValueError(
                f"kind holds {', '.join(map(str, bad))}: object kind codes are {labels}."
            )

    @staticmethod
    def from_arrays(
        t_s: ArrayLike,
        r_eci_m: ArrayLike,
        v_eci_m_s: ArrayLike,
        kind: ArrayLike,
        *,
        threat: ArrayLike | None = None,
        boosting: ArrayLike | None = None,
    ) -> "SceneObjects":
        """A scene from array-likes (float64 and int64 copies where needed).

        ``threat`` defaults to each object its own missile (``0 .. n_object - 1``);
        ``boosting`` to no powered flight. Shapes as in the class docstring.
        """
        r = np.asarray(r_eci_m, dtype=np.float64)
        codes = np.asarray(kind, dtype=np.int64)
        return SceneObjects(
            t_s=np.asarray(t_s, dtype=np.float64),
            r_eci_m=r,
            v_eci_m_s=np.asarray(v_eci_m_s, dtype=np.float64),
            kind=codes,
            threat=np.arange(codes.shape[0], dtype=np.int64)
            if threat is None
            else np.asarray(threat, dtype=np.int64),
            boosting=np.zeros(r.shape[:2], dtype=np.bool_)
            if boosting is None
            else np.asarray(boosting, dtype=np.bool_),
        )

    def __len__(self) -> int:
        return int(self.kind.shape[0])

    @property
    def n_missiles(self) -> int:
        """Missiles of the raid (their boosters are objects ``0 .. n_missiles - 1``)."""
        return int(np.count_nonzero(self.kind == ObjectKind.BOOSTER))
