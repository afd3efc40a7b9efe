"""The partners study: what each partner pays for, hosts and fields, valued with the
life-cycle cost model; what its elements add to the shield over the US (the kill chain with
and without them); and the protection the architecture gives the partner's own territory (a
raid on it, fought by whatever can reach it).

A scenario without ``[[partners]]`` gets the presets of ``data/partners.toml`` (Japan).
"""

import math
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from goldendome.data.errors import Problem
from goldendome.economics import deflator_table, to_constant_usd
from goldendome.economics.errors import check, problem
from goldendome.run.cost import scenario_cost
from goldendome.scenario.catalog import targets
from goldendome.scenario.cost_elements import element_names
from goldendome.scenario.loader import parse_toml, scenario_from_mapping
from goldendome.scenario.partners import PartnerSpec
from goldendome.scenario.spec import ScenarioSpec
from goldendome.studies.changed_run import run_mapping

PRESET_FILE = "partners.toml"
#: What a named target without population (a base) is worth to the battle manager in the raid
#: on a partner (goldendome assumption): defended, after every city (worth its population),
#: with interceptors to spare; a hit on it adds 1 to the expected damage in people.
BASE_VALUE = 1.0


@dataclass
class PartnerResult:
    """One partner's contribution, its effect on the US shield, and its own protection."""

    name: str
    country: str
    contributions: list[dict[str, Any]]
    contribution_usd: float
    architecture_usd: float
    hosted_value_usd: float
    us_with: dict[str, Any] | None = None
    us_without: dict[str, Any] | None = None
    own_raid: dict[str, Any] | None = None


@dataclass
class PartnersResult:
    """Every partner of a scenario (``goldendome partners``)."""

    scenario: str
    base_year: int
    preset: bool
    partners: list[PartnerResult] = field(default_factory=list)


def preset_partners() -> tuple[list[PartnerSpec], list[dict[str, Any]]]:
    """The partner presets of ``data/partners.toml``: specs and their raw tables."""
    text = resources.files("goldendome.data").joinpath(PRESET_FILE).read_text("utf-8")
    raw = list(tomllib.loads(text).values())
    return [PartnerSpec.model_validate(r) for r in raw], raw


def _share_problems(spec: ScenarioSpec, partners: list[PartnerSpec]) -> list[Problem]:
    known = set(element_names(spec)) | {s.name for p in partners for s in p.sites}
    bad: list[Problem] = []
    total: dict[str, float] = {}
    for i, p in enumerate(partners):
        for name, share in p.shares.items():
            key = f"partners[{i}].shares.{name}"
            if name not in known:
                bad.append(
                    problem(
                        key,
                        share,
                        "not an element of this scenario; see [economics.elements] for the names",
                    )
                )
            total[name] = total.get(name, 0.0) + share
            if total[name] > 1.0 + 1e-9:
                bad.append(
                    problem(
                        key,
                        share,
                        f"shares of '{name}' over all partners sum to "
                        f"{total[name]:g}, more than 1 (100%)",
                    )
                )
        for j, name in enumerate(p.hosted):
            if name not in known:
                bad.append(
                    problem(f"partners[{i}].hosted[{j}]", name, "not an element of this scenario")
                )
    return bad


def _with_sites(data: dict[str, Any], raw: dict[str, Any]) -> dict[str, Any]:
    out = {**data, "sites": [*data.get("sites", []), *raw.get("sites", [])]}
    out.pop("partners", None)
    return out


def _without(data: dict[str, Any], partner: PartnerSpec) -> dict[str, Any]:
    drop = set(partner.hosted)
    out = {**data, "sites": [s for s in data.get("sites", []) if s["name"] not in drop]}
    out.pop("partners", None)
    econ = out.get("economics", {})
    for table in ("elements", "uncertain"):
        for name in list(econ.get(table, {})):
            if name in drop or name.split("/")[0] in drop:
                del econ[table][name]
    return out


