"""Coverage of named ground regions by each space layer of a scenario, in STK's vocabulary.

For each space layer the satellites are propagated over the scenario window (analytic J2,
Earth-fixed frame) and counted, per grid point and time, when they stand at or above the
point's elevation mask (:mod:`goldendome.studies.coverage.counts`). The figures of merit
per point come from :func:`goldendome.sensors.coverage.coverage_figures`; region-wide
figures weight points by cos(latitude).

Visibility rule (a goldendome choice): a satellite covers a ground point when its elevation
seen from the point is at least ``min_elevation_deg``. By default 0 deg (the geometric
horizon, i.e. the point lies inside the satellite's Earth-limb-limited view) for layers
whose apogee is above 2,000 km (GEO and HEO staring infrared sensors, which look at
missile plumes well above the ground), and 10 deg for LEO layers (a common mask for
low-orbit coverage, which keeps slant ranges and atmospheric paths short). Sensor
field-of-regard, Sun and cloud constraints are not modeled here. Layers of the same role
are also reported together (counts added), e.g. the GEO and HEO early-warning layers.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from goldendome.physics._types import FloatArray, IntArray
from goldendome.scenario.spec import MAX_TIME_SAMPLES, ScenarioSpec
from goldendome.sensors.coverage import CoverageFigures, coverage_figures
from goldendome.studies.coverage.counts import count_in_view, default_min_elevation_deg
from goldendome.studies.coverage.regions import Region, select_regions

#: Progress callback: ``(stage, done, total)``.
ProgressFn = Callable[[str, int, int], None]


def _noop(stage: str, done: int, total: int) -> None:
    return None


@dataclass(frozen=True)
class RegionCoverage:
    """Figures of merit of one region's points for one layer (or a role's layers together)."""

    region: Region
    layer: str
    role: str
    layers: tuple[str, ...]
    n_satellites: int
    min_elevation_deg: Mapping[str, float]
    figures: CoverageFigures

    def summary(self) -> dict[str, Any]:
        """Region-wide figures as plain data.

        Means weight points by cos(latitude); ``_min``/``_max`` are over points.
        ``coverage_fraction_*``: share of time covered; ``always_covered_share``: share of
        the area covered all the time; ``fold_fraction_mean[N - 1]``: share of time with at
        least N satellites; ``assets_*``: satellites in view; ``intervals_mean`` and
        ``gaps_mean``: per point; ``gap_mean_s``: mean duration of the gaps (area-weighted
        over points); ``gap_max_s``: longest gap anywhere; ``edge_gap_share``: share of the
        area with a gap open at the window's start or end (those durations are lower bounds).
        """
        f, w = self.figures, self.region.area_weights()
        gap_weight = float(w @ f.n_gaps)
        gap_total = float(w @ (f.gap_mean_s * f.n_gaps))
        return {
            "region": self.region.name,
            "layer": self.layer,
            "role": self.role,
            "layers": list(self.layers),
            "satellites": self.n_satellites,
            "min_elevation_deg": dict(self.min_elevation_deg),
            "points": self.region.n_points,
            "coverage_fraction_mean": float(w @ f.coverage_fraction),
            "coverage_fraction_min": float(f.coverage_fraction.min()),
            "always_covered_share": float(w @ (f.coverage_fraction >= 1.0)),
            "points_never_covered": int(np.count_nonzero(f.n_intervals == 0)),
            "fold_fraction_mean": [float(v) for v in w @ f.fold_fraction],
            "assets_mean": float(w @ f.assets_mean),
            "assets_min": int(f.assets_min.min()),
            "assets_max": int(f.assets_max.max()),
            "intervals_mean": float(w @ f.n_intervals),
            "gaps_mean": gap_weight,
            "gap_mean_s": gap_total / gap_weight if gap_weight > 0.0 else 0.0,
            "gap_max_s": float(f.gap_max_s.max()),
            "time_average_gap_s": float(w @ f.time_average_gap_s),
            "age_of_data_mean_s": float(w @ f.age_of_data_mean_s),
            "age_of_data_max_s": float(f.age_of_data_max_s.max()),
            "edge_gap_share": float(w @ (f.gap_at_start | f.gap_at_end)),
        }


@dataclass(frozen=True)
class CoverageResult:
    """Coverage of every region by every layer over one window.

    Attributes
    ----------
    scenario : str
        The scenario's name.
    epoch : datetime
        The scenario epoch (UTC); ``t_s`` counts from it.
    t_s : (n_time,) float64, seconds
    regions : list of Region
    rows : list of RegionCoverage
    run_folder : Path or None
        The run folder the result was stored in, if any.
    """

    scenario: str
    epoch: datetime
    t_s: FloatArray
    regions: list[Region]
    rows: list[RegionCoverage] = field(default_factory=list)
    run_folder: Path | None = None

    def row(self, region: str, layer: str) -> RegionCoverage:
        """The row of a region (name as in the file) and a layer (or ``a+b`` for a role)."""
        for r in self.rows:
            if r.region.name == region and r.layer == layer:
                return r
        raise KeyError(f"no coverage row for region {region!r} and layer {layer!r}.")


def time_grid_s(spec: ScenarioSpec, duration_s: float | None, step_s: float | None) -> FloatArray:
    """Sample times ``(n_time,)`` s: the scenario's window unless overridden."""
    duration = spec.time.duration_s if duration_s is None else float(duration_s)
    step = spec.time.step_s if step_s is None else float(step_s)
    if not (duration > 0.0 and 0.0 < step <= duration):
        raise ValueError(
            f"The coverage window needs 0 < step_s <= duration_s, got step_s = {step} and "
            f"duration_s = {duration}."
        )
    if duration / step > MAX_TIME_SAMPLES:
        raise ValueError(
            f"duration_s / step_s = {duration / step:,.0f} time samples is more than "
            f"{MAX_TIME_SAMPLES:,}; use a longer step."
        )
    return np.arange(0.0, duration + 0.5 * step, step)


