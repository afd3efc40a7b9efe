"""A scenario's elements as cost lines: each space layer, radar, interceptor platform and
magazine, and the C2 system, mapped to an entry of ``data/cost_catalog.toml``.

Element names (the keys of ``[economics.elements]`` and ``[economics.uncertain]``):

* a space layer: its key under ``[space]`` (``sbi_layer``);
* a site: its ``name`` (a radar, or the platform of an interceptor site: a ship, a battery,
  a silo field);
* a magazine: ``"SITE/TYPE"`` (``"Fort Greely (GBI)/gbi"``);
* ``c2``: one national command, control and battle-management system.

Every element is priced as if bought within the horizon (a full-cost view: what is already
fielded, such as the GBI silos, counts too); ``include = false`` leaves one out.

An SBI layer's launch mass per satellite comes from the SBI mass model
(:mod:`goldendome.interceptors.sbi_mass`, ``data/sbi_mass.toml``) for the scenario's kill
vehicle (``[sbi] delta_v_km_s``, ``divert_delta_v_km_s``, ``acceleration_g``), unless
``[economics.elements.LAYER] mass_kg`` states one; ``ScenarioCostInputs.masses`` says which.
The economics package may not import the interceptor models (import-linter: role packages
are independent), so the mass is passed in here, at the scenario level.
"""

import math
from dataclasses import dataclass, field
from typing import Any

from goldendome.economics import (
    CatalogEntry,
    CatalogSelection,
    CostLine,
    Distribution,
    default_uncertainty,
)
from goldendome.economics.catalog import cost_item
from goldendome.economics.errors import check, problem
from goldendome.interceptors.sbi_mass import sbi_mass
from goldendome.scenario.economics import VALUE_FIELDS, EconomicsSpec, ElementCostSpec
from goldendome.scenario.interceptors import SbiSpec
from goldendome.scenario.spec import ScenarioSpec

#: Catalog item of a space layer, by its role.
SPACE_ITEMS = {
    "interceptor": "sbi",
    "tracking": "tracking-sat",
    "early_warning": "opir-geo",
    "air_moving_target": "amti-sat",
}
#: Catalog item of a radar site, by radar type (data/radars.toml).
RADAR_ITEMS = {
    "lrdr": "lrdr",
    "uewr": "uewr-upgrade",
    "an-tpy-2-fbm": "tpy2",
    "sbx": "sbx",
    "e-7-mesa": "e7-wedgetail",
    "e-2d-apy-9": "e2d-hawkeye",
    "oth-skywave": "oth-radar",
    "space-amti": "amti-sat",  # carried by a layer (SPACE_ITEMS), never by a site
}
#: Catalog item of one round, by interceptor type (data/interceptors.toml).
ROUND_ITEMS = {
    "gbi": "gbi",
    "ngi": "ngi",
    "sm-3-iia": "sm3-iia",
    "sm-3-ib": "sm3-ib",
    "thaad": "thaad-interceptor",
    "pac-3-mse": "pac3-mse",
    "sm-6": "sm6",
    "gpi": "gpi",
    "nasams": "amraam-er",
    "fighter-cap": "aim-120d",
}
#: Catalog item of the platform that fires a type (goldendome assumption: SM-3 and SM-6 fire
#: from an Aegis destroyer; override ``item = "aegis-ashore"`` for a site ashore).
PLATFORM_ITEMS = {
    "gbi": "midcourse-site",
    "ngi": "midcourse-site",
    "sm-3-iia": "ddg51",
    "sm-3-ib": "ddg51",
    "sm-6": "ddg51",
    "thaad": "thaad-battery",
    "pac-3-mse": "patriot-battery",
    "gpi": "ddg51",  # ship first (Reuters, Sep 2024)
    "nasams": "nasams-battery",
    "fighter-cap": "fighter-cap-station",
}
C2 = "c2"
#: The catalog item whose launch mass the SBI mass model gives.
SBI_ITEM = "sbi"
#: Where an SBI line's mass came from (``SbiMassUsed.source``).
MASS_MODEL, MASS_STATED, MASS_CATALOG = "mass model", "stated", "catalog"


