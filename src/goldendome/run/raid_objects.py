"""The raid as the sensors see it: every physical object over time, with its kind.

Each missile is one object (kind ``booster``) from launch until its payload is released;
then each released reentry vehicle and decoy is an object until impact. Positions and
velocities are on the raid's output grid (ECI), NaN where an object does not exist.
"""

from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import BoolArray, FloatArray, IntArray
from goldendome.run.raid import RaidResult
from goldendome.threats.deployment import OBJECT_KINDS
from goldendome.threats.flight import BURNOUT

#: Object kinds as the sensor models name them (index = kind code): the released kinds, then
#: boosters.
KIND_NAMES = (*OBJECT_KINDS, "booster")
BOOSTER = len(OBJECT_KINDS)


@dataclass(frozen=True)
class RaidObjects:
    """All objects of a raid on a common grid.

    Attributes
    ----------
    t_s : (n_time,) float64
    r_eci_m, v_eci_m_s : (n_object, n_time, 3) float64
    kind : (n_object,) int64, index into ``KIND_NAMES``
    threat : (n_object,) int64, the missile each object belongs to
    boosting : (n_object, n_time) bool, powered flight
    """

    t_s: FloatArray
    r_eci_m: FloatArray
    v_eci_m_s: FloatArray
    kind: IntArray
    threat: IntArray
    boosting: BoolArray

    def __len__(self) -> int:
        return int(self.kind.shape[0])


def raid_objects(raid: RaidResult) -> RaidObjects | None:
    """The missiles (until release) and their released objects, or None without a raid."""
    if raid.flight is None or raid.deployment is None:
        return None
    f, d = raid.flight, raid.deployment
    t = f.t_s
    n_thr = f.y_eci.shape[0]
    release = np.full(n_thr, np.inf)
    np.minimum.at(release, d.missile, d.release_t_s)
    release = np.where(np.isfinite(release), release, f.event_t_s[:, BURNOUT])
    missile_y = np.where((t[None, :] <= release[:, None])[..., None], f.y_eci, np.nan)
    y = np.concatenate([missile_y, d.flight.y_eci], axis=0)
    boosting = np.zeros(y.shape[:2], bool)
    boosting[:n_thr] = (t[None, :] >= f.t_start_s[:, None]) & (
        t[None, :] <= f.event_t_s[:, BURNOUT][:, None]
    )
    return RaidObjects(
        t_s=t,
        r_eci_m=np.ascontiguousarray(y[..., :3]),
        v_eci_m_s=np.ascontiguousarray(y[..., 3:]),
        kind=np.concatenate([np.full(n_thr, BOOSTER), d.kind]).astype(np.int64),
        threat=np.concatenate([np.arange(n_thr), d.missile]).astype(np.int64),
        boosting=boosting,
    )
