"""The exchange study: calibrate the analytic tier on one Monte Carlo run, search the salvo
and (separately) the decoys per warhead that restore the offense's penetration, confirm each
answer by Monte Carlo, price both sides' increments, and draw the step curve."""

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goldendome.economics import cost_line, cost_table
from goldendome.economics.offense import decoy_cost_usd, missile_cost_usd
from goldendome.engagement.leakage import Layer
from goldendome.interceptors.ground_based import interceptor_types
from goldendome.run.ranges import battery_kill_probability
from goldendome.scenario.ranges import nominal
from goldendome.scenario.spec import ScenarioSpec
from goldendome.studies.changed_run import run_mapping
from goldendome.studies.exchange.model import ExchangeModel, Penetration

#: Largest salvo (missiles, as a multiple of the scenario's) and decoys per warhead searched.
MAX_SALVO_FACTOR = 100
MAX_DECOYS = 50
#: Largest SBI layer and deepest midcourse doctrine (shots per look) the defense may buy.
MAX_SBIS = 1_000_000
MAX_SHOTS_PER_LOOK = 8
#: Catalog item the defense buys for midcourse rounds (the GBI's production is closed).
MIDCOURSE_ITEM = "ngi"


@dataclass(frozen=True)
class Goal:
    """The offense's penetration goal: P(at least one warhead through) and warheads through."""

    p_any_through: float = 0.5
    expected_through: float = 1.0

    def met(self, p: Penetration | dict[str, float]) -> bool:
        """Whether a penetration (analytic, or a Monte Carlo dict) meets both goals."""
        if isinstance(p, Penetration):
            return (
                p.p_any_through >= self.p_any_through
                and p.expected_through >= self.expected_through
            )
        return (
            p["p_any_through"] >= self.p_any_through
            and p["expected_through"] >= self.expected_through
        )


@dataclass(frozen=True)
class DefenseAnswer:
    """The cheapest addition that restores the shield's P(zero leakers), or why none does."""

    option: str | None  # "sbis" or "midcourse"
    added: float
    shots_per_look: int | None
    acquisition_usd: float
    life_cycle_usd: float
    p_zero_leakers: float
    note: str = ""


@dataclass
class ExchangeResult:
    """Everything ``goldendome exchange`` reports (see :func:`run_exchange`)."""

    scenario: str
    goal: Goal
    model: ExchangeModel
    baseline: dict[str, Any]
    salvo: dict[str, Any]
    decoys: dict[str, Any]
    curve: list[dict[str, Any]] = field(default_factory=list)
    growth: str | None = None


def _summary_kill_chain(summary: dict[str, Any]) -> dict[str, Any]:
    kc = summary["kill_chain"]
    return {
        "p_zero_leakers": kc["p_zero_leakers"],
        "p_any_through": 1.0 - kc["p_zero_leakers"],
        "expected_through": kc["expected_rvs_through"]["mean"],
        "expected_through_stderr": kc["expected_rvs_through"]["stderr"],
        "expected_leakers": kc["expected_leakers"]["mean"],
        "warheads": kc["warheads"],
        "decoys": kc["decoys"],
        "trials": kc["trials"],
        "run_folder": summary["run_folder"],
        "boost_missiles": kc["kills_by_layer"]["boost_missiles"]["mean"],
        "decoys_engaged": kc["decoys_engaged"]["mean"],
        "fired": {name: v["mean"] for name, v in kc["interceptors_fired"].items()},
    }


def _run(data: dict[str, Any], label: str, runs_dir: Path, trials: int) -> dict[str, Any]:
    stored = run_mapping(data, label, runs_dir, trials)
    summary = dict(stored.summary)
    summary["run_folder"] = str(stored.folder.path)
    return _summary_kill_chain(summary)