@dataclass(frozen=True)
class Element:
    """One priced element of a scenario: its name, kind, default catalog item and quantity."""

    name: str
    kind: str  # "space", "radar", "platform", "magazine" or "c2"
    item: str | None
    quantity: float


def _layer_size(layer: Any) -> int:
    if hasattr(layer, "satellites"):
        return int(layer.satellites)
    if hasattr(layer, "longitudes_rad"):
        return len(layer.longitudes_rad)
    if hasattr(layer, "apogee_longitudes_rad"):
        return len(layer.apogee_longitudes_rad)
    return int(layer.build("layer").n_satellites)


def scenario_elements(spec: ScenarioSpec) -> list[Element]:
    """Every element of ``spec`` with its default catalog item (None: no default)."""
    out = [
        Element(name, "space", SPACE_ITEMS.get(layer.role), _layer_size(layer))
        for name, layer in spec.space.items()
    ]
    for site in spec.sites:
        if site.radar is not None:
            out.append(Element(site.name, "radar", RADAR_ITEMS.get(site.radar.type), 1.0))
        if site.interceptors:
            platform = PLATFORM_ITEMS.get(site.interceptors[0].type)
            out.append(Element(site.name, "platform", platform, 1.0))
        for battery in site.interceptors:
            name = f"{site.name}/{battery.type}"
            out.append(Element(name, "magazine", ROUND_ITEMS.get(battery.type), battery.count))
    out.append(Element(C2, "c2", C2, 1.0))
    return out


def element_names(spec: ScenarioSpec) -> list[str]:
    """The names ``[economics.elements]`` and ``[economics.uncertain]`` may use."""
    return [e.name for e in scenario_elements(spec)]


@dataclass(frozen=True)
class SbiMassUsed:
    """The launch mass of one SBI line and where it came from.

    Attributes
    ----------
    mass_kg : float
        Mass per SBI launched and kept on orbit (interceptor plus carrier), kg.
    source : str
        ``"mass model"`` (``data/sbi_mass.toml`` for the scenario's kill vehicle),
        ``"stated"`` (``[economics.elements.LAYER] mass_kg``) or ``"catalog"`` (the cost
        catalog's stated mass, used when the mass model has no solution).
    note : str
        One sentence saying so, with the inputs.
    """

    mass_kg: float
    source: str
    note: str


def sbi_mass_used(sbi: SbiSpec, given: ElementCostSpec | None, layer: str) -> SbiMassUsed:
    """The launch mass of the SBIs of ``layer``: stated in ``[economics]`` if given, else the
    mass model's for ``sbi``'s kill vehicle, else (no booster of the model's kind reaches
    that delta-v at that acceleration) the cost catalog's stated mass."""
    if given is not None and given.mass_kg is not None:
        note = f"{given.mass_kg:,.0f} kg per SBI, stated in [economics.elements.{layer}] mass_kg"
        return SbiMassUsed(float(given.mass_kg), MASS_STATED, note)
    inputs = (
        f"delta-v {sbi.delta_v_m_s / 1e3:g} km/s, divert {sbi.divert_delta_v_m_s / 1e3:g} km/s, "
        f"{sbi.acceleration_g:g} g"
    )
    total = float(sbi_mass(sbi.delta_v_m_s, sbi.divert_delta_v_m_s, sbi.acceleration_g).total_kg)
    if math.isfinite(total):
        note = f"{total:,.0f} kg per SBI from the SBI mass model (data/sbi_mass.toml; {inputs})"
        return SbiMassUsed(total, MASS_MODEL, note)
    stated = cost_item(SBI_ITEM).mass_kg
    note = (
        f"{stated:,.0f} kg per SBI, the cost catalog's stated mass: the SBI mass model has no "
        f"booster for {inputs} (data/sbi_mass.toml); state one with [economics.elements."
        f"{layer}] mass_kg"
    )
    return SbiMassUsed(stated, MASS_CATALOG, note)


