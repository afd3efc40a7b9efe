"""A hand-made kill-chain setup: N warheads over a defended city, one midcourse battery that
can always reach them, no boost layer unless asked. Small enough for thousands of trials.

Each released object is its own missile (``n_missile == n_objects``), so the global object
id of released object ``k`` is ``n + k``. Every object flies 100 km from the battery; an
intercept at ``t`` must leave by ``t - 100 s``. With ``sbi=True`` each missile has two SBIs
in reach (SBIs ``2j`` and ``2j + 1`` of the layer, whose first satellite id is
:data:`SBI_FIRST_ID`), released at 100 s to intercept at 150 s, the missile first reported
at 60 s and committed against at 90 s; a booster killed there drops its payload in the Sea
of Japan (42 N, 135 E). The tracker is perfect: one fire-control track per
object (track ``k`` on object ``k``) from 300 s, predicting the true impact within 1 km and
held to the end without uncertainty (every kill vehicle covers it).
"""

import dataclasses

import numpy as np

from goldendome.engagement.discrimination_call import ObjectCalls
from goldendome.engagement.picture import Battery, BoostPhase, FixedBoost, KillChainSetup
from goldendome.engagement.targets import one_track_per_object
from goldendome.interceptors.ground_based import interceptor_types
from goldendome.interceptors.intercept_window import InterceptWindows
from goldendome.physics.kinds import ObjectKind
from goldendome.scenario.doctrine import DoctrineSpec, LayerDoctrine

T_S = np.arange(0.0, 2000.0, 10.0)
#: Global satellite id of the SBI layer's first satellite.
SBI_FIRST_ID = 1000
#: The battery's site and where every object flies (Earth-fixed, meters).
SITE_R_ECEF_M = np.array([6.4e6, 0.0, 0.0])
OBJECT_R_ECEF_M = np.array([6.5e6, 0.0, 0.0])


def boost_phase(n: int) -> BoostPhase:
    """Two SBIs per missile: satellites ``2j, 2j + 1`` reach missile ``j``."""
    pairs = 2 * n
    return BoostPhase(
        satellite=np.arange(pairs),
        threat=np.repeat(np.arange(n), 2),
        launch_time_s=np.full(pairs, 100.0),
        intercept_time_s=np.full(pairs, 150.0),
        launch_latitude_deg=np.full(pairs, 40.0),
        launch_longitude_deg=np.full(pairs, 126.0),
        launch_altitude_m=np.full(pairs, 450e3),
        latitude_deg=np.full(pairs, 41.0),
        longitude_deg=np.full(pairs, 128.0),
        altitude_m=np.full(pairs, 200e3),
        first_report_s=np.full(n, 60.0),
        commit_s=np.full(n, 90.0),
        window_end_s=np.full(n, 180.0),
        payload_latitude_deg=np.full(pairs, 42.0),
        payload_longitude_deg=np.full(pairs, 135.0),
        payload_landed=np.ones(pairs, bool),
    )


def synthetic_setup(
    *,
    warheads: int = 9,
    decoys: int = 0,
    sspk: float = 0.5556,
    magazine: int = 1000,
    doctrine: DoctrineSpec | None = None,
    off_target: int = 0,
    assets: bool = True,
    sbi: bool = False,
) -> KillChainSetup:
    """``off_target`` of the warheads land 500 km from every city (not threatening)."""
    n = warheads + decoys
    kind = np.array([ObjectKind.RV] * warheads + [ObjectKind.DECOY] * decoys, np.int64)
    lat = np.full(n, np.radians(40.0))
    lon = np.full(n, np.radians(-75.0))
    lon[:off_target] += np.radians(6.0)
    gbi = dataclasses.replace(interceptor_types()["gbi"], sspk_rv=sspk, sspk_decoy=sspk)
    launch_by = np.broadcast_to(T_S - 100.0, (1, n, T_S.size)).copy()
    r = np.broadcast_to(OBJECT_R_ECEF_M, (n, T_S.size, 3)).copy()
    return KillChainSetup(
        doctrine=doctrine or DoctrineSpec(midcourse=LayerDoctrine(shots=4), survivor_seen=1.0),
        n_missile=n,
        boost=FixedBoost((boost_phase(n),)) if sbi else None,
        sbi_first_satellite_id=SBI_FIRST_ID,
        sbi_sspk=0.8,
        sbi_unit_cost_usd=22e6,
        object_kind=kind,
        object_missile=np.arange(n),
        object_impact_lat_rad=lat,
        object_impact_lon_rad=lon,
        object_asset=np.where(np.arange(n) < off_target, -1, 0) if assets else np.full(n, -1),
        calls=ObjectCalls.told_only(np.zeros(n), kind),
        stage_told_probability=0.0,
        targets=one_track_per_object(np.full(n, 300.0), lat, lon, np.full(n, 1e3)),
        asset_lat_rad=np.radians([40.0]) if assets else np.zeros(0),
        asset_lon_rad=np.radians([-75.0]) if assets else np.zeros(0),
        asset_radius_m=np.array([25e3]) if assets else np.zeros(0),
        asset_worth=np.array([1e6]) if assets else np.zeros(0),
        asset_names=["City"] if assets else [],
        batteries=[Battery(0, "Site", gbi, magazine, SITE_R_ECEF_M)],
        windows=InterceptWindows(T_S, launch_by, np.full_like(launch_by, 1e5)),
        object_r_ecef_m=r,
    )
