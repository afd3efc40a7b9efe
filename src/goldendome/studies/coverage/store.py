"""Coverage into a run folder: the figures of every region and layer as declared tables.

Tables (:mod:`goldendome.results.schemas`): ``coverage_regions`` (one row per region and
layer, region-wide figures), ``coverage_folds`` (share of time with at least N satellites,
per region and layer), ``coverage_points`` (the figures of every grid point). The manifest's
``run`` facts hold the window, the regions' definitions, the layers and their elevation
masks, ``min_assets`` and ``n_fold``; the scenario text is the one the study read.
"""

import dataclasses
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from goldendome.results.run_folder import Columns
from goldendome.scenario.spec import ScenarioSpec
from goldendome.studies.coverage.figures import (
    CoverageResult,
    ProgressFn,
    coverage_inputs,
    region_facts,
    simulate_coverage,
)
from goldendome.studies.folder import study_folder


def _noop(stage: str, done: int, total: int) -> None:
    return None


def _mask(masks: dict[str, float]) -> float:
    values = set(masks.values())
    return values.pop() if len(values) == 1 else float("nan")


def coverage_tables(result: CoverageResult) -> dict[str, Columns]:
    """The ``coverage_regions``, ``coverage_folds`` and ``coverage_points`` columns."""
    regions: dict[str, list[Any]] = {}
    folds: dict[str, list[Any]] = {k: [] for k in ("region", "layer", "at_least")}
    folds["time_fraction_mean"] = []
    points: dict[str, list[Any]] = {}
    for row in result.rows:
        s = row.summary()
        values = {
            "region": s["region"],
            "layer": s["layer"],
            "role": s["role"],
            "layers": ",".join(s["layers"]),
            "satellites": s["satellites"],
            "min_elevation_deg": _mask(s["min_elevation_deg"]),
            **{
                k: s[k]
                for k in (
                    "points",
                    "coverage_fraction_mean",
                    "coverage_fraction_min",
                    "always_covered_share",
                    "points_never_covered",
                    "assets_mean",
                    "assets_min",
                    "assets_max",
                    "intervals_mean",
                    "gaps_mean",
                    "gap_mean_s",
                    "gap_max_s",
                    "time_average_gap_s",
                    "age_of_data_mean_s",
                    "age_of_data_max_s",
                    "edge_gap_share",
                )
            },
        }
        for key, value in values.items():
            regions.setdefault(key, []).append(value)
        for n, share in enumerate(s["fold_fraction_mean"], start=1):
            for key, value in (
                ("region", s["region"]),
                ("layer", s["layer"]),
                ("at_least", n),
                ("time_fraction_mean", share),
            ):
                folds[key].append(value)
        f, region = row.figures, row.region
        n_point = region.n_points
        for key, column in (
            ("region", [region.name] * n_point),
            ("layer", [row.layer] * n_point),
            ("point", np.arange(n_point)),
            ("latitude_deg", np.degrees(region.lat_rad)),
            ("longitude_deg", np.degrees(region.lon_rad)),
            ("coverage_fraction", f.coverage_fraction),
            ("assets_mean", f.assets_mean),
            ("assets_min", f.assets_min),
            ("assets_max", f.assets_max),
            ("gaps", f.n_gaps),
            ("gap_mean_s", f.gap_mean_s),
            ("gap_max_s", f.gap_max_s),
            ("gap_at_edge", f.gap_at_start | f.gap_at_end),
            ("time_average_gap_s", f.time_average_gap_s),
            ("age_of_data_mean_s", f.age_of_data_mean_s),
            ("age_of_data_max_s", f.age_of_data_max_s),
        ):
            points.setdefault(key, []).append(np.asarray(column))
    return {
        "coverage_regions": regions,
        "coverage_folds": folds,
        "coverage_points": {k: np.concatenate(v) for k, v in points.items()},
    }


def stored_coverage(
    spec: ScenarioSpec,
    scenario_text: str,
    runs_dir: str | Path,
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
    """:func:`~goldendome.studies.coverage.figures.simulate_coverage`, written to a new run
    folder under ``runs_dir`` (its path in the result's ``run_folder``).

    The inputs are checked before the folder is made, so a bad region or layer leaves no
    folder; Ctrl-C marks the manifest ``interrupted`` (the tables are written at the end).
    """
    chosen, names, t_s = coverage_inputs(
        spec, regions, layers, min_elevation_deg, duration_s, step_s
    )
    facts: dict[str, Any] = {
        "epoch_utc": spec.time.epoch.isoformat(),
        "duration_s": float(t_s[-1] - t_s[0]),
        "step_s": float(t_s[1] - t_s[0]) if t_s.shape[0] > 1 else 0.0,
        "n_times": int(t_s.shape[0]),
        "regions": [region_facts(r) for r in chosen],
        "layers": names,
        "min_elevation_deg": min_elevation_deg,
        "min_assets": min_assets,
        "n_fold": n_fold,
    }
    with study_folder(
        runs_dir,
        f"coverage-{spec.name}",
        study="coverage",
        scenario_name=spec.name,
        scenario_text=scenario_text,
        seed=spec.seed,
        facts=facts,
    ) as run:
        with run.stage("coverage"):
            result = simulate_coverage(
                spec,
                regions,
                layers=layers,
                min_elevation_deg=min_elevation_deg,
                min_assets=min_assets,
                n_fold=n_fold,
                duration_s=duration_s,
                step_s=step_s,
                progress=progress,
            )
        run.facts["min_elevation_deg_by_layer"] = {
            name: mask for row in result.rows for name, mask in row.min_elevation_deg.items()
        }
        with run.stage("tables"):
            for name, columns in coverage_tables(result).items():
                run.table(name, columns)
    return dataclasses.replace(result, run_folder=run.path)
