"""The architecture stage at 10,000 and 100,000 SBIs (issue 13, "Robust at any size").

The stage streams each layer in blocks of satellites (:meth:`goldendome.run.layers.
SpaceLayer.blocks`), so its time per satellite should not grow with the layer and its
memory should not grow at all.

- ``architecture time per satellite``: the stage at 100,000 SBIs against the same stage at
  10,000 (work = satellites); the ratio printed is near 1 when the time is linear in the
  satellites (it was 0.7 before streaming: 17.7x the time for 12.8x the satellites).
- ``architecture, 10,000 SBIs``: the stage against the code before streaming (each layer
  propagated whole, then its geodetic and Earth-fixed arrays, as
  ``goldendome.run.stages.architecture`` did), in the same process; both give the same
  coverage counts, and the streamed stage holds a few MB where the other held 1 GB.

The scenario is the default's with the SBI layer resized and a half-hour window (181
samples); with ``--benchmark-disable`` (``make test``) each runs once, untimed.
"""

from typing import Any

import numpy as np
import pytest

from goldendome.physics.elevation_counts import in_view_counts, up_vectors
from goldendome.physics.frames import eci_to_ecef
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.run.context import RunContext
from goldendome.run.stages.architecture import places_tables, run_architecture
from goldendome.scenario.loader import embedded_scenario_text, load_scenario_text
from goldendome.scenario.spec import ScenarioSpec


class _Sink:
    def __init__(self) -> None:
        self.tables: dict[str, Any] = {}

    def table(self, name: str, columns: Any) -> None:
        self.tables[name] = columns

    def part(self, name: str, first: int, last: int, columns: Any) -> None:
        pass

    def progress(self, stage: str, done: int, total: int) -> None:
        pass


def _spec(satellites: int) -> ScenarioSpec:
    changes = {
        "space.sbi_layer.satellites": satellites,
        "space.sbi_layer.planes": 100,
        "time.duration_s": 1_800.0,
        "threats.raid": None,
    }
    return load_scenario_text(embedded_scenario_text("default"), "default", changes)


def _streamed(spec: ScenarioSpec) -> _Sink:
    sink = _Sink()
    run_architecture(RunContext(spec), sink)
    return sink


def _whole_layer(spec: ScenarioSpec) -> np.ndarray:
    """The stage the way it ran before streaming: each layer propagated whole, then its
    geodetic and Earth-fixed arrays; returns the SBI layer's coverage counts."""
    ctx = RunContext(spec)
    places_tables(ctx, _Sink())
    t_s = ctx.clock.t_s
    sites = ctx.sites
    up = up_vectors(sites.latitude_rad, sites.longitude_rad)
    masks = np.array([s.min_elevation_rad for s in spec.sites])
    found = {}
    for name, layer in ctx.layers.items():
        r_eci = layer.positions_eci("clock", t_s)
        lat, _, height = ecef_to_geodetic(r_eci)
        assert np.isfinite(height.min())
        assert np.abs(lat).max() < np.pi
        r_ecef = eci_to_ecef(r_eci, ctx.clock.theta_rad(t_s))
        found[name] = in_view_counts(r_ecef, up, sites.r_ecef_m, masks)
    return found["sbi_layer"]


def _run(benchmark: Any, work: Any, spec: ScenarioSpec) -> Any:
    return benchmark.pedantic(work, args=(spec,), rounds=1 if benchmark.disabled else 3)


@pytest.mark.benchmark(group="architecture time per satellite")
def test_architecture_10k(benchmark: Any) -> None:
    spec = _spec(10_000)
    benchmark.extra_info.update(role="reference", work=10_000)
    sink = _run(benchmark, _streamed, spec)
    assert sink.tables["layers"]["n_satellites"][0] == 10_000


@pytest.mark.benchmark(group="architecture time per satellite")
def test_architecture_100k(benchmark: Any) -> None:
    spec = _spec(100_000)
    benchmark.extra_info.update(role="100,000 SBIs", work=100_000)
    sink = _run(benchmark, _streamed, spec)
    assert sink.tables["layers"]["n_satellites"][0] == 100_000


@pytest.mark.benchmark(group="architecture, 10,000 SBIs")
def test_streamed_10k(benchmark: Any) -> None:
    spec = _spec(10_000)
    benchmark.extra_info["role"] = "streamed in blocks"
    sink = _run(benchmark, _streamed, spec)
    counts = _whole_layer(spec)
    cover = sink.tables["site_coverage"]
    mine = np.asarray(cover["layer_id"]) == 0
    assert np.array_equal(np.asarray(cover["max_in_view"])[mine], counts.max(axis=1))
    assert np.allclose(np.asarray(cover["mean_in_view"])[mine], counts.mean(axis=1))


@pytest.mark.benchmark(group="architecture, 10,000 SBIs")
def test_whole_layer_10k(benchmark: Any) -> None:
    spec = _spec(10_000)
    benchmark.extra_info["role"] = "reference"
    counts = _run(benchmark, _whole_layer, spec)
    assert counts.shape == (len(spec.sites), 181)