@dataclass(frozen=True)
class ScenarioCostInputs:
    """What the economics functions take for one scenario.

    Attributes
    ----------
    lines : list of CostLine
        One per included element with a quantity, dollars of ``base_year``.
    items : dict
        Element name -> catalog item of each line.
    uncertain : dict
        (element name, CostLine field) -> Distribution.
    first_year, years, base_year, draws : int
    masses : dict
        Element name -> :class:`SbiMassUsed` of each SBI line (its launch mass and where
        the mass came from).
    """

    lines: list[CostLine]
    items: dict[str, str]
    uncertain: dict[tuple[str, str], Distribution]
    first_year: int
    years: int
    base_year: int
    draws: int
    masses: dict[str, SbiMassUsed] = field(default_factory=dict)


def _entries(
    spec: ScenarioSpec, econ: EconomicsSpec, masses: dict[str, SbiMassUsed] | None = None
) -> list[CatalogEntry]:
    """The catalog entries of the included elements; the SBI lines' masses go to ``masses``."""
    entries, bad = [], []
    known = {e.name for e in scenario_elements(spec)}
    for name in sorted(set(econ.elements) | set(econ.uncertain)):
        if name not in known:
            rule = "not an element of this scenario; elements: " + ", ".join(sorted(known))
            bad.append(problem(f"economics.elements.{name}", None, rule))
    for element in scenario_elements(spec):
        given = econ.elements.get(element.name)
        if given is not None and not given.include:
            continue
        item = given.item if given is not None and given.item else element.item
        quantity = given.quantity if given is not None and given.quantity is not None else None
        quantity = element.quantity if quantity is None else quantity
        if item is None:
            rule = f"no cost line for this {element.kind}; give one with item = ..."
            bad.append(problem(f"economics.elements.{element.name}.item", None, rule))
            continue
        if quantity <= 0:
            continue
        fields: dict[str, Any] = {
            "deploy_years": econ.deploy_years,
            "development_years": econ.development_years,
        }
        if spec.sbi is not None and element.name == spec.sbi.layer:
            # One service life for the SBIs: the one their readiness is computed with.
            fields["service_life_years"] = spec.sbi.service_life_years
        if element.kind == "space" and item == SBI_ITEM:
            used = sbi_mass_used(spec.sbi or SbiSpec(), given, element.name)
            fields["mass_kg"] = used.mass_kg
            if masses is not None:
                masses[element.name] = used
        fields.update(given.fields() if given is not None else {})
        launch = given.launch if given is not None else None
        entries.append(CatalogEntry(item, quantity, element.name, launch, fields))
    check(bad, "economics")
    return entries


def scenario_cost_inputs(
    spec: ScenarioSpec, base_year: int | None = None, years: int | None = None
) -> ScenarioCostInputs:
    """The scenario's cost lines, items and distributions (``base_year``, ``years`` override
    the ``[economics]`` table's).

    Raises
    ------
    goldendome.economics.CostError
        An element without a cost line, an override naming no element, a base year outside
        the deflator table.
    """
    econ = spec.economics
    base = econ.base_year if base_year is None else base_year
    masses: dict[str, SbiMassUsed] = {}
    entries = _entries(spec, econ, masses)
    lines = CatalogSelection(tuple(entries)).cost_lines(base)
    items = {e.name or e.item: e.item for e in entries}
    uncertain: dict[tuple[str, str], Distribution] = {}
    if econ.catalog_ranges:
        for line, entry in zip(lines, entries, strict=True):
            uncertain.update(default_uncertainty(line, entry.item, base, entry.launch))
    for name, draws in econ.uncertain.items():
        if name not in items:
            continue
        for key, d in draws.draws().items():
            target, scale = VALUE_FIELDS[key]
            uncertain[(name, target)] = Distribution(
                d.kind, d.low * scale, d.mode * scale, d.high * scale
            )
    return ScenarioCostInputs(
        lines=lines,
        items=items,
        uncertain=uncertain,
        first_year=econ.first_year,
        years=econ.years if years is None else years,
        base_year=base,
        draws=econ.draws,
        masses=masses,
    )
