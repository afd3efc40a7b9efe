"""The objects of a raid as sensors see them: positions over time, kind and missile.

Object ids are global within a run: missiles first (object ``j`` is missile ``j``'s booster
with its payload aboard, until release), then every released reentry vehicle and decoy in
the order of the deployment. Every stored table that names an object uses these ids.
"""

from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
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

    def __len__(self) -> int:
        return int(self.kind.shape[0])

    @property
    def n_missiles(self) -> int:
        """Missiles of the raid (their boosters are objects ``0 .. n_missiles - 1``)."""
        return int(np.count_nonzero(self.kind == ObjectKind.BOOSTER))
