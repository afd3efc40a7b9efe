"""A hand-made kill-chain setup: N warheads over defended cities, one midcourse battery that
can always reach them, no boost layer unless asked. Small enough for thousands of trials."""

import dataclasses

import numpy as np

from goldendome.interceptors.ground_based import interceptor_types
from goldendome.interceptors.intercept_window import InterceptWindows
from goldendome.run.kill_chain_setup import Battery, BoostPhase, KillChainSetup
from goldendome.scenario.doctrine import DoctrineSpec, LayerDoctrine

T_S = np.arange(0.0, 2000.0, 10.0)


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
    kind = np.array([0] * warheads + [1] * decoys, np.int64)
    lat = np.full(n, np.radians(40.0))
    lon = np.full(n, np.radians(-75.0))
    lon[:off_target] += np.radians(6.0)
    gbi = dataclasses.replace(interceptor_types()["gbi"], sspk_rv=sspk, sspk_decoy=sspk)
    launch_by = np.broadcast_to(T_S - 100.0, (1, n, T_S.size)).copy()
    r = np.zeros((n, T_S.size, 3))
    r[..., 0] = 6.5e6
    boost = []
    if sbi:
        boost = [
            BoostPhase(
                np.arange(2 * n), np.repeat(np.arange(n), 2), np.full(2 * n, 150.0),
                np.zeros(2 * n), np.zeros(2 * n), np.full(2 * n, 200.0),
            )
        ]  # fmt: skip
    return KillChainSetup(
        doctrine=doctrine or DoctrineSpec(midcourse=LayerDoctrine(shots=4), survivor_seen=1.0),
        n_missile=n,
        boost=boost,
        sbi_sspk=0.8,
        sbi_unit_cost_usd=22e6,
        object_kind=kind,
        object_missile=np.arange(n),
        object_impact_lat_rad=lat,
        object_impact_lon_rad=lon,
        object_asset=np.where(np.arange(n) < off_target, -1, 0) if assets else np.full(n, -1),
        predicted_lat_rad=lat,
        predicted_lon_rad=lon,
        fire_control_s=np.full(n, 300.0),
        impact_sigma_m=np.full(n, 1e3),
        told_probability=np.zeros(n),
        asset_lat_rad=np.radians([40.0]) if assets else np.zeros(0),
        asset_lon_rad=np.radians([-75.0]) if assets else np.zeros(0),
        asset_radius_m=np.array([25e3]) if assets else np.zeros(0),
        asset_worth=np.array([1e6]) if assets else np.zeros(0),
        asset_names=["City"] if assets else [],
        batteries=[Battery("Site", gbi, magazine)],
        windows=InterceptWindows(T_S, launch_by, np.full_like(launch_by, 1e6)),
        object_r_ecef_m=r,
    )
