"""``run_exchange``: the salvo and the decoys that restore the offense's penetration, each
searched with the calibrated analytic tier and confirmed by Monte Carlo, both sides' costs,
the marginal cost-exchange ratio, and the step curve of an arsenal projection."""

import math
from dataclasses import asdict
from pathlib import Path
from typing import Any

from goldendome.economics.errors import check, problem
from goldendome.economics.offense import growth
from goldendome.scenario.loader import parse_toml
from goldendome.scenario.spec import ScenarioSpec
from goldendome.studies.exchange.model import ExchangeModel, Penetration
from goldendome.studies.exchange.search import (
    MAX_DECOYS,
    MAX_SALVO_FACTOR,
    MIN_P_ZERO_TARGET,
    ExchangeResult,
    Goal,
    _run,
    calibrate,
    raid_cost_usd,
    raid_mapping,
    restore,
)

#: The issue's default goal: P(at least one warhead through) >= 0.5 and one through on average.
DEFAULT_GOAL = Goal()
#: Monte Carlo tries to confirm an answer: the analytic answer, then 10% more each time.
CONFIRM_TRIES = 3


def check_goal(goal: Goal) -> None:
    """A goal outside (0, 1), or a non-positive count of warheads through, names its key."""
    bad = []
    if not 0.0 < goal.p_any_through < 1.0:
        bad.append(
            problem(
                "p_any_through (--p-through)",
                goal.p_any_through,
                "a probability strictly between 0 and 1",
            )
        )
    if not (math.isfinite(goal.expected_through) and goal.expected_through > 0):
        bad.append(
            problem(
                "expected_through (--expected-through)",
                goal.expected_through,
                "a number of warheads above 0",
            )
        )
    check(bad, "exchange goal")


def _analytic(p: Penetration) -> dict[str, float]:
    return {k: float(v) for k, v in asdict(p).items()}


def _search(model: ExchangeModel, goal: Goal, values: range, what: str) -> tuple[int, bool]:
    """The first value meeting the goal, or the one with the highest penetration."""
    best, best_p = values[0], -1.0
    for v in values:
        p = model.penetration(v) if what == "missiles" else model.penetration(None, v)
        if goal.met(p):
            return v, True
        if p.p_any_through >= best_p:
            best, best_p = v, p.p_any_through
    return best, False


def _confirm(
    data: dict[str, Any],
    goal: Goal,
    start: int,
    what: str,
    model: ExchangeModel,
    runs_dir: Path,
    trials: int,
    name: str,
) -> list[dict[str, Any]]:
    """Monte Carlo at the analytic answer; 10% more (at least one) until the goal holds."""
    tries, value = [], start
    for _ in range(CONFIRM_TRIES):
        if what == "missiles":
            mapping = raid_mapping(data, value, None)
        else:
            per_missile = round(value * model.warheads_per_missile)
            mapping = raid_mapping(data, int(model.missiles), per_missile)
        mc = _run(mapping, f"{name}: {value} {what}", runs_dir, trials)
        tries.append({what: value, "monte_carlo": mc, "met": goal.met(mc)})
        if goal.met(mc) or (what == "decoys_per_warhead" and value >= MAX_DECOYS):
            break
        value = value + max(1, math.ceil(0.1 * value))
        if what == "decoys_per_warhead":
            value = min(value, MAX_DECOYS)
    return tries


