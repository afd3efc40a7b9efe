"""Stage 3, the boost layer: when the sensors first report each missile, when the battle
manager may commit space-based interceptors, and which of them can reach each missile
before its engagement deadline, for every boost sample of the run.

The run's :class:`goldendome.run.boost_sampler.BoostSampler` is built here once (cached in
the context) and handed to the kill chain, whose trials compute their samples where they
run. Sample 0 (the constellation as written, with the first report draws) is computed here:
its opportunities are the run's ``sbi_opportunities`` table, and how the salvo saturates
them (:mod:`goldendome.engagement.salvo`) is ``sbi_threats``, with each missile's first
report, commit and deadline.
"""

import numpy as np

from goldendome.engagement.salvo import fair_shots
from goldendome.run.boost_sampler import BoostSampler, boost_scene
from goldendome.run.context import RunContext
from goldendome.run.sink import Sink


def boost_sampler(ctx: RunContext) -> BoostSampler | None:
    """The run's boost sampler (cached in the context); None without an SBI layer or raid."""
    key = "boost_sampler"
    if key in ctx.products:
        cached: BoostSampler = ctx.products[key]
        return cached
    layer, raid, sbi = ctx.sbi_layer, ctx.raid, ctx.spec.sbi
    if layer is None or raid is None or sbi is None:
        return None
    sampler = BoostSampler(
        elements=layer.elements,
        first_satellite_id=layer.first_satellite_id,
        tracks=raid.boost,
        vehicle=sbi.build_vehicle(),
        rule=sbi.build_rule(),
        sensors=ctx.sensors,
        scene=boost_scene(raid.scene, raid.n_missiles),
        seed=ctx.spec.seed,
        n_samples=ctx.spec.monte_carlo.phase_samples,
        clock=ctx.clock,
        launches=raid.launches,
        availability=sbi.build_availability(),
    )
    ctx.products[key] = sampler
    return sampler


def run_boost(ctx: RunContext, sink: Sink) -> None:
    """The ``sbi_opportunities`` and ``sbi_threats`` tables of boost sample 0."""
    sampler, raid = boost_sampler(ctx), ctx.raid
    if sampler is None or raid is None:
        return
    found = sampler.sample(0)
    opps, bp = found.opportunities, found.phase
    n_threat = raid.n_missiles
    _, shots = fair_shots(bp.satellite, bp.threat, n_threat)
    launch = raid.boost.launch_time_s
    first = np.full(n_threat, np.nan)
    for j in range(n_threat):
        mine = bp.intercept_time_s[bp.threat == j]
        if mine.size:
            first[j] = mine.min() - launch[j]
    sink.table(
        "sbi_opportunities",
        {
            "threat_id": bp.threat,
            "satellite_id": sampler.first_satellite_id + bp.satellite,
            "launch_time_s": bp.launch_time_s,
            "intercept_time_s": bp.intercept_time_s,
            "time_of_flight_s": opps.time_of_flight_s,
            "flyout_distance_m": opps.distance_m,
            "launch_latitude_deg": bp.launch_latitude_deg,
            "launch_longitude_deg": bp.launch_longitude_deg,
            "launch_altitude_m": bp.launch_altitude_m,
            "intercept_latitude_deg": bp.latitude_deg,
            "intercept_longitude_deg": bp.longitude_deg,
            "intercept_altitude_m": bp.altitude_m,
        },
    )
    reported = np.isfinite(found.first_report_s)
    sink.table(
        "sbi_threats",
        {
            "threat_id": np.arange(n_threat),
            "sbis_in_reach": opps.in_reach_count(n_threat),
            "first_report_s": np.where(reported, found.first_report_s - launch, np.nan),
            "window_start_s": np.where(reported, found.commit_s - launch, np.nan),
            "window_end_s": found.window_end_s - launch,
            "first_intercept_s": first,
            "shots_assigned": shots,
        },
    )
