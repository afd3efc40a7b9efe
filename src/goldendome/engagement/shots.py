"""The columns a fight records for every shot (the ``engagements`` table less ``trial`` and
``shot``), and the surface layers' shots with their fly-outs.

A surface shot records the track it was fired at (``track_id``) and what that track was, in
truth, at the time of scoring (``track_role``): the first track of its object the battle
manager engaged (``"first"``), another track of an object already engaged through a
different one (``"duplicate"``), a track on a missile's spent stage that discrimination did
not tell for what it is (``"stage"``), a track on nothing else (``"ghost"``) or a track on a
decoy (``"decoy"``). SBI shots are fired on sensor reports of
a missile, not on a track: ``track_id`` -1 and role ``"report"``.
"""

import numpy as np

from goldendome.engagement.picture import KillChainSetup
from goldendome.physics._types import FloatArray, IntArray
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.physics.kinds import KIND_LABELS

#: Columns of the shots a fight records (the ``engagements`` table less ``trial``, ``shot``).
SHOT_COLUMNS = (
    "layer", "look", "interceptor", "shooter", "satellite_id", "battery_id", "track_id",
    "track_role", "target_object_id", "target_kind", "threat_id", "launch_time_s",
    "launch_latitude_deg", "launch_longitude_deg", "launch_altitude_m", "intercept_time_s",
    "intercept_latitude_deg", "intercept_longitude_deg", "intercept_altitude_m", "kill",
    "cue_time_s", "earliest_launch_s", "prediction_sigma_m", "cover_probability",
    "payload_latitude_deg", "payload_longitude_deg", "payload_landed",
)  # fmt: skip
#: Types of the shot columns that are not float64 (for a fight with no shot).
SHOT_DTYPES: dict[str, type] = {
    "layer": np.str_, "look": np.int64, "interceptor": np.str_, "shooter": np.str_,
    "satellite_id": np.int64, "battery_id": np.int64, "track_id": np.int64,
    "track_role": np.str_, "target_object_id": np.int64, "target_kind": np.str_,
    "threat_id": np.int64, "kill": np.bool_, "payload_landed": np.bool_,
}  # fmt: skip
#: ``target_kind`` of a shot at a track on no released object.
NO_OBJECT = "none"


def geodetic(points_ecef_m: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Latitude and longitude (degrees) and altitude (m) of ``(n, 3)`` ECEF points (m)."""
    lat, lon, alt = ecef_to_geodetic(points_ecef_m)
    return np.degrees(lat), np.degrees(lon), alt


def object_points(setup: KillChainSetup, objs: IntArray, t_s: FloatArray) -> FloatArray:
    """Positions ``(n, 3)`` (ECEF, meters) of released objects ``objs`` at times ``t_s``."""
    grid = setup.windows.t_s
    k = np.clip(np.searchsorted(grid, t_s) - 1, 0, grid.size - 2)
    w = ((t_s - grid[k]) / (grid[k + 1] - grid[k]))[:, None]
    r = setup.object_r_ecef_m
    return (1.0 - w) * r[objs, k] + w * r[objs, k + 1]


def layer_shots(
    setup: KillChainSetup,
    layer: str,
    look: int,
    battery: IntArray,
    target: IntArray,
    t_shot: FloatArray,
    kill: np.ndarray,
) -> dict[str, np.ndarray]:
    """The shots of one look of a surface layer as columns, fly-outs included.

    Parameters
    ----------
    battery, target : (n,) int64
        The battery that fired and the target (index into ``setup.targets``) of each shot.
    t_shot : (n,) float64, seconds
        The intercepts.
    kill : (n,) bool

    Returns
    -------
    dict of str to (n,) arrays
        :data:`SHOT_COLUMNS` less ``track_role``, ``earliest_launch_s``,
        ``prediction_sigma_m`` and ``cover_probability`` (the caller's).
    """
    n = target.size
    tg = setup.targets
    owner, proxy = tg.owner[target], tg.proxy[target]
    point = object_points(setup, proxy, t_shot)
    lat, lon, alt = geodetic(point)
    site_r = np.stack([setup.batteries[int(k)].r_ecef_m for k in battery])
    s_lat, s_lon, s_alt = geodetic(site_r)
    kinds = [setup.batteries[int(k)].kind for k in battery]
    distance = np.linalg.norm(point - site_r, axis=-1)
    fly = np.empty(n)
    names = np.array([kd.name for kd in kinds])
    for name in np.unique(names):
        rows = names == name
        fly[rows] = kinds[int(np.argmax(rows))].time_to_reach_s(distance[rows])
    held = owner >= 0
    kind = setup.object_kind[np.maximum(owner, 0)]
    return {
        "layer": np.full(n, layer),
        "look": np.full(n, look, np.int64),
        "interceptor": names,
        "shooter": np.array([setup.batteries[int(k)].site for k in battery]),
        "satellite_id": np.full(n, -1, np.int64),
        "battery_id": battery.astype(np.int64),
        "track_id": tg.track_id[target].astype(np.int64),
        "target_object_id": np.where(held, setup.n_missile + owner, -1).astype(np.int64),
        "target_kind": np.array(
            [KIND_LABELS[int(k)] if h else NO_OBJECT for k, h in zip(kind, held, strict=True)]
        ),
        "threat_id": np.where(held, setup.object_missile[np.maximum(owner, 0)], -1).astype(
            np.int64
        ),
        "launch_time_s": t_shot - fly,
        "launch_latitude_deg": s_lat,
        "launch_longitude_deg": s_lon,
        "launch_altitude_m": s_alt,
        "intercept_time_s": t_shot,
        "intercept_latitude_deg": lat,
        "intercept_longitude_deg": lon,
        "intercept_altitude_m": alt,
        "kill": kill,
        "cue_time_s": tg.fire_control_s[target],
        "payload_latitude_deg": np.full(n, np.nan),
        "payload_longitude_deg": np.full(n, np.nan),
        "payload_landed": np.zeros(n, bool),
    }
