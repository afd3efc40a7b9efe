"""The fuzz campaign: over 10,000 scenario documents per run, each either validating or
refused with a ScenarioError whose report names every problem's path; nothing else may
escape. Derandomized: the campaign run by itself draws the same documents every time (equal
digests in .benchmarks/fuzz-counts.json). Inside the whole suite the draws have been seen to
shift between runs (1,308 to 1,325 of the 10,500 validating), which is not explained yet; every
run still draws its 10,500 documents, and each must validate or be refused properly."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from tests.fuzz.checks import validate_file, validate_mapping, validate_text
from tests.fuzz.conftest import Tally, campaign
from tests.fuzz.strategies import scenario_bytes, scenario_mappings, scenario_texts

#: Documents each test draws (the campaign's size is their sum).
PLANNED = {
    "test_scenario_texts": 6_500,
    "test_scenario_files": 2_500,
    "test_parsed_mappings": 1_500,
}
CAMPAIGN = settings(
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=False,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)


@pytest.fixture(scope="module")
def scenario_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "scenario.toml"


@settings(CAMPAIGN, max_examples=PLANNED["test_scenario_texts"])
@given(text=scenario_texts())
def test_scenario_texts(text: str, tally: Tally):
    tally.add(validate_text(text), text)


@settings(CAMPAIGN, max_examples=PLANNED["test_scenario_files"])
@given(raw=scenario_bytes())
def test_scenario_files(raw: bytes, scenario_path: Path, tally: Tally):
    scenario_path.write_bytes(raw)
    tally.add(validate_file(scenario_path), raw)


@settings(CAMPAIGN, max_examples=PLANNED["test_parsed_mappings"])
@given(data=scenario_mappings())
def test_parsed_mappings(data: object, tally: Tally):
    tally.add(validate_mapping(data), data)


def test_the_campaign_ran_every_planned_document():
    """Runs last (tests run in file order): each campaign test that ran drew its documents,
    and the whole campaign at least 10,000."""
    tests = campaign()["tests"]
    for name, tally in tests.items():
        assert tally["documents"] >= PLANNED[name], (name, tally)
    if set(tests) == set(PLANNED):
        assert campaign()["documents"] >= 10_000
        assert campaign()["validated"] > 0
