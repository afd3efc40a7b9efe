"""How well the tracks predict where the released objects land.

For every reentry vehicle or decoy that gets a fire-control-quality track, its impact is
predicted from the earliest such track's state at that moment
(:func:`goldendome.tracking.impact.predict_impact`: ballistic, no drag) and compared with
the object's true impact.
"""

from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.geodesy import great_circle_distance_m
from goldendome.tracking.impact import predict_impact
from goldendome.tracking.tracker import TrackLog


@dataclass(frozen=True)
class FireControlImpacts:
    """Predicted against true impacts of the ``n`` released objects given fire control.

    Attributes
    ----------
    object : (n,) int64
        Global object ids, increasing (released objects only: ids ``>= n_missiles``).
    fire_control_s : (n,) float64, seconds on the scenario clock
        Time of the object's first fire-control-quality track.
    impact_sigma_m : (n,) float64, meters
        1-sigma semi-major axis of the predicted impact's ground ellipse.
    impact_miss_m : (n,) float64, meters
        Great-circle distance from the predicted to the true impact point (NaN when no
        impact was predicted).
    """

    object: IntArray
    fire_control_s: FloatArray
    impact_sigma_m: FloatArray
    impact_miss_m: FloatArray

    def __len__(self) -> int:
        return int(self.object.shape[0])

    def without_prediction(self, objects: IntArray) -> "FireControlImpacts":
        """A copy with no impact prediction for the global object ids ``objects`` (NaN
        sigma and miss): a ballistic prediction means nothing for a manoeuvring glider."""
        drop = np.isin(self.object, np.asarray(objects, np.int64))
        return FireControlImpacts(
            self.object, self.fire_control_s,
            np.where(drop, np.nan, self.impact_sigma_m), np.where(drop, np.nan, self.impact_miss_m),
        )  # fmt: skip


def _first_fire_control(
    log: TrackLog, owner: IntArray, n_missiles: int
) -> dict[int, tuple[float, int]]:
    """Earliest (time, track) of fire control of each released object, in first-seen order."""
    first: dict[int, tuple[float, int]] = {}
    fire = np.asarray(log.fire_control_s, dtype=np.float64)
    for track in np.flatnonzero(np.isfinite(fire) & (owner >= n_missiles)).tolist():
        obj, t = int(owner[track]), float(fire[track])
        if obj not in first or t < first[obj][0]:
            first[obj] = (t, track)
    return first


def fire_control_impacts(
    log: TrackLog,
    owner: IntArray,
    n_missiles: int,
    true_impact_lat_rad: FloatArray,
    true_impact_lon_rad: FloatArray,
    theta0_rad: float,
) -> FireControlImpacts:
    """Impact predictions of the released objects' first fire-control tracks, scored.

    Parameters
    ----------
    log : TrackLog
        The tracker's record (with each track's state at its first fire control).
    owner : (n_track,) int64
        Object id each track is on, -1 for none (:func:`~goldendome.tracking.scoring.track_owners`).
    n_missiles : int
        Missiles of the scene: object ids ``0 .. n_missiles - 1`` are boosters, not scored.
    true_impact_lat_rad, true_impact_lon_rad : (n_released,) float64, radians
        True impact point of each released object, indexed by ``object id - n_missiles``.
    theta0_rad : float, radians
        Earth rotation angle at scenario time 0.

    Returns
    -------
    FireControlImpacts
        One row per released object that got a fire-control track, by object id.
    """
    first = _first_fire_control(log, owner, n_missiles)
    if not first:
        empty = np.empty(0, dtype=np.float64)
        return FireControlImpacts(np.empty(0, dtype=np.int64), empty, empty, empty)
    objects = list(first)
    tracks = np.array([first[o][1] for o in objects], dtype=np.int64)
    t_fc = np.array([first[o][0] for o in objects])
    hit = predict_impact(
        log.fire_control_x_eci[tracks],
        log.fire_control_covariance[tracks],
        theta0_rad + OMEGA_EARTH_RAD_S * t_fc,
    )
    k = np.array(objects) - n_missiles
    miss = great_circle_distance_m(
        hit.latitude_rad, hit.longitude_rad, true_impact_lat_rad[k], true_impact_lon_rad[k]
    )
    order = np.argsort(objects, kind="stable")
    return FireControlImpacts(
        object=np.asarray(objects, dtype=np.int64)[order],
        fire_control_s=np.asarray(t_fc, dtype=np.float64)[order],
        impact_sigma_m=np.asarray(hit.sigma_m, dtype=np.float64)[order],
        impact_miss_m=np.asarray(miss, dtype=np.float64)[order],
    )
