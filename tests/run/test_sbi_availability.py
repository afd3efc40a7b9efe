"""Readiness and attrition in a run: only ready SBIs that survived the attack fire, drawn per
boost sample, and nothing changes when the whole layer is ready and unattacked."""

import dataclasses

import pytest

from goldendome.interceptors.availability import Availability
from goldendome.run.context import RunContext
from goldendome.run.stages.boost import boost_sampler
from goldendome.scenario.loader import default_scenario_text, load_scenario_text


@pytest.fixture(scope="module")
def sampler():
    ctx = RunContext(load_scenario_text(default_scenario_text()))
    found = boost_sampler(ctx)
    assert found is not None
    return found


def _pairs(s, k=0):
    o = s.sample(k).opportunities
    return set(zip(o.satellite.tolist(), o.threat.tolist(), strict=True))


@pytest.mark.slow
def test_a_ready_layer_without_attack_is_the_layer_as_written(sampler):
    assert sampler.availability.ready_share == 1.0
    assert sampler.availability.asat_shots == 0
    again = dataclasses.replace(sampler, _cache={})
    assert _pairs(again) == _pairs(sampler)


@pytest.mark.slow
def test_unready_satellites_drop_out_and_the_same_sample_drops_the_same_ones(sampler):
    full = _pairs(sampler)
    assert len(full) >= 10
    half = dataclasses.replace(sampler, availability=Availability(0.5), _cache={})
    got = _pairs(half)
    assert got < full  # a subset: the ready satellites keep their opportunities
    sats = {s for s, _ in full}
    kept = {s for s, _ in got}
    assert 0 < len(kept) < len(sats)
    assert _pairs(dataclasses.replace(half, _cache={})) == got  # drawn from the seed and k


@pytest.mark.slow
def test_enough_sure_asat_shots_leave_no_sbi_in_reach(sampler):
    """The attack is planned from the orbits, the launches and the doctrine's assumed delays
    (not from the sample's sensor draws): enough sure shots leave nothing in reach, and one
    sure shot takes out at most one satellite."""
    sats = {s for s, _ in _pairs(sampler)}
    attacked = dataclasses.replace(sampler, availability=Availability(1.0, 10_000, 1.0), _cache={})
    assert _pairs(attacked) == set()
    assert attacked.phase(0).satellite.size == 0
    one = dataclasses.replace(sampler, availability=Availability(1.0, 1, 1.0), _cache={})
    left = {s for s, _ in _pairs(one)}
    assert left <= sats
    assert len(left) >= len(sats) - 1