def raid_mapping(
    data: dict[str, Any], missiles: int, decoys_per_missile: int | None
) -> dict[str, Any]:
    """The scenario ``data`` with its raid scaled to ``missiles`` (each group in proportion,
    the remainder to the first groups) and, if given, every missile carrying that many decoys."""
    out = {
        **data,
        "threats": {**data["threats"], "raid": [dict(g) for g in data["threats"]["raid"]]},
    }
    groups = out["threats"]["raid"]
    base = [int(g.get("count", 1)) for g in groups]
    total = sum(base)
    counts = [missiles * b // total for b in base]
    for i in range(missiles - sum(counts)):
        counts[i % len(groups)] += 1
    kept = []
    for g, n in zip(groups, counts, strict=True):
        if n <= 0:
            continue
        g["count"] = n
        if decoys_per_missile is not None:
            g["decoys"] = decoys_per_missile
        kept.append(g)
    out["threats"]["raid"] = kept
    return out


def battery_sspk_rv(spec: ScenarioSpec, site: int, entry: int) -> float:
    """The single-shot kill probability against an RV that the run gives battery ``entry``
    of site ``site``: the battery's own, else its type's ``[interceptor_types]`` setting,
    else the catalog's; a range counts at its mean (the value the run's engagement planning
    uses, and the expectation of the trials' draws)."""
    given, _ = battery_kill_probability(spec, site, entry, "sspk_rv")
    if given is not None:
        return nominal(given)
    return interceptor_types()[spec.sites[site].interceptors[entry].type].sspk_rv


def calibrate(spec: ScenarioSpec, summary_kc: dict[str, Any]) -> ExchangeModel:
    """The analytic tier of ``spec``, calibrated on its Monte Carlo run's kill chain.

    The midcourse layer's single-shot kill probability is the rounds-weighted mean of what
    the run gives each battery that did the midcourse work (:func:`battery_sspk_rv`: the
    scenario's ``[interceptor_types]`` or a battery's own figure before the catalog's; a
    range at its mean)."""
    missiles = float(sum(g.count for g in spec.threats.raid))
    types = interceptor_types()
    fired = summary_kc["fired"]
    mid = {n for n, t in types.items() if t.phase == "midcourse"}
    fired_mid = sum(v for n, v in fired.items() if n in mid)
    rounds = sspk_sum = 0.0
    for i, site in enumerate(spec.sites):
        for j, battery in enumerate(site.interceptors):
            t = types[battery.type]
            # Only the types that did the midcourse work in the calibration run (a tenth of
            # its shots or more) count: a ship's rounds out of reach of most of the raid do not.
            used = fired_mid > 0 and fired.get(battery.type, 0.0) >= 0.1 * fired_mid
            if t.phase == "midcourse" and battery.count > 0 and used:
                rounds += battery.count
                sspk_sum += battery.count * battery_sspk_rv(spec, i, j)
    sspk = sspk_sum / rounds if rounds else 0.0
    doctrine = spec.doctrine
    layer = Layer(sspk, doctrine.midcourse.per_look(), doctrine.survivor_seen, name="midcourse")
    sbis = 0.0
    if spec.sbi is not None:
        sbis = float(getattr(spec.space[spec.sbi.layer], "satellites", 0))
    warheads = float(summary_kc["warheads"])
    decoys = float(summary_kc["decoys"])
    p_boost = min(summary_kc["boost_missiles"] / missiles, 1.0)
    past_boost = warheads * (1.0 - p_boost)
    decoys_engaged = summary_kc["decoys_engaged"] / decoys if decoys else 0.05
    fired_per_warhead = fired_mid / past_boost if past_boost else 0.0
    # Shots at what is not a warhead (stages, ghosts, decoys taken for warheads) and repeated
    # looks: the midcourse shots per warhead past boost, against the layer's own expectation.
    overhead = max(fired_per_warhead / layer.expected_shots() if fired_mid else 1.0, 1.0)
    # The share of engaged objects the magazine covers in the calibration run itself.
    objects = past_boost * (1.0 + (decoys / warheads if warheads else 0.0) * decoys_engaged)
    need = objects * layer.expected_shots() * overhead
    coverage = 1.0 if need <= rounds else (rounds / need if need else 1.0)
    through = summary_kc["expected_through"] / past_boost if past_boost > 0 else 0.0
    residual = 0.0
    if coverage > 0:
        residual = max((through - (1.0 - coverage)) / coverage - layer.survival(), 0.0)
    return ExchangeModel(
        missiles=missiles,
        warheads_per_missile=warheads / missiles,
        decoys_per_warhead=decoys / warheads if warheads else 0.0,
        p_boost=p_boost,
        sbi_count=sbis,
        midcourse=layer,
        rounds=rounds,
        decoys_engaged=decoys_engaged,
        residual=residual,
        shot_overhead=overhead,
    )


def raid_cost_usd(spec: ScenarioSpec) -> tuple[float, float]:
    """Mean cost of one of the raid's missiles and of one decoy on it, dollars (count-weighted)."""
    total = sum(g.count for g in spec.threats.raid)
    missile = sum(
        g.count * missile_cost_usd(g.class_, f"threats.raid[{i}].class")
        for i, g in enumerate(spec.threats.raid)
    )
    decoy = sum(g.count * decoy_cost_usd(g.class_) for g in spec.threats.raid)
    return missile / total, decoy / total


def _priced(spec: ScenarioSpec, item: str, quantity: float) -> tuple[float, float]:
    """Acquisition (procurement and launch) and life-cycle cost of ``quantity`` more ``item``."""
    econ = spec.economics
    line = cost_line(item, quantity, econ.base_year)
    table = cost_table([line], econ.first_year, econ.years, econ.base_year)
    by = table.by_category_usd()
    return by.get("procurement", 0.0) + by.get("launch", 0.0), table.total_usd


#: Below this baseline P(zero leakers) the defense restores the warheads through instead (a
#: shield that stops no raid whole has no P(zero leakers) to restore).
MIN_P_ZERO_TARGET = 0.01


def _restored(p: Penetration, target_p_zero: float, target_through: float) -> bool:
    if target_p_zero >= MIN_P_ZERO_TARGET:
        return p.p_zero_leakers >= target_p_zero
    return p.expected_through <= target_through * (1.0 + 1e-9)


def restore(
    spec: ScenarioSpec,
    model: ExchangeModel,
    target_p_zero: float,
    missiles: float,
    decoys: float,
    target_through: float = 0.0,
) -> DefenseAnswer:
    """The cheapest addition (more SBIs, or more midcourse rounds with more shots a look)
    that brings the analytic P(zero leakers) back to ``target_p_zero`` (below
    :data:`MIN_P_ZERO_TARGET`: the expected warheads through back to ``target_through``)."""

    def ok(p: Penetration) -> bool:
        return _restored(p, target_p_zero, target_through)

    options: list[DefenseAnswer] = []
    now = model.penetration(missiles, decoys)
    if ok(now):
        return DefenseAnswer(None, 0.0, None, 0.0, 0.0, now.p_zero_leakers, "nothing needed")
    if model.boost_with(model.sbi_count * 2) > 0:
        lo, hi = model.sbi_count, model.sbi_count
        while hi < MAX_SBIS and not ok(model.penetration(missiles, decoys, sbi_count=hi)):
            lo, hi = hi, min(hi * 2, MAX_SBIS)
        p_hi = model.penetration(missiles, decoys, sbi_count=hi)
        if ok(p_hi):
            while hi - lo > max(1.0, 0.001 * hi):
                mid = math.ceil((lo + hi) / 2)
                if ok(model.penetration(missiles, decoys, sbi_count=mid)):
                    hi = mid
                else:
                    lo = mid
            added = math.ceil(hi - model.sbi_count)
            acq, lcc = _priced(spec, "sbi", added)
            p = model.penetration(missiles, decoys, sbi_count=model.sbi_count + added)
            options.append(DefenseAnswer("sbis", added, None, acq, lcc, p.p_zero_leakers))
    looks = len(model.midcourse.shots)
    for k in range(max(model.midcourse.shots), MAX_SHOTS_PER_LOOK + 1):
        shots = (k,) * looks
        full = model.penetration(missiles, decoys, rounds=math.inf, shots=shots)
        if not ok(full):
            continue
        lo, hi = -1, max(math.ceil(full.rounds_needed - model.rounds), 0)
        while hi - lo > 1:  # the fewest rounds that do it (full coverage may be more)
            mid = (lo + hi) // 2
            if ok(model.penetration(missiles, decoys, rounds=model.rounds + mid, shots=shots)):
                hi = mid
            else:
                lo = mid
        added = hi
        acq, lcc = _priced(spec, MIDCOURSE_ITEM, added) if added else (0.0, 0.0)
        p = model.penetration(missiles, decoys, rounds=model.rounds + added, shots=shots)
        options.append(DefenseAnswer("midcourse", added, k, acq, lcc, p.p_zero_leakers))
        break
    if not options:
        return DefenseAnswer(
            None,
            0.0,
            None,
            math.nan,
            math.nan,
            now.p_zero_leakers,
            f"no addition within {MAX_SBIS:,} SBIs or {MAX_SHOTS_PER_LOOK} "
            "shots a look restores it",
        )
    return min(options, key=lambda a: a.acquisition_usd)
