"""The exchange's analytic tier, its calibration, the raid scaling, the defense's answer, the
offense costs and the goal checks (the Monte Carlo confirmation is exercised by the
benchmark and the docs' session, which take a minute)."""

import math

import pytest
from typer.testing import CliRunner

import goldendome.cli.exchange  # noqa: F401  (registers the command)
from goldendome import api
from goldendome.cli.main import app
from goldendome.economics.offense import decoy_cost_usd, growth, missile_cost_usd
from goldendome.scenario.loader import parse_toml
from goldendome.studies.exchange import Goal
from goldendome.studies.exchange.search import calibrate, raid_mapping, restore
from goldendome.studies.exchange.study import check_goal

#: A calibration run's kill chain as :func:`_summary_kill_chain` gives it (made-up numbers
#: of the default raid's shape: 10 missiles, 10 warheads, 6 decoys).
RUN = {
    "warheads": 10,
    "decoys": 6,
    "boost_missiles": 3.0,
    "expected_through": 0.5,
    "decoys_engaged": 0.06,
    "fired": {"sbi": 4.0, "gbi": 20.0, "sm-3-iia": 1.0, "thaad": 0.1},
}


@pytest.fixture(scope="module")
def spec() -> api.ScenarioSpec:
    return api.default_scenario()


def test_calibration_matches_the_run_it_came_from(spec) -> None:
    model = calibrate(spec, RUN)
    assert model.p_boost == pytest.approx(0.3)
    assert model.rounds == 44  # only the GBIs did a tenth of the midcourse shots
    assert model.midcourse.shots == (2, 2)  # the scenario's doctrine
    p = model.penetration()
    assert p.expected_through == pytest.approx(RUN["expected_through"], rel=1e-9)
    assert p.coverage == 1.0
    assert model.shot_overhead >= 1.0


def test_calibration_uses_the_scenarios_interceptor_type_kill_probability(spec) -> None:
    # The default scenario gives the GBI its test record, 12 of 20 (Beta(13, 9)); the run's
    # batteries take its mean, 13/22, and so does the calibrated midcourse layer.
    assert calibrate(spec, RUN).midcourse.sspk == pytest.approx(13 / 22)
    # Without [interceptor_types] the catalog's 0.60 (data/interceptors.toml) stands.
    plain, _ = api.read_scenario(changes={"interceptor_types": None})
    assert calibrate(plain, RUN).midcourse.sspk == pytest.approx(0.60)
    # A changed GBI figure changes the calibrated layer and the defense's answer: the same
    # run's leakage (matched exactly either way) is restored by deeper firing of better
    # rounds with a different purchase.
    better, _ = api.read_scenario(changes={"interceptor_types.gbi.sspk_rv": 0.9})
    model, base = calibrate(better, RUN), calibrate(plain, RUN)
    assert model.midcourse.sspk == pytest.approx(0.9)
    assert model.penetration().expected_through == pytest.approx(RUN["expected_through"])
    answers = [
        restore(s, m, m.penetration().p_zero_leakers, 18, m.decoys_per_warhead)
        for s, m in ((better, model), (plain, base))
    ]
    assert (answers[0].option, answers[0].added, answers[0].shots_per_look) != (
        answers[1].option,
        answers[1].added,
        answers[1].shots_per_look,
    )
    # A range counts at its mean (what the run's batteries plan with; the draws average it).
    ranged, _ = api.read_scenario(
        changes={"interceptor_types.gbi.sspk_rv": {"uniform": [0.4, 0.6]}}
    )
    assert calibrate(ranged, RUN).midcourse.sspk == pytest.approx(0.5)


def test_a_bigger_salvo_saturates_the_midcourse_magazine(spec) -> None:
    model = calibrate(spec, RUN)
    small, large = model.penetration(12), model.penetration(40)
    assert large.p_any_through > small.p_any_through
    assert large.coverage < 1.0
    # Past saturation each added warhead leaks more than the calibrated per-warhead rate.
    assert large.p_through > model.penetration().p_through


def test_more_sbis_raise_the_boost_kill_probability(spec) -> None:
    model = calibrate(spec, RUN)
    assert model.boost_with(model.sbi_count) == pytest.approx(0.3)
    assert model.boost_with(2 * model.sbi_count) == pytest.approx(1 - 0.7**2)