def _raid_on(data: dict[str, Any], partner: PartnerSpec, raw: dict[str, Any]) -> dict[str, Any]:
    out = _with_sites(data, raw)
    out["threats"] = {**data.get("threats", {}), "raid": raw.get("raid", [])}
    places = targets()
    assets = [a for a in data.get("defended_assets", []) if a.get("country") == partner.country]
    have = {a["name"].lower() for a in assets}
    for name in partner.targets:
        t = places.get(name)
        # A target the scenario already defends (its asset named as the target) is kept once.
        if t is None or t.label in have or name.replace("-", " ") in have:
            continue
        asset = {
            "name": t.label,
            "kind": t.kind,
            "country": t.country,
            "latitude_deg": math.degrees(t.latitude_rad),
            "longitude_deg": math.degrees(t.longitude_rad),
            "population": t.population,
        }
        if t.population == 0:
            # A base counts no population, and the battle manager engages only what threatens
            # some worth: without a value its warheads would never be shot at.
            asset["value"] = BASE_VALUE
        assets.append(asset)
    out["defended_assets"] = assets
    return out


def _run(data: dict[str, Any], label: str, runs_dir: Path, trials: int) -> dict[str, Any]:
    stored = run_mapping(data, label, runs_dir, trials)
    kc = stored.summary["kill_chain"]
    return {
        "p_zero_leakers": kc["p_zero_leakers"],
        "p_zero_leakers_95": kc["p_zero_leakers_95"],
        "expected_leakers": kc["expected_leakers"]["mean"],
        "expected_damage": kc["expected_damage"]["mean"],
        "warheads": kc["warheads"],
        "trials": kc["trials"],
        "interceptors_fired": {
            k: v["mean"] for k, v in kc["interceptors_fired"].items() if v["mean"] > 0
        },
        "defended": [a["name"] for a in data.get("defended_assets", [])],
        "run_folder": str(stored.folder.path),
    }


def run_partners(
    spec: ScenarioSpec, text: str, runs_dir: Path, *, trials: int = 200, kill_chain: bool = True
) -> PartnersResult:
    """Value, with and without, and the raid on each partner (see the module docstring).

    Raises
    ------
    goldendome.economics.CostError
        A share naming no element, shares of one element summing past 1 (each naming its key).
    """
    data = parse_toml(text, spec.name)
    partners, raw = list(spec.partners), data.get("partners", [])
    preset = not partners
    if preset:
        partners, raw = preset_partners()
    check(_share_problems(spec, partners), "partners")
    base = spec.economics.base_year
    result = PartnersResult(spec.name, base, preset)
    for partner, table in zip(partners, raw, strict=True):
        with_data = _with_sites(data, table)
        with_spec = scenario_from_mapping(with_data, f"{spec.name} with {partner.name}")
        cost = scenario_cost(with_spec)
        by_element = cost.breakdown.by_element_usd()
        rows: list[dict[str, Any]] = []
        for name, share in partner.shares.items():
            rows.append(
                {
                    "kind": "share",
                    "what": name,
                    "share": share,
                    "usd": share * by_element.get(name, 0.0),
                }
            )
        own = {s.name for s in partner.sites}
        for name, usd in by_element.items():
            if name in own or name.split("/")[0] in own:
                rows.append({"kind": "own", "what": name, "share": 1.0, "usd": usd})
        for prog in partner.programs:
            usd = float(to_constant_usd(prog.musd * 1e6, prog.dollar_year, base, deflator_table()))
            rows.append(
                {
                    "kind": "programme",
                    "what": prog.name,
                    "share": None,
                    "usd": usd,
                    "source": prog.source,
                }
            )
        hosted = sum(by_element.get(n, 0.0) for n in partner.hosted)
        for name in partner.hosted:
            rows.append(
                {
                    "kind": "hosted",
                    "what": name,
                    "share": 0.0,
                    "usd": 0.0,
                    "value_usd": by_element.get(name, 0.0),
                }
            )
        paid = sum(r["usd"] for r in rows)
        pr = PartnerResult(partner.name, partner.country, rows, paid, cost.total_usd, hosted)
        if kill_chain and with_spec.threats.raid:
            label = f"{spec.name} with {partner.name}"
            pr.us_with = _run(with_data, label, runs_dir, trials)
            pr.us_without = _run(
                _without(data, partner), f"{spec.name} without {partner.name}", runs_dir, trials
            )
        if kill_chain and partner.raid:
            pr.own_raid = _run(
                _raid_on(data, partner, table), f"raid on {partner.name}", runs_dir, trials
            )
        result.partners.append(pr)
    return result
