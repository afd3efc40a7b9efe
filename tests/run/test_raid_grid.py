"""The raid's boost-phase grid skips the time between far-apart launches, and flying the
raid reports progress as groups of missiles and of payloads are flown."""

import numpy as np

from goldendome.run.boost_tracks import boost_grid
from goldendome.run.context import RunContext
from goldendome.run.footprint import boost_samples
from goldendome.run.work_bounds import merged_intervals
from goldendome.scenario.catalog import BallisticClassSpec, threat_classes
from goldendome.threats.ballistic import Launches
from tests.small_scenario import small_spec


def _launches(times: list[float]) -> Launches:
    spec = threat_classes()["hwasong-18-class"]
    assert isinstance(spec, BallisticClassSpec)
    rocket = spec.build_rocket()
    n = len(times)
    return Launches.of([rocket] * n, [0.7] * n, [2.2] * n, 0.0, 0.0, t_launch_s=times)


def test_far_apart_launches_make_no_samples_in_between() -> None:
    launches = _launches([60.0, 3_000.5])
    grid = boost_grid(launches)
    burn = float(launches.stage_burn_s.sum(axis=1)[0])
    contiguous = np.arange(60.0, 3_000.5 + burn + 2.0, 1.0)
    assert np.isin(grid, contiguous).all()  # the same samples, fewer of them
    assert grid.size < 2 * (burn + 4)
    for t0 in (60.0, 3_000.5):  # each boost phase covered, a sample at or before launch
        mine = grid[(grid >= t0 - 1.0) & (grid <= t0 + burn + 1.0)]
        assert mine[0] <= t0
        assert np.all(np.diff(mine) == 1.0)
        assert mine[-1] > t0 + burn


def test_merged_intervals() -> None:
    lo, hi = np.array([5, 0, 20, 8]), np.array([9, 3, 22, 12])
    assert merged_intervals(lo, hi) == [(0, 3), (5, 12), (20, 22)]


def test_the_budget_counts_the_grid_the_raid_flies() -> None:
    spec = small_spec()
    ctx = RunContext(spec)
    assert ctx.raid is not None
    assert boost_samples(spec) == ctx.raid.boost.t_s.size


def test_flying_the_raid_reports_missiles_then_payloads() -> None:
    ctx = RunContext(small_spec())
    calls: list[tuple[str, int, int]] = []
    raid = ctx.fly_raid(lambda stage, done, total: calls.append((stage, done, total)))
    assert raid is not None
    assert ctx.raid is raid
    missiles = [c for c in calls if c[0] == "flying missiles"]
    payloads = [c for c in calls if c[0] == "flying RVs and decoys"]
    assert missiles[0] == ("flying missiles", 0, raid.n_missiles)
    assert missiles[-1] == ("flying missiles", raid.n_missiles, raid.n_missiles)
    n_obj = len(raid.deployment)
    assert payloads[-1] == ("flying RVs and decoys", n_obj, n_obj)
    assert calls.index(missiles[-1]) < calls.index(payloads[0])
    assert ctx.fly_raid() is raid  # flown once