def test_the_defense_answer_restores_p_zero_leakers_and_is_priced(spec) -> None:
    model = calibrate(spec, RUN)
    target = model.penetration().p_zero_leakers
    answer = restore(spec, model, target, 20, model.decoys_per_warhead)
    assert answer.option in ("sbis", "midcourse")
    assert answer.p_zero_leakers >= target
    assert answer.acquisition_usd > 0
    assert answer.life_cycle_usd >= answer.acquisition_usd
    if answer.option == "sbis":  # CBO's $22M a satellite plus launch, at least
        assert answer.acquisition_usd >= answer.added * 22e6
    assert restore(spec, model, target, 10, model.decoys_per_warhead).option is None


def test_raid_mapping_scales_every_group_and_sets_decoys() -> None:
    _, text = api.read_scenario()
    data = raid_mapping(parse_toml(text), 23, 4)
    counts = [g["count"] for g in data["threats"]["raid"]]
    assert sum(counts) == 23
    assert max(counts) - min(counts) <= 1
    assert all(g["decoys"] == 4 for g in data["threats"]["raid"])
    scaled = api.scenario_from_mapping(data)
    assert sum(g.count for g in scaled.threats.raid) == 23


def test_offense_costs_and_growth_presets_from_the_data_files() -> None:
    assert missile_cost_usd("hwasong-18-class") == 25e6  # KIDA $20-30M, the middle
    assert decoy_cost_usd("hwasong-18-class") == pytest.approx(0.5e6)
    with pytest.raises(api.ScenarioError, match=r"threats\.raid"):
        missile_cost_usd("no-such-class", "threats.raid[0].class")
    china = growth("china-warheads-dod")
    assert float(china.at(2030)) == 1000.0  # DoD CMPR: more than 1,000 by 2030
    assert float(china.at(2027)) == pytest.approx(600 + 3 * 400 / 6)
    with pytest.raises(api.ScenarioError, match="growth"):
        growth("nope")


@pytest.mark.parametrize(
    ("goal", "key"),
    [
        (Goal(1.0, 1.0), "p_any_through"),
        (Goal(0.0, 1.0), "p_any_through"),
        (Goal(0.5, 0.0), "expected_through"),
        (Goal(0.5, math.nan), "expected_through"),
    ],
)
def test_a_goal_outside_its_range_names_its_key(goal, key) -> None:
    with pytest.raises(api.ScenarioError, match=key):
        check_goal(goal)


def test_cli_goal_outside_0_1_exits_2_before_any_run(tmp_path) -> None:
    result = CliRunner().invoke(
        app, ["exchange", "--p-through", "1.5", "--runs-dir", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "p_any_through (--p-through) = 1.5" in result.output
    assert not any(tmp_path.iterdir())


def test_a_shield_that_stops_no_raid_whole_restores_warheads_through(spec) -> None:
    leaky = {**RUN, "boost_missiles": 0.5, "expected_through": 6.0}
    model = calibrate(spec, leaky)
    base = model.penetration()
    assert base.p_zero_leakers < 0.01
    answer = restore(
        spec, model, base.p_zero_leakers, 12, model.decoys_per_warhead, base.expected_through
    )
    assert answer.option is not None
    if answer.option == "sbis":
        p = model.penetration(12, sbi_count=model.sbi_count + answer.added)
    else:
        shots = (answer.shots_per_look,) * len(model.midcourse.shots)
        p = model.penetration(12, rounds=model.rounds + answer.added, shots=shots)
    assert p.expected_through <= base.expected_through * (1 + 1e-9)


def test_calibration_of_a_saturated_magazine_matches_the_run(spec) -> None:
    # Ten RVs a missile: 100 warheads against 44 GBIs fired to the last; 84 through.
    saturated = {
        **RUN,
        "warheads": 100,
        "decoys": 0,
        "boost_missiles": 0.0,
        "expected_through": 84.0,
        "fired": {"gbi": 44.0},
    }
    model = calibrate(spec, saturated)
    p = model.penetration()
    assert p.coverage < 0.25
    assert p.expected_through == pytest.approx(84.0, rel=0.01)
