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
    # The earliest fire-control track of each released object.
    first: dict[int, tuple[float, int]] = {}
    for track, t in enumerate(log.fire_control_s):
        obj = int(owner[track])
        if np.isfinite(t) and obj >= n_thr and (obj not in first or t < first[obj][0]):
            first[obj] = (float(t), track)
    if not first:
        return {}
    wanted = {(track, t) for t, track in first.values()}
    states = {(h[0], h[1]): h for h in log.history if (h[0], h[1]) in wanted}
    objects = list(first)
    rows = [states[(first[o][1], first[o][0])] for o in objects]
    t_fc = np.array([first[o][0] for o in objects])
    hit = predict_impact(
        np.stack([h[2] for h in rows]),
        np.stack([h[3] for h in rows]),
        theta0 + OMEGA_EARTH_RAD_S * t_fc,
    )
    k = np.array(objects) - n_thr
    miss = great_circle_distance_m(hit.latitude_rad, hit.longitude_rad, true_lat[k], true_lon[k])
    return {
        o: (float(t_fc[i]), float(hit.sigma_m[i]) / 1e3, float(miss[i]) / 1e3)
        for i, o in enumerate(objects)
    }
