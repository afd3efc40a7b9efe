"""The embedded catalogs: threat classes, launch areas and targets (package data, cited).

Each file is read by :func:`goldendome.data.loader.load_catalog` and validated like a
scenario (closed, strict, every problem reported with its path); a broken catalog is a bug
in goldendome and raises a :class:`~goldendome.data.errors.CatalogError` (a
:class:`ScenarioError`) naming it.
"""

import dataclasses
import difflib
import functools
from typing import TYPE_CHECKING, Annotated, Literal, TypeVar

from pydantic import Field

from goldendome.data.errors import Problem, ScenarioError
from goldendome.data.loader import load_catalog
from goldendome.data.quantities import Bounded
from goldendome.data.spec_model import SpecModel
from goldendome.scenario.sites import Latitude, Longitude

if TYPE_CHECKING:  # the flight models (NumPy, SciPy) load when a class is built, not read
    from goldendome.threats.classes import BallisticClass
    from goldendome.threats.cruise import CruiseClass
    from goldendome.threats.glide import GlideClass

Positive = Annotated[float, Bounded("must be positive", gt=0, le=1e9)]
Count = Annotated[int, Bounded("must be a non-negative count", ge=0, le=1_000)]
Key = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
T = TypeVar("T")
#: What a missile is launched from (a launch area's ``platform``, a cruise class's
#: ``launch_platforms``).
Platform = Literal["ground", "bomber", "submarine", "ship"]


class StageSpec(SpecModel):
    """One stage of a catalog class."""

    propellant_mass_kg: Positive
    dry_mass_kg: Positive
    isp_vacuum_s: Annotated[
        float,
        Bounded(
            "specific impulse must be physical",
            "s",
            gt=0,
            le=500,
            upper="specific impulse must be physical, at most {bound} (no chemical rocket "
            "does better)",
        ),
    ]
    burn_time_s: Positive


class _RocketSpec(SpecModel):
    name: Key
    label: str
    propellant: Literal["liquid", "solid"]
    body_diameter_m: Positive
    boost_drag_coefficient: Annotated[float, Bounded("drag coefficient", ge=0, le=2)]
    payload_kg: Positive
    rv_count: Count
    rv_mass_kg: Positive
    rv_ballistic_coefficient_kg_m2: Positive
    decoy_count: Count = 0
    decoy_mass_kg: Positive = 1.0
    decoy_ballistic_coefficient_kg_m2: Positive = 1.0
    source: str
    stage: Annotated[list[StageSpec], Field(min_length=1, max_length=4)]

    def build_rocket(self) -> "BallisticClass":
        """The rocket as a ballistic class (for HGVs: the booster with its glider as payload)."""
        from goldendome.threats.classes import BallisticClass, Stage

        return BallisticClass(
            name=self.name,
            label=self.label,
            propellant=self.propellant,
            stages=tuple(
                Stage(s.propellant_mass_kg, s.dry_mass_kg, s.isp_vacuum_s, s.burn_time_s)
                for s in self.stage
            ),
            payload_kg=self.payload_kg,
            body_diameter_m=self.body_diameter_m,
            boost_drag_coefficient=self.boost_drag_coefficient,
            rv_count=self.rv_count,
            rv_mass_kg=self.rv_mass_kg,
            rv_ballistic_coefficient_kg_m2=self.rv_ballistic_coefficient_kg_m2,
            decoy_count=self.decoy_count,
            decoy_mass_kg=self.decoy_mass_kg,
            decoy_ballistic_coefficient_kg_m2=self.decoy_ballistic_coefficient_kg_m2,
            source=self.source,
        )


OrbitAltitude = Annotated[
    float, Bounded("a fractional orbit lies between 120 and 1,000 km", ge=120, le=1000)
]
DeorbitBurn = Annotated[
    float, Bounded("a de-orbit burn lies between 50 and 3,000 m/s", ge=50, le=3000)
]


class BallisticClassSpec(_RocketSpec):
    """An ICBM or SLBM class; ``range_km`` is its published range at the nominal payload.

    A class that can fly a fractional orbit (``shape = "fobs"`` in a raid) gives the orbit's
    altitude and its de-orbit burn (:mod:`goldendome.threats.fobs`).
    """

    type: Literal["ballistic"]
    range_km: Positive | None = None
    fobs_orbit_altitude_km: OrbitAltitude | None = None
    fobs_deorbit_delta_v_m_s: DeorbitBurn | None = None

    @property
    def orbits(self) -> bool:
        """The class can fly a fractional orbit (both ``fobs_`` keys given)."""
        return self.fobs_orbit_altitude_km is not None and self.fobs_deorbit_delta_v_m_s is not None


