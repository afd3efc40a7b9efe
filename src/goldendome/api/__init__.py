"""The curated public surface of goldendome, for notebooks and scripts.

Example
-------
>>> from goldendome import api
>>> spec = api.default_scenario()
>>> spec.name
'golden-dome-2029'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from goldendome.api.runs import default_scenario, memory_check, read_scenario, run, run_spec
from goldendome.api.studies import (
    coverage,
    coverage_report,
    coverage_spec,
    size_constellation,
    size_constellation_report,
    sizing_presets,
)
from goldendome.scenario import (
    Problem,
    ScenarioError,
    ScenarioSpec,
    default_scenario_text,
    load_scenario,
    load_scenario_text,
    scenario_from_mapping,
)
from goldendome.scenario.loader import parse_toml, read_scenario_file

if TYPE_CHECKING:
    from goldendome.api.costs import (
        closed_form_beside,
        cost_preset,
        cost_preset_names,
        frontier,
        preset_report,
        quick_cost_estimate,
        quick_defaults,
        scenario_cost,
        scenario_cost_report,
    )
    from goldendome.api.strategy import (
        exchange,
        exchange_report,
        partners,
        partners_report,
        timeline,
        timeline_report,
    )
    from goldendome.api.study_folders import stored_exchange, stored_partners, stored_timeline
    from goldendome.api.sweeps import (
        analyze_sweep,
        export_run,
        prepare_sweep,
        query_runs,
        reindex_runs,
        run_tables,
        sweep,
        sweep_cases,
    )
    from goldendome.api.uncertainty import discrimination_calls, scenario_ranges
    from goldendome.api.web import export_czml, serve, web_app, write_czml
    from goldendome.economics import CostError
    from goldendome.engagement.correlated import CorrelatedLeakage
    from goldendome.engagement.leakage import Layer, Leakage
    from goldendome.report.build import Report, build_report, write_report
    from goldendome.report.source import ReportError
    from goldendome.results.catalog import CatalogError
    from goldendome.results.reader import RunFolderError, RunReader, open_run
    from goldendome.results.run_state import RunState, run_state
    from goldendome.results.runs_dir import RunsDirError, check_runs_dir, list_runs
    from goldendome.results.summary import summarize_folder
    from goldendome.run.budget import (
        BudgetError,
        RunEstimate,
        check_budget,
        default_budget_bytes,
        format_bytes,
    )
    from goldendome.run.lifecycle import Terminated
    from goldendome.run.pipeline import StoredRun
    from goldendome.run.preflight import parse_size
    from goldendome.run.scheduler import SchedulerError
    from goldendome.run.sink import ProgressFn
    from goldendome.run.sweeps.analysis import SweepAnalysis
    from goldendome.run.sweeps.runner import SweepProgress, SweepRun
    from goldendome.run.sweeps.spec import SweepError
    from goldendome.scenario.sizing import SizingSpec, sizing_spec
    from goldendome.studies.coverage.figures import CoverageResult
    from goldendome.studies.fly import catalog_listing, fly_threat
    from goldendome.studies.reconstruction import reconstruct_test
    from goldendome.studies.sizing.search import SizingAnswer
    from goldendome.studies.strategy_folder import StoredStudy
    from goldendome.web.czml import CzmlError, CzmlExport

#: Names this module re-exports, by the module that defines them. They are imported when
#: first used, so ``goldendome validate`` and scripts that only read scenarios do not load
#: the run pipeline, the studies, SciPy, numba or Dask.
_LAZY = {
    "analyze_sweep": "goldendome.api.sweeps",
    "export_run": "goldendome.api.sweeps",
    "prepare_sweep": "goldendome.api.sweeps",
    "query_runs": "goldendome.api.sweeps",
    "reindex_runs": "goldendome.api.sweeps",
    "run_tables": "goldendome.api.sweeps",
    "sweep": "goldendome.api.sweeps",
    "sweep_cases": "goldendome.api.sweeps",
    "CatalogError": "goldendome.results.catalog",
    "SweepAnalysis": "goldendome.run.sweeps.analysis",
    "SweepProgress": "goldendome.run.sweeps.runner",
    "SweepRun": "goldendome.run.sweeps.runner",
    "SweepError": "goldendome.run.sweeps.spec",
    "closed_form_beside": "goldendome.api.costs",
    "cost_preset": "goldendome.api.costs",
    "cost_preset_names": "goldendome.api.costs",
    "frontier": "goldendome.api.costs",
    "preset_report": "goldendome.api.costs",
    "quick_cost_estimate": "goldendome.api.costs",
    "quick_defaults": "goldendome.api.costs",
    "scenario_cost": "goldendome.api.costs",
    "scenario_cost_report": "goldendome.api.costs",
    "exchange": "goldendome.api.strategy",
    "exchange_report": "goldendome.api.strategy",
    "partners": "goldendome.api.strategy",
    "partners_report": "goldendome.api.strategy",
    "timeline": "goldendome.api.strategy",
    "timeline_report": "goldendome.api.strategy",
    "stored_exchange": "goldendome.api.study_folders",
    "stored_partners": "goldendome.api.study_folders",
    "stored_timeline": "goldendome.api.study_folders",
    "StoredStudy": "goldendome.studies.strategy_folder",
    "CostError": "goldendome.economics",
    "CorrelatedLeakage": "goldendome.engagement.correlated",
    "Layer": "goldendome.engagement.leakage",
    "Leakage": "goldendome.engagement.leakage",
    "Report": "goldendome.report.build",
    "ReportError": "goldendome.report.source",
    "build_report": "goldendome.report.build",
    "discrimination_calls": "goldendome.api.uncertainty",
    "scenario_ranges": "goldendome.api.uncertainty",
    "write_report": "goldendome.report.build",
    "RunFolderError": "goldendome.results.reader",
    "RunReader": "goldendome.results.reader",
    "open_run": "goldendome.results.reader",
    "RunState": "goldendome.results.run_state",
    "run_state": "goldendome.results.run_state",
    "RunsDirError": "goldendome.results.runs_dir",
    "check_runs_dir": "goldendome.results.runs_dir",
    "list_runs": "goldendome.results.runs_dir",
    "summarize_folder": "goldendome.results.summary",
    "BudgetError": "goldendome.run.budget",
    "RunEstimate": "goldendome.run.budget",
    "check_budget": "goldendome.run.budget",
    "default_budget_bytes": "goldendome.run.budget",
    "format_bytes": "goldendome.run.budget",
    "Terminated": "goldendome.run.lifecycle",
    "StoredRun": "goldendome.run.pipeline",
    "parse_size": "goldendome.run.preflight",
    "SchedulerError": "goldendome.run.scheduler",
    "ProgressFn": "goldendome.run.sink",
    "SizingSpec": "goldendome.scenario.sizing",
    "sizing_spec": "goldendome.scenario.sizing",
    "CoverageResult": "goldendome.studies.coverage.figures",
    "catalog_listing": "goldendome.studies.fly",
    "fly_threat": "goldendome.studies.fly",
    "reconstruct_test": "goldendome.studies.reconstruction",
    "SizingAnswer": "goldendome.studies.sizing.search",
    "export_czml": "goldendome.api.web",
    "write_czml": "goldendome.api.web",
    "web_app": "goldendome.api.web",
    "serve": "goldendome.api.web",
    "CzmlError": "goldendome.web.czml",
    "CzmlExport": "goldendome.web.czml",
}


def __getattr__(name: str) -> Any:
    """Import a re-exported name from its module on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'goldendome.api' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "BudgetError",
    "CatalogError",
    "CorrelatedLeakage",
    "CostError",
    "CoverageResult",
    "CzmlError",
    "CzmlExport",
    "Layer",
    "Leakage",
    "Problem",
    "ProgressFn",
    "Report",
    "ReportError",
    "RunEstimate",
    "RunFolderError",
    "RunReader",
    "RunState",
    "RunsDirError",
    "ScenarioError",
    "ScenarioSpec",
    "SchedulerError",
    "SizingAnswer",
    "SizingSpec",
    "StoredRun",
    "StoredStudy",
    "SweepAnalysis",
    "SweepError",
    "SweepProgress",
    "SweepRun",
    "Terminated",
    "analyze_sweep",
    "build_report",
    "catalog_listing",
    "check_budget",
    "check_runs_dir",
    "closed_form_beside",
    "cost_preset",
    "cost_preset_names",
    "coverage",
    "coverage_report",
    "coverage_spec",
    "default_budget_bytes",
    "default_scenario",
    "default_scenario_text",
    "discrimination_calls",
    "exchange",
    "exchange_report",
    "export_czml",
    "export_run",
    "fly_threat",
    "format_bytes",
    "frontier",
    "list_runs",
    "load_scenario",
    "load_scenario_text",
    "memory_check",
    "open_run",
    "parse_size",
    "parse_toml",
    "partners",
    "partners_report",
    "prepare_sweep",
    "preset_report",
    "query_runs",
    "quick_cost_estimate",
    "quick_defaults",
    "read_scenario",
    "read_scenario_file",
    "reconstruct_test",
    "reindex_runs",
    "run",
    "run_spec",
    "run_state",
    "run_tables",
    "scenario_cost",
    "scenario_cost_report",
    "scenario_from_mapping",
    "scenario_ranges",
    "serve",
    "size_constellation",
    "size_constellation_report",
    "sizing_presets",
    "sizing_spec",
    "stored_exchange",
    "stored_partners",
    "stored_timeline",
    "summarize_folder",
    "sweep",
    "sweep_cases",
    "timeline",
    "timeline_report",
    "web_app",
    "write_czml",
    "write_report",
]