def _stage_progress(progress: ProgressFn, stage: str, total: int) -> Callable[[int], None]:
    def report(done: int) -> None:
        progress(stage, done, total)

    return report


def _layer_names(spec: ScenarioSpec, layers: Sequence[str] | None) -> list[str]:
    if layers is None:
        return list(spec.space)
    unknown = [name for name in layers if name not in spec.space]
    if unknown:
        raise ValueError(
            f"Unknown space layer {', '.join(map(repr, unknown))}; the scenario's layers "
            f"are {', '.join(spec.space)}."
        )
    return list(dict.fromkeys(layers))


def coverage_inputs(
    spec: ScenarioSpec,
    regions: Sequence[str] | None,
    layers: Sequence[str] | None,
    min_elevation_deg: float | None,
    duration_s: float | None,
    step_s: float | None,
) -> tuple[list[Region], list[str], FloatArray]:
    """The regions, layer names and sample times ``(n_time,)`` s a coverage run would use.

    Raises
    ------
    UnknownRegionError, ValueError
        For an unknown region or layer, or a bad window or mask (before any work is done).
    """
    if min_elevation_deg is not None and not 0.0 <= min_elevation_deg < 90.0:
        raise ValueError(
            f"min_elevation_deg must lie in [0, 90) degrees, got {min_elevation_deg}; a mask "
            "below the horizon would count satellites hidden by the Earth."
        )
    return (
        select_regions(regions),
        _layer_names(spec, layers),
        time_grid_s(spec, duration_s, step_s),
    )


