"""A battery's own kill probabilities: a scenario may believe one battery's rounds better
or worse than the type's catalog figure; the fight uses them and the run stores them."""

import pytest

from goldendome.interceptors.ground_based import interceptor_types
from goldendome.run.context import RunContext
from goldendome.run.stages.kill_chain import batteries
from goldendome.scenario.errors import ScenarioError
from goldendome.scenario.loader import default_scenario_text, load_scenario_text

FORT_GREELY = 'interceptors = [{ type = "gbi", count = 4 }]'


def _spec(battery: str):
    text = default_scenario_text()
    assert FORT_GREELY in text  # Vandenberg's four GBIs in the default scenario
    return load_scenario_text(text.replace(FORT_GREELY, f"interceptors = [{battery}]"), "s.toml")


def test_a_battery_may_carry_its_own_kill_probabilities():
    spec = _spec('{ type = "gbi", count = 4, sspk_rv = 0.4 }')
    own = [b for s in spec.sites for b in s.interceptors if b.sspk_rv is not None]
    assert [(b.type, b.sspk_rv, b.sspk_decoy) for b in own] == [("gbi", 0.4, None)]
    bats = batteries(RunContext(spec))
    gbi = [b for b in bats if b.kind.name == "gbi"]
    assert sorted(b.kind.sspk_rv for b in gbi)[0] == 0.4
    assert max(b.kind.sspk_rv for b in gbi) > 0.4  # Fort Greely keeps the catalog's
    # Not given: the decoy figure follows the battery's own RV figure (the catalog's [DECOY]
    # assumption, sspk_decoy = sspk_rv); Fort Greely's the type's range, the GMD record
    # "12 of 20" of the default scenario, whose mean is 13/22.
    decoy = sorted(b.kind.sspk_decoy for b in gbi)
    assert decoy == pytest.approx([0.4, 13 / 22])
    assert interceptor_types()["gbi"].sspk_decoy == 0.6


def test_a_kill_probability_outside_0_1_names_the_battery():
    with pytest.raises(ScenarioError) as info:
        _spec('{ type = "gbi", count = 4, sspk_rv = 1.2 }')
    text = str(info.value)
    assert "interceptors[0].sspk_rv = 1.2" in text
    assert "must be at most 1" in text


def test_a_battery_or_type_may_carry_glide_and_cruise_kill_probabilities():
    """``sspk_glide``/``sspk_cruise``: the battery's own first, then its type's, then the
    catalog's (GBI: 0 against both, an exoatmospheric kill vehicle)."""
    text = default_scenario_text().replace(
        FORT_GREELY, 'interceptors = [{ type = "gbi", count = 4, sspk_glide = 0.2 }]'
    )
    gbi_type = '[interceptor_types.gbi]\nsspk_rv = { record = "12 of 20" }'
    assert gbi_type in text
    text = text.replace(gbi_type, gbi_type + "\nsspk_cruise = 0.05")
    spec = load_scenario_text(text, "s.toml")
    gbi = [b.kind for b in batteries(RunContext(spec)) if b.kind.name == "gbi"]
    assert sorted(k.sspk_glide for k in gbi) == [0.0, 0.2]
    assert [k.sspk_cruise for k in gbi] == [0.05, 0.05]
    assert interceptor_types()["gbi"].sspk_glide == 0.0
    assert sorted(list(k.sspk_by_regime) for k in gbi)[1][1] == 0.2


def test_a_glide_kill_probability_must_be_a_number_in_0_1():
    with pytest.raises(ScenarioError) as info:
        _spec('{ type = "gbi", count = 4, sspk_glide = 1.5 }')
    assert "interceptors[0].sspk_glide = 1.5" in str(info.value)
