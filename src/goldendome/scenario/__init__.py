"""Scenario files: TOML written by a person -> frozen pydantic specs in SI -> model objects."""

from goldendome.scenario.errors import Problem, ScenarioError
from goldendome.scenario.loader import (
    default_scenario_text,
    load_scenario,
    load_scenario_text,
    scenario_from_mapping,
)
from goldendome.scenario.spec import ScenarioSpec

__all__ = [
    "Problem",
    "ScenarioError",
    "ScenarioSpec",
    "default_scenario_text",
    "load_scenario",
    "load_scenario_text",
    "scenario_from_mapping",
]
