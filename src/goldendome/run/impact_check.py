"""How well the tracks predict where the released objects land.

For every reentry vehicle or decoy that gets a fire-control-quality track, its impact is
predicted from the
track's state at that moment (:func:`goldendome.tracking.impact.predict_impact`: ballistic,
no drag) and compared with the object's true impact from the flown raid.
"""

import numpy as np

from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.earth_rotation import earth_rotation_angle_rad
from goldendome.physics.geodesy import great_circle_distance_m
from goldendome.run.raid import RaidResult
from goldendome.run.raid_objects import RaidObjects
from goldendome.scenario.spec import ScenarioSpec
from goldendome.sensors.base import Measurements
from goldendome.tracking.impact import predict_impact
from goldendome.tracking.tracker import TrackLog


def object_impacts(
    spec: ScenarioSpec,
    raid: RaidResult,
    objs: RaidObjects,
    m: Measurements,
    log: TrackLog,
    owner: np.ndarray,
) -> dict[int, tuple[float, float, float]]:
    """For each released object with a fire-control track: (time, 1-sigma km, miss km).

    Keys are indices into ``objs`` (boosters, which come first, are left out). The impact is
    predicted from the earliest fire-control-quality track's state at that moment
    (ballistic, no drag) and compared with the object's true impact.
    """
    if raid.deployment is None:
        return {}
    n_thr = len(raid.threats)
    true_lat, true_lon = raid.deployment.flight.impact_lat_lon_rad()
    theta0 = float(earth_rotation_angle_rad(0.0, spec.time.epoch))
    best: dict[int, tuple[float, float, float]] = {}
    for track, t_fc in enumerate(log.fire_control_s):
        obj = int(owner[track])
        if not np.isfinite(t_fc) or obj < n_thr:
            continue
        if obj in best and best[obj][0] <= t_fc:
            continue
        state = next(h for h in log.history if h[0] == track and h[1] == t_fc)
        hit = predict_impact(state[2][None], state[3][None], theta0 + OMEGA_EARTH_RAD_S * t_fc)
        k = obj - n_thr
        miss = great_circle_distance_m(
            hit.latitude_rad, hit.longitude_rad, true_lat[k : k + 1], true_lon[k : k + 1]
        )
        best[obj] = (float(t_fc), float(hit.sigma_m[0]) / 1e3, float(miss[0]) / 1e3)
    return best