class HgvClassSpec(_RocketSpec):
    """A boost-glide class: a ballistic booster carrying a hypersonic glide vehicle."""

    type: Literal["hgv"]
    glide_vehicle_mass_kg: Positive
    lift_to_drag: Annotated[float, Bounded("lift-to-drag ratio", gt=0, le=10)]
    glide_ballistic_coefficient_kg_m2: Positive
    max_range_km: Positive

    def build_glide(self) -> "GlideClass":
        """The boost-glide model: the booster carries the glider, whose beta applies after."""
        booster = dataclasses.replace(
            self.build_rocket(),
            rv_ballistic_coefficient_kg_m2=self.glide_ballistic_coefficient_kg_m2,
        )
        from goldendome.threats.glide import GlideClass

        return GlideClass(
            booster=booster,
            glide_vehicle_mass_kg=self.glide_vehicle_mass_kg,
            lift_to_drag=self.lift_to_drag,
            glide_ballistic_coefficient_kg_m2=self.glide_ballistic_coefficient_kg_m2,
            max_range_m=self.max_range_km * 1e3,
        )


class CruiseClassSpec(SpecModel):
    """A cruise-missile class."""

    type: Literal["cruise"]
    name: Key
    label: str
    speed_m_s: Positive
    cruise_altitude_m: Positive
    max_range_km: Positive
    launch_mass_kg: Positive
    #: What launches it: ``ground`` (a launcher on land), ``bomber`` (released in flight),
    #: ``submarine`` or ``ship`` (at sea).
    launch_platforms: Annotated[list[Platform], Field(min_length=1)]
    source: str

    def build_cruise(self) -> "CruiseClass":
        """The cruise-missile model."""
        from goldendome.threats.cruise import CruiseClass

        return CruiseClass(
            self.name,
            self.label,
            self.speed_m_s,
            self.cruise_altitude_m,
            self.max_range_km * 1e3,
            self.source,
        )


ThreatClassSpec = Annotated[
    BallisticClassSpec | HgvClassSpec | CruiseClassSpec, Field(discriminator="type")
]


class PlaceSpec(SpecModel):
    """A launch area or a target."""

    name: Key
    label: str
    kind: Literal["land", "sea", "city", "military"]
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
    latitude_rad: Latitude = Field(alias="latitude_deg")
    longitude_rad: Longitude = Field(alias="longitude_deg")
    population: Annotated[int, Bounded("population must not be negative", ge=0, le=10**8)] = 0
    #: What launches from a launch area: given for release areas of bombers (``bomber``);
    #: otherwise a land area launches from the ground and a sea area from a submarine.
    platform: Platform | None = None
    source: str

    @property
    def launch_platform(self) -> "Platform":
        """The area's platform: its ``platform``, else ``ground`` on land, ``submarine`` at sea."""
        if self.platform is not None:
            return self.platform
        return "submarine" if self.kind == "sea" else "ground"


class ClassCatalog(SpecModel):
    """``threat_classes.toml``."""

    class_: list[ThreatClassSpec] = Field(alias="class")


class AreaCatalog(SpecModel):
    """``launch_areas.toml``."""

    area: list[PlaceSpec]


class TargetCatalog(SpecModel):
    """``targets.toml``."""

    target: list[PlaceSpec]


@functools.cache
def threat_classes() -> dict[str, BallisticClassSpec | HgvClassSpec | CruiseClassSpec]:
    """Every threat class of the embedded catalog, by name."""
    return {c.name: c for c in load_catalog("threat_classes.toml", ClassCatalog).class_}


@functools.cache
def launch_areas() -> dict[str, PlaceSpec]:
    """Every launch area of the embedded catalog, by name."""
    return {a.name: a for a in load_catalog("launch_areas.toml", AreaCatalog).area}


@functools.cache
def targets() -> dict[str, PlaceSpec]:
    """Every target of the embedded catalog, by name."""
    return {t.name: t for t in load_catalog("targets.toml", TargetCatalog).target}


def lookup(what: str, name: str, table: dict[str, T]) -> T:
    """``table[name]``, or a ScenarioError listing the known names, closest first."""
    if name in table:
        return table[name]
    close = difflib.get_close_matches(name, list(table), n=3, cutoff=0.4)
    rest = [k for k in table if k not in close]
    known = ", ".join(close + rest)
    rule = f"unknown {what}; known names, closest first: {known}"
    raise ScenarioError(f"{what} '{name}'", [Problem(path="", value=None, rule=rule)])


__all__ = [
    "AreaCatalog",
    "BallisticClassSpec",
    "ClassCatalog",
    "CruiseClassSpec",
    "HgvClassSpec",
    "PlaceSpec",
    "Platform",
    "TargetCatalog",
    "launch_areas",
    "lookup",
    "targets",
    "threat_classes",
]