def run_exchange(
    spec: ScenarioSpec,
    text: str,
    runs_dir: Path,
    *,
    goal: Goal = DEFAULT_GOAL,
    trials: int = 200,
    growth_name: str | None = None,
    confirm: bool = True,
) -> ExchangeResult:
    """The offense-defense exchange of ``spec``'s architecture against its raid.

    Parameters
    ----------
    spec, text : the scenario and its text
    runs_dir : Path
        Where the calibration and confirmation runs are written.
    goal : Goal
        The offense's penetration goal (default P(at least one through) >= 0.5 and one
        warhead through on average).
    trials : int
        Monte Carlo trials of each run.
    growth_name : str, optional
        A preset of ``data/threat_growth.toml`` for the step curve.
    confirm : bool
        False: no confirmation runs (the calibration run only).

    Raises
    ------
    goldendome.economics.CostError
        A goal outside (0, 1), an unknown growth preset, a raid class without an offense cost.
    """
    check_goal(goal)
    preset = growth(growth_name) if growth_name is not None else None
    missile_usd, decoy_usd = raid_cost_usd(spec)
    data = parse_toml(text, spec.name)
    base_mc = _run(data, f"{spec.name}: calibration", runs_dir, trials)
    model = calibrate(spec, base_mc)
    base = model.penetration()
    target, through = base.p_zero_leakers, base.expected_through
    n0 = int(model.missiles)
    already = goal.met(base_mc)
    baseline = {
        "meets_goal": already,
        "defense_restores": "P(zero leakers)"
        if target >= MIN_P_ZERO_TARGET
        else "expected warheads through",
        "analytic": _analytic(base),
        "monte_carlo": base_mc,
        "missiles": n0,
        "missile_usd": missile_usd,
        "decoy_usd": decoy_usd,
    }

    if already:  # the scenario's raid meets the goal: its run is the confirmation
        n, reached = n0, True
    else:
        n, reached = _search(model, goal, range(n0, n0 * MAX_SALVO_FACTOR + 1), "missiles")
    salvo: dict[str, Any] = {
        "bound": n0 * MAX_SALVO_FACTOR,
        "missiles": n,
        "reached": reached,
        "analytic": _analytic(model.penetration(n)),
    }
    if already:
        salvo["confirmations"] = [{"missiles": n0, "monte_carlo": base_mc, "met": True}]
        salvo["missiles_confirmed"] = n0
    elif reached and confirm:
        salvo["confirmations"] = _confirm(
            data, goal, n, "missiles", model, runs_dir, trials, spec.name
        )
        n = salvo["confirmations"][-1]["missiles"]
        salvo["missiles_confirmed"] = n if salvo["confirmations"][-1]["met"] else None
    added = n - n0
    decoys_each = model.decoys_per_warhead * model.warheads_per_missile
    salvo["offense_usd"] = added * (missile_usd + decoys_each * decoy_usd)
    _price(salvo, spec, model, (target, through), n, model.decoys_per_warhead)

    d0 = model.decoys_per_warhead
    if already:
        d, reached_d = d0, True
    else:
        d, reached_d = _search(model, goal, range(MAX_DECOYS + 1), "decoys")
    decoys: dict[str, Any] = {
        "bound": MAX_DECOYS,
        "decoys_per_warhead": d,
        "reached": reached_d,
        "analytic": _analytic(model.penetration(None, d)),
    }
    if already:
        decoys["confirmations"] = [{"decoys_per_warhead": d0, "monte_carlo": base_mc, "met": True}]
        decoys["decoys_confirmed"] = d0
    elif reached_d and confirm:
        decoys["confirmations"] = _confirm(
            data, goal, int(d), "decoys_per_warhead", model, runs_dir, trials, spec.name
        )
        d = decoys["confirmations"][-1]["decoys_per_warhead"]
        decoys["decoys_confirmed"] = d if decoys["confirmations"][-1]["met"] else None
    extra = max(
        d * model.warheads_per_missile * n0
        - model.decoys_per_warhead * model.warheads_per_missile * n0,
        0.0,
    )
    decoys["offense_usd"] = extra * decoy_usd
    _price(decoys, spec, model, (target, through), n0, d)

    curve: list[dict[str, Any]] = []
    if preset is not None:
        first = preset.first_year
        start = float(preset.at(first))
        for year in range(first, preset.last_year + 1):
            scale = float(preset.at(year)) / start if start > 0 else 1.0
            m = max(round(n0 * scale), 1)
            p = model.penetration(m)
            answer = restore(spec, model, target, m, model.decoys_per_warhead, through)
            offense = (m - n0) * (missile_usd + decoys_each * decoy_usd)
            curve.append(
                {
                    "year": year,
                    "missiles": m,
                    "offense_usd": offense,
                    "p_zero_leakers": p.p_zero_leakers,
                    "expected_through": p.expected_through,
                    "defense": asdict(answer),
                    "ratio": answer.acquisition_usd / offense
                    if offense > 0 and math.isfinite(answer.acquisition_usd)
                    else None,
                }
            )
    return ExchangeResult(spec.name, goal, model, baseline, salvo, decoys, curve, growth_name)


def _price(
    block: dict[str, Any],
    spec: ScenarioSpec,
    model: ExchangeModel,
    target: tuple[float, float],
    missiles: float,
    decoys: float,
) -> None:
    """Add the defense's answer and the marginal cost-exchange ratio to a search block."""
    answer = restore(spec, model, target[0], missiles, decoys, target[1])
    block["defense"] = asdict(answer)
    offense = block["offense_usd"]
    ok = offense > 0 and math.isfinite(answer.acquisition_usd)
    block["ratio"] = answer.acquisition_usd / offense if ok else None
    block["ratio_life_cycle"] = answer.life_cycle_usd / offense if ok else None
