"""Thousands of malformed documents and random values: only ScenarioError ever escapes."""

import contextlib
import copy
import tomllib
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goldendome.scenario import (
    ScenarioError,
    default_scenario_text,
    load_scenario,
    load_scenario_text,
    scenario_from_mapping,
)

DEFAULT = tomllib.loads(default_scenario_text())

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.datetimes(),
    st.sampled_from(["walker_delta", "molniya", "radar", "city", "interceptor", ""]),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)


def paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every key path into a nested dict/list document."""
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += paths(v, (*prefix, i))
    return out


ALL_PATHS = paths(DEFAULT)[1:]


def load_mapping(data: Any) -> None:
    try:
        scenario_from_mapping(data, "fuzz")
    except ScenarioError as exc:
        assert exc.problems
        assert all(p.rule for p in exc.problems)
        exc.report()


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(ALL_PATHS), st.sampled_from(["set", "delete"]), values),
        min_size=1,
        max_size=4,
    )
)
def test_mutated_default_scenario(edits: list[tuple[tuple, str, Any]]):
    data = copy.deepcopy(DEFAULT)
    for path, action, value in edits:
        parent: Any = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            if action == "delete":
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed this path
    load_mapping(data)


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.text(max_size=12), values, max_size=6))
def test_random_top_level_documents(data: dict[str, Any]):
    load_mapping(data)


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=300))
def test_random_text(text: str):
    try:
        load_scenario_text(text, "fuzz.toml")
    except ScenarioError as exc:
        assert exc.report().startswith("fuzz.toml")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_in_a_file(tmp_path_factory, raw: bytes):
    path: Path = tmp_path_factory.mktemp("fuzz") / "s.toml"
    path.write_bytes(raw)
    try:
        load_scenario(path)
    except ScenarioError as exc:
        assert exc.report().startswith(str(path))


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=len(default_scenario_text())), st.text(max_size=8))
def test_text_spliced_into_the_default_file(position: int, insert: str):
    text = default_scenario_text()
    with contextlib.suppress(ScenarioError):
        load_scenario_text(text[:position] + insert + text[position:], "fuzz.toml")


def test_a_datetime_where_a_number_belongs_is_a_scenario_error():
    data = copy.deepcopy(DEFAULT)
    data["space"]["sbi_layer"]["altitude_km"] = datetime(2029, 1, 1)
    try:
        scenario_from_mapping(data, "fuzz")
    except ScenarioError as exc:
        assert str(exc.problems[0]).startswith("space.sbi_layer.altitude_km = ")
    else:
        raise AssertionError("a datetime altitude was accepted")
