"""``[sbi] correlation``: a scenario sets how the SBIs' shots fail together, checked like
every other value, and the run's kill chain receives it."""

import pytest

from goldendome.run.context import RunContext
from goldendome.run.stages.kill_chain import build_setup
from goldendome.scenario.errors import ScenarioError
from goldendome.scenario.loader import default_scenario_text, load_scenario_text


def test_the_default_is_independent_and_a_scenario_can_set_it():
    assert load_scenario_text(default_scenario_text()).sbi.correlation == 0.0
    spec = load_scenario_text(default_scenario_text(), overrides={"sbi.correlation": 0.4})
    assert spec.sbi.correlation == 0.4


def test_a_correlation_outside_0_1_names_its_path_value_and_rule():
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(default_scenario_text(), overrides={"sbi.correlation": 1.5})
    text = str(info.value)
    assert "sbi.correlation" in text
    assert "1.5" in text
    assert "must be at most 1" in text


@pytest.mark.slow
def test_the_kill_chain_setup_carries_every_types_correlation():
    spec = load_scenario_text(default_scenario_text(), overrides={"sbi.correlation": 0.25})
    ctx = RunContext(spec)
    setup = build_setup(ctx, None)
    assert setup.correlation["sbi"] == 0.25
    assert setup.correlation["gbi"] == 0.0  # data/interceptors.toml: independent by default
    assert {b.kind.name for b in setup.batteries} <= set(setup.correlation)