def simulate_coverage(
    spec: ScenarioSpec,
    regions: Sequence[str] | None = None,
    *,
    layers: Sequence[str] | None = None,
    min_elevation_deg: float | None = None,
    min_assets: int = 1,
    n_fold: int = 3,
    duration_s: float | None = None,
    step_s: float | None = None,
    progress: ProgressFn = _noop,
) -> CoverageResult:
    """Coverage figures of merit of named regions by each space layer of a scenario.

    Parameters
    ----------
    spec : ScenarioSpec
    regions : sequence of str, optional
        Region names of ``data/regions.toml`` (all when omitted), any case.
    layers : sequence of str, optional
        Space layers to analyze (all when omitted).
    min_elevation_deg : float, optional
        One mask for every layer, degrees; by default 0 for high orbits, 10 for LEO.
    min_assets : int
        Satellites needed for a point to count as covered.
    n_fold : int
        Report the share of time with at least N satellites, N = 1..n_fold.
    duration_s, step_s : float, optional
        Override the scenario's window and step, seconds.
    progress : callable
        ``progress(stage, done, total)`` after each chunk of satellites.

    Returns
    -------
    CoverageResult
        One row per (region, layer), then per (region, role) for roles with several layers.

    Raises
    ------
    UnknownRegionError, ValueError
        For an unknown region or layer, or a bad window or mask.
    """
    chosen, names, t_s = coverage_inputs(
        spec, regions, layers, min_elevation_deg, duration_s, step_s
    )
    point_sets = [(r.lat_rad, r.lon_rad) for r in chosen]
    counts: dict[str, list[IntArray]] = {}
    meta: dict[str, tuple[str, int, float]] = {}
    for name in names:
        model = spec.space[name].build(name)
        elements = model.initial_elements(spec.time.epoch)
        mask = min_elevation_deg
        if mask is None:
            mask = default_min_elevation_deg(elements)
        progress(f"coverage: {name}", 0, len(elements))
        counts[name] = count_in_view(
            elements,
            t_s,
            spec.time.epoch,
            point_sets,
            float(np.radians(mask)),
            _stage_progress(progress, f"coverage: {name}", len(elements)),
        )
        meta[name] = (str(model.role), len(elements), float(mask))
    groups: list[tuple[str, str, tuple[str, ...]]] = [(n, meta[n][0], (n,)) for n in names]
    for role in dict.fromkeys(meta[n][0] for n in names):
        members = tuple(n for n in names if meta[n][0] == role)
        if len(members) > 1:
            groups.append(("+".join(members), role, members))
    rows = []
    for i, region in enumerate(chosen):
        for label, role, members in groups:
            n_in_view = sum((counts[m][i] for m in members), np.zeros_like(counts[members[0]][i]))
            rows.append(
                RegionCoverage(
                    region=region,
                    layer=label,
                    role=role,
                    layers=members,
                    n_satellites=sum(meta[m][1] for m in members),
                    min_elevation_deg={m: meta[m][2] for m in members},
                    figures=coverage_figures(n_in_view, t_s, min_assets=min_assets, n_fold=n_fold),
                )
            )
    return CoverageResult(
        scenario=spec.name, epoch=spec.time.epoch, t_s=t_s, regions=chosen, rows=rows
    )


def region_facts(region: Region) -> dict[str, Any]:
    """A region's name, label, source, bounds and grid as plain data."""
    r = region
    return {
        "name": r.name,
        "label": r.label,
        "source": r.source,
        "bounds_deg": {
            "south": r.south_deg,
            "north": r.north_deg,
            "west": r.west_deg,
            "east": r.east_deg,
        },
        "spacing_deg": r.spacing_deg,
        "points": r.n_points,
    }


def coverage_report(result: CoverageResult) -> dict[str, Any]:
    """Plain data of a coverage result (what ``goldendome coverage --json`` prints); with a
    ``run_folder`` key when the result was stored."""
    t = result.t_s
    first = result.rows[0].figures if result.rows else None
    report = {
        "scenario": result.scenario,
        "epoch_utc": result.epoch.isoformat(),
        "duration_s": float(t[-1] - t[0]),
        "step_s": float(t[1] - t[0]) if t.shape[0] > 1 else 0.0,
        "samples": int(t.shape[0]),
        "min_assets": first.min_assets if first else 1,
        "n_fold": int(first.fold_fraction.shape[1]) if first else 0,
        "regions": [region_facts(r) for r in result.regions],
        "coverage": [row.summary() for row in result.rows],
    }
    if result.run_folder is not None:
        report["run_folder"] = str(result.run_folder)
    return report
