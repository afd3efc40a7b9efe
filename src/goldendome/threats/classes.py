"""Generic threat classes: staged ballistic missiles with their payloads."""

import math
from dataclasses import dataclass

from goldendome.physics.constants import G0_M_S2


@dataclass(frozen=True)
class Stage:
    """One rocket stage burning at constant thrust and mass flow.

    Attributes
    ----------
    propellant_mass_kg, dry_mass_kg : float
    isp_vacuum_s : float
        Specific impulse (vacuum), seconds; thrust = Isp g0 mdot.
    burn_time_s : float
    """

    propellant_mass_kg: float
    dry_mass_kg: float
    isp_vacuum_s: float
    burn_time_s: float

    @property
    def mass_flow_kg_s(self) -> float:
        """Propellant mass flow, kg/s."""
        return self.propellant_mass_kg / self.burn_time_s

    @property
    def thrust_n(self) -> float:
        """Thrust, N."""
        return self.isp_vacuum_s * G0_M_S2 * self.mass_flow_kg_s


@dataclass(frozen=True)
class BallisticClass:
    """A generic ballistic-missile class (ICBM or SLBM) with open-literature parameters.

    Attributes
    ----------
    name : str
        Key, e.g. ``hwasong-15-class``.
    label : str
    propellant : {"liquid", "solid"}
    stages : tuple of Stage
    payload_kg : float
        Nominal post-boost payload (reentry vehicles and bus), kg.
    body_diameter_m, boost_drag_coefficient : float
        Reference diameter and drag coefficient of the boosting rocket.
    rv_count, rv_mass_kg, rv_ballistic_coefficient_kg_m2
        Reentry vehicles carried, each one's mass and beta = m / (Cd A).
    decoy_count, decoy_mass_kg, decoy_ballistic_coefficient_kg_m2
        Light decoys carried.
    source : str
    """

    name: str
    label: str
    propellant: str
    stages: tuple[Stage, ...]
    payload_kg: float
    body_diameter_m: float
    boost_drag_coefficient: float
    rv_count: int
    rv_mass_kg: float
    rv_ballistic_coefficient_kg_m2: float
    decoy_count: int = 0
    decoy_mass_kg: float = 0.0
    decoy_ballistic_coefficient_kg_m2: float = 0.0
    source: str = ""

    @property
    def launch_mass_kg(self) -> float:
        """Total mass at lift-off, kg."""
        return self.payload_kg + sum(s.propellant_mass_kg + s.dry_mass_kg for s in self.stages)

    @property
    def burn_time_s(self) -> float:
        """Total powered-flight time, seconds."""
        return sum(s.burn_time_s for s in self.stages)

    @property
    def drag_area_cd_m2(self) -> float:
        """Cd times the reference area of the boosting rocket, m^2."""
        return self.boost_drag_coefficient * math.pi * self.body_diameter_m**2 / 4.0

    def ideal_delta_v_m_s(self, payload_kg: float | None = None) -> float:
        """Rocket-equation delta-v with no gravity or drag losses, m/s."""
        payload = self.payload_kg if payload_kg is None else payload_kg
        above = payload + sum(s.propellant_mass_kg + s.dry_mass_kg for s in self.stages)
        dv = 0.0
        for stage in self.stages:
            dv += (
                stage.isp_vacuum_s * G0_M_S2 * math.log(above / (above - stage.propellant_mass_kg))
            )
            above -= stage.propellant_mass_kg + stage.dry_mass_kg
        return dv
