"""How the tracker's time grows with the raid (issue 13), and the tracker against the baseline
commit's on the peer raid, in one process.

The raids are the peer raid scaled: each of its ten raid lines gets ``missiles / 10``
missiles (three RVs and one decoy each), flown and measured by every sensor of the scenario
once per session (:func:`peer_raid_measurements`).

- Growth: the tracker on the measurements of 30, 100 and 300 missiles. The group's
  reference is the 100-missile raid, ``work`` the missiles, so a ratio near 1 is linear
  growth; the goal is ``time(300) / time(100) < 4.5`` (a quadratic tracker gives 9), checked
  by :func:`test_growth_is_near_linear` after the timed runs.
- Against the baseline: today's tracker and the baseline commit's
  (:mod:`benchmarks.baseline`) on the peer raid's measurements; both must make the same
  number of tracks and assign the same measurements. Today's runs with the association
  and track management the baseline had (:data:`LEGACY`: gated GNN, no velocity borrowed
  from neighbours, no merging); the JPDA default is compared with Stone Soup's in
  ``benchmarks/test_tracker_jpda.py``.

With ``--benchmark-disable`` (``make test``) the raids are 10 and 30 missiles, each run once.
"""

from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest

from benchmarks.baseline import baseline_api
from goldendome import api
from goldendome.physics.measurements import Measurements
from goldendome.run.context import RunContext
from goldendome.tracking.tracker import TrackerSettings, run_tracker

#: Missiles of the timed raids, and of the untimed pass.
TIMED, UNTIMED = (30, 100, 300), (10, 30)
#: Lines of the peer raid (``[[threats.raid]]`` entries).
RAID_LINES = 10
ROUNDS = 3
#: Largest ``time(300) / time(100)`` accepted.
GROWTH_LIMIT = 4.5
#: Today's tracker as the baseline commit had it.
LEGACY = TrackerSettings(association="gnn", neighbour_radius_m=0.0, merge_probability=0.0)


def scaled_peer_raid(missiles: int) -> dict[str, int]:
    """Changes to the peer raid that give ``missiles`` missiles (a multiple of ten)."""
    if missiles % RAID_LINES:
        raise ValueError(f"missiles = {missiles}: the peer raid scales by tens.")
    return {f"threats.raid[{i}].count": missiles // RAID_LINES for i in range(RAID_LINES)}


@dataclass(frozen=True)
class MeasuredRaid:
    """Every sensor's detections of a scaled peer raid."""

    missiles: int
    objects: int
    m: Measurements

    def columns(self) -> tuple[np.ndarray, ...]:
        """The arguments of ``run_tracker``."""
        m = self.m
        return m.sensor, m.t_s, m.z, m.sigma, m.origin_r_eci_m, m.origin_v_eci_m_s, m.rotation


def peer_raid_measurements(missiles: int) -> MeasuredRaid:
    """Fly the peer raid scaled to ``missiles`` and let every sensor measure it."""
    spec, _ = api.read_scenario("peer-raid", changes=scaled_peer_raid(missiles))
    ctx = RunContext(spec)
    assert ctx.raid is not None
    scene = ctx.raid.scene
    rngs = ctx.streams.children("sensing", len(ctx.sensors) + 1)
    parts = [s.measure(scene, rng) for s, rng in zip(ctx.sensors, rngs, strict=False)]
    return MeasuredRaid(missiles, len(scene), Measurements.concatenate(parts))


_RAIDS: dict[int, MeasuredRaid] = {}
_MEDIANS: dict[int, float] = {}


def _raid(missiles: int) -> MeasuredRaid:
    if missiles not in _RAIDS:
        _RAIDS[missiles] = peer_raid_measurements(missiles)
    return _RAIDS[missiles]


_TRACKS: dict[int, int] = {}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """The timed raids, or with ``--benchmark-disable`` the two small ones (no skipped cases)."""
    if "missiles" in metafunc.fixturenames:
        untimed = metafunc.config.getoption("benchmark_disable", False)
        metafunc.parametrize("missiles", UNTIMED if untimed else TIMED)


def test_tracker_growth(benchmark, missiles: int):
    raid = _raid(missiles)
    benchmark.group = "tracker on scaled peer raids (per missile)"
    role = "reference" if raid.missiles == 100 else f"{raid.missiles} missiles"
    benchmark.extra_info.update(role=role, work=raid.missiles, measurements=raid.m.t_s.size)
    rounds = 1 if benchmark.disabled else ROUNDS
    log = benchmark.pedantic(run_tracker, raid.columns(), rounds=rounds)
    assert len(log) > raid.objects  # every object tracked, with some extra tracks
    # Share of measurements the tracker assigned to some track. On the 30-missile raid it was
    # 0.93 until ea5be44 (two tracks one sensor resolved in a scan are never merged), 0.87
    # since: a known regression of that fix, stated in docs/sensors.md; the bound keeps it
    # from growing.
    assert (log.assigned >= 0).mean() > 0.85
    _TRACKS[raid.missiles] = len(log)
    if not benchmark.disabled:
        _MEDIANS[raid.missiles] = benchmark.stats.stats.median


def test_growth_is_near_linear(request: pytest.FixtureRequest):
    """Timed: ``time(300) / time(100)`` below the goal. Untimed: every raid size ran and the
    larger raids made more tracks."""
    untimed = request.config.getoption("benchmark_disable", False)
    sizes = UNTIMED if untimed else TIMED
    assert set(_TRACKS) == set(sizes), _TRACKS
    assert [_TRACKS[n] for n in sizes] == sorted(_TRACKS[n] for n in sizes), _TRACKS
    if not untimed:
        assert _MEDIANS[300] / _MEDIANS[100] < GROWTH_LIMIT, _MEDIANS


@pytest.fixture(scope="module")
def baseline_tracker() -> Any:
    """The baseline commit's ``run_tracker``."""
    import importlib

    baseline_api()
    return importlib.import_module("goldendome_baseline.tracking.tracker").run_tracker


_LOGS: dict[str, Any] = {}


@pytest.mark.parametrize("role", ["today", "reference"])
def test_tracker_against_baseline(benchmark, baseline_tracker, role: str):
    raid = _raid(10 if benchmark.disabled else 100)
    benchmark.group = f"tracker on the peer raid's measurements ({raid.missiles} missiles)"
    benchmark.extra_info.update(role=role, work=1)
    if role == "today":
        args = (*raid.columns(), LEGACY)
        _LOGS[role] = benchmark.pedantic(run_tracker, args, rounds=1)
    else:
        _LOGS[role] = benchmark.pedantic(baseline_tracker, raid.columns(), rounds=1)


def test_same_tracks_as_the_baseline():
    if set(_LOGS) != {"today", "reference"}:
        pytest.skip("needs both trackers' runs")
    today, baseline = _LOGS["today"], _LOGS["reference"]
    assert len(today) == len(baseline)
    assert np.array_equal(today.assigned, baseline.assigned)
