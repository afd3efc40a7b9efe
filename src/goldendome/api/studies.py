"""The api's studies: coverage of regions by the space layers, and sizing a constellation of
space-based interceptors against a salvo.

Re-exported by :mod:`goldendome.api`; import from there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from goldendome.api.runs import read_scenario
from goldendome.scenario import ScenarioSpec

if TYPE_CHECKING:
    from goldendome.run.sink import ProgressFn
    from goldendome.studies.coverage.figures import CoverageResult
    from goldendome.studies.sizing.search import SizingAnswer


def coverage(
    scenario: str | Path | None = None,
    *,
    changes: Mapping[str, Any] | None = None,
    regions: Sequence[str] | None = None,
    layers: Sequence[str] | None = None,
    min_elevation_deg: float | None = None,
    min_assets: int = 1,
    n_fold: int = 3,
    duration_s: float | None = None,
    step_s: float | None = None,
    runs_dir: str | Path | None = None,
    progress: ProgressFn | None = None,
) -> CoverageResult:
    """Coverage of named regions by each space layer of a scenario (``goldendome coverage``).

    Parameters
    ----------
    scenario : str or Path, optional
        A scenario file or embedded name, as for :func:`run`; the default when omitted.
    changes : mapping, optional
        Changes by key path before validation (see :func:`read_scenario`).
    regions : sequence of str, optional
        Regions of ``data/regions.toml`` (NK, CONUS, Alaska, Hawaii, Japan; any case); all.
    layers : sequence of str, optional
        Space layers of the scenario; all when omitted.
    min_elevation_deg : float, optional
        One elevation mask for every layer; by default 0 deg above 2,000 km, 10 deg in LEO.
    min_assets : int
        Satellites needed for a point to count as covered.
    n_fold : int
        Report the share of time with at least N satellites, N = 1..n_fold.
    duration_s, step_s : float, optional
        The window and its sampling (the scenario's when omitted).
    runs_dir : str or Path, optional
        Write a run folder under it (tables ``coverage_regions``, ``coverage_folds``,
        ``coverage_points``; its path in the result's ``run_folder``); nothing is written
        when omitted.
    progress : callable, optional
        ``progress(stage, done, total)``.

    Returns
    -------
    CoverageResult
        One row per region and layer (then per role for roles with several layers); see
        :func:`coverage_report` for plain data.

    Raises
    ------
    ScenarioError
        If the scenario cannot be read or is invalid.
    ValueError
        For an unknown region or layer, or a bad window or mask (no folder is written).
    """
    spec, text = read_scenario(scenario, changes=changes)
    return coverage_spec(
        spec,
        text,
        regions=regions,
        layers=layers,
        min_elevation_deg=min_elevation_deg,
        min_assets=min_assets,
        n_fold=n_fold,
        duration_s=duration_s,
        step_s=step_s,
        runs_dir=runs_dir,
        progress=progress,
    )


def coverage_spec(
    spec: ScenarioSpec,
    text: str,
    *,
    regions: Sequence[str] | None = None,
    layers: Sequence[str] | None = None,
    min_elevation_deg: float | None = None,
    min_assets: int = 1,
    n_fold: int = 3,
    duration_s: float | None = None,
    step_s: float | None = None,
    runs_dir: str | Path | None = None,
    progress: ProgressFn | None = None,
) -> CoverageResult:
    """:func:`coverage` of a validated scenario (as :func:`read_scenario` returns it);
    ``text`` is stored in the manifest when ``runs_dir`` is given."""
    options: dict[str, Any] = {
        "layers": layers,
        "min_elevation_deg": min_elevation_deg,
        "min_assets": min_assets,
        "n_fold": n_fold,
        "duration_s": duration_s,
        "step_s": step_s,
    }
    if progress is not None:
        options["progress"] = progress
    from goldendome.studies.coverage.figures import simulate_coverage
    from goldendome.studies.coverage.store import stored_coverage

    if runs_dir is None:
        return simulate_coverage(spec, regions, **options)
    return stored_coverage(spec, text, runs_dir, regions, **options)


def coverage_report(result: CoverageResult) -> dict[str, Any]:
    """A coverage result as plain data (what ``goldendome coverage --json`` prints), with a
    ``run_folder`` key when it was stored."""
    from goldendome.studies.coverage.figures import coverage_report as report

    return report(result)


def size_constellation(
    values: dict[str, Any] | None = None,
    progress: ProgressFn | None = None,
    *,
    runs_dir: str | Path | None = None,
    preset: str | None = None,
) -> tuple[SizingAnswer, dict[str, Any]]:
    """How many space-based interceptors a salvo takes (``goldendome size``).

    Parameters
    ----------
    values : dict, optional
        Changes to the default question (``data/sbi_assumptions.toml``), or to the preset's
        when one is named, in file units: ``salvo``, ``shots``, ``confidence``, ``threat``,
        ``from``, ``to``, ``altitudes_km``, ``inclinations_deg``, ``planes``,
        ``launch_times``, ``phasing``, and an ``sbi`` table (``delta_v_km_s``,
        ``acceleration_g``, delays, rule; each value replaces only the preset's).
    progress : callable, optional
        ``progress(stage, done, total)`` after each shell searched.
    runs_dir : str or Path, optional
        Write a run folder under it, shell by shell (tables ``sizing_shells``,
        ``sizing_candidates``, ``sizing_launch_times``, ``sizing_latitudes``; the question
        and assumptions in the manifest); its path is the answer's ``run_folder``. Ctrl-C
        leaves the manifest ``interrupted`` with the shells finished. Nothing is written
        when omitted.
    preset : str, optional
        A published study's question (``data/sizing_presets.toml``, :func:`sizing_presets`:
        ``aps-2003``, ``cbo-2026``); the answer's ``preset`` then holds the published
        figure beside ours, the residual and what drives it.

    Returns
    -------
    answer : SizingAnswer
    assumptions : dict
        Every assumption the answer rests on.

    Raises
    ------
    ScenarioError
        If a value is invalid (each problem names its key, value and rule), or there is no
        such preset (the known names listed); no folder is written then.
    """
    from goldendome.scenario.sizing import preset_values, sizing_presets, sizing_spec
    from goldendome.studies.sizing.presets import with_published
    from goldendome.studies.sizing.question import size
    from goldendome.studies.sizing.store import stored_size

    question = values if preset is None else preset_values(preset, values)
    spec = sizing_spec(question)
    chosen = None if preset is None else sizing_presets()[preset]
    if runs_dir is not None:
        return stored_size(spec, question, runs_dir, progress, chosen, values)
    answer, assumed = size(spec, progress)
    return (answer if chosen is None else with_published(chosen, answer, values)), assumed


def sizing_presets() -> list[dict[str, Any]]:
    """The published studies ``size_constellation(preset=...)`` can pose: ``name``,
    ``label``, ``published_satellites``, ``published_claim``, ``published_source``."""
    from goldendome.scenario.sizing import sizing_presets as presets

    keys = ("name", "label", "published_satellites", "published_claim", "published_source")
    return [{k: getattr(p, k) for k in keys} for p in presets().values()]


def size_constellation_report(
    values: dict[str, Any] | None = None,
    progress: ProgressFn | None = None,
    *,
    runs_dir: str | Path | None = None,
    preset: str | None = None,
) -> dict[str, Any]:
    """:func:`size_constellation` as plain data (what ``goldendome size --json`` prints), with
    a ``preset`` key (the published figure beside ours) when a preset was named and a
    ``run_folder`` key when a folder was written, and a ``closed_form`` key: the
    closed-form estimate of the same question with the ratio of its count to this answer's
    (:func:`goldendome.api.costs.closed_form_beside`)."""
    from goldendome.api.costs import closed_form_beside
    from goldendome.studies.sizing.question import size_report

    report = size_report(*size_constellation(values, progress, runs_dir=runs_dir, preset=preset))
    report["closed_form"] = closed_form_beside(report)
    report["mass"] = sbi_mass_report(report)
    return report


#: The sensitivity table's accelerations (g) and main delta-vs (km/s), as issue 15 asks.
MASS_ACCELERATIONS_G = (5.0, 10.0, 20.0)
MASS_DELTA_VS_KM_S = (4.0, 6.0)


def sbi_mass_report(report: dict[str, Any]) -> dict[str, Any]:
    """The mass of one SBI of a sizing answer's kill vehicle (``data/sbi_mass.toml``), the
    constellation's mass on orbit, and the mass over acceleration and delta-v."""
    from goldendome.interceptors.sbi_mass import sbi_mass

    a = report["assumptions"]
    dv, divert = a["kill_vehicle_delta_v_km_s"] * 1e3, a["kill_vehicle_divert_km_s"] * 1e3
    one = sbi_mass(dv, divert, a["kill_vehicle_acceleration_g"])
    best = report["best"]
    total = float(one.total_kg)
    feasible = bool(np.isfinite(total))
    grid = sbi_mass(
        np.array(MASS_DELTA_VS_KM_S)[:, None] * 1e3, divert, np.array(MASS_ACCELERATIONS_G)
    ).total_kg
    return {
        "kill_vehicle_kg": float(one.kill_vehicle_kg),
        # None where no booster of data/sbi_mass.toml's kind gives that delta-v at that
        # acceleration (the rocket equation has no solution).
        "per_sbi_kg": total if feasible else None,
        "interceptor_kg": float(one.interceptor_kg) if feasible else None,
        "carrier_kg": float(one.carrier_kg) if feasible else None,
        "constellation_t": None
        if best is None or not feasible
        else best["satellites"] * total / 1e3,
        "sensitivity": {
            "acceleration_g": list(MASS_ACCELERATIONS_G),
            "delta_v_km_s": list(MASS_DELTA_VS_KM_S),
            "per_sbi_kg": [[float(v) if np.isfinite(v) else None for v in row] for row in grid],
        },
        "source": "data/sbi_mass.toml (goldendome assumptions)",
    }
