"""How heavy a space-based interceptor is: the rocket equation from its delta-vs.

The kill vehicle carries its divert propellant: ``m_kv = m_dry exp(dv_divert / (Isp_d g0))``.
The interceptor's booster gives the main delta-v in ``n`` equal stages; a stage of mass ratio
``R = exp(dv_stage / (Isp g0))`` with structural fraction ``s`` (inert over inert plus
propellant) and a motor whose hardware weighs ``1 / TW`` of the thrust it gives at an
acceleration of ``a`` g (``a / TW`` of the stage's initial mass) carries a payload ``P`` at an
initial mass of ``P / (1/R - s/(1-s) (1 - 1/R) - a/TW)``; when that denominator is not
positive no such stage exists (the mass is infinite). The carrier satellite (power,
communications, attitude and orbit control) adds ``support_fraction`` of the interceptor.
Values in ``data/sbi_mass.toml``, all goldendome assumptions.
"""

from dataclasses import dataclass
from functools import cache

import numpy as np
from numpy.typing import ArrayLike

from goldendome.data.loader import load_catalog
from goldendome.data.spec_model import SpecModel
from goldendome.physics._types import FloatArray
from goldendome.physics.constants import G0_M_S2

DATA_FILE = "sbi_mass.toml"


class _KillVehicle(SpecModel):
    dry_mass_kg: float
    divert_isp_s: float


class _Booster(SpecModel):
    isp_s: float
    stages: int
    structural_fraction: float
    motor_thrust_to_weight: float


class _Carrier(SpecModel):
    support_fraction: float


class SbiMassCatalog(SpecModel):
    """``data/sbi_mass.toml``."""

    kill_vehicle: _KillVehicle
    booster: _Booster
    carrier: _Carrier


@dataclass(frozen=True)
class SbiMass:
    """Masses of one SBI (kg), arrays broadcast over the inputs."""

    kill_vehicle_kg: FloatArray
    interceptor_kg: FloatArray
    carrier_kg: FloatArray

    @property
    def total_kg(self) -> FloatArray:
        """Interceptor plus carrier: the mass launched and kept on orbit."""
        return np.asarray(self.interceptor_kg + self.carrier_kg, dtype=np.float64)


@cache
def _catalog() -> SbiMassCatalog:
    return load_catalog(DATA_FILE, SbiMassCatalog)


def stage_growth(
    delta_v_m_s: ArrayLike,
    isp_s: float,
    structural_fraction: float,
    acceleration_over_tw: ArrayLike,
) -> FloatArray:
    """Initial mass of a stage over its payload (inf where no such stage exists).

    Parameters
    ----------
    delta_v_m_s : array_like, m/s
    isp_s : float, s
    structural_fraction : float
        Inert over inert plus propellant.
    acceleration_over_tw : array_like
        The stage's initial acceleration (in g) over its motor's thrust-to-weight.
    """
    ratio = np.exp(np.asarray(delta_v_m_s, np.float64) / (isp_s * G0_M_S2))
    k = structural_fraction / (1.0 - structural_fraction)
    left = 1.0 / ratio - k * (1.0 - 1.0 / ratio) - np.asarray(acceleration_over_tw, np.float64)
    safe = np.where(left > 0.0, left, 1.0)
    return np.asarray(np.where(left > 0.0, 1.0 / safe, np.inf), dtype=np.float64)


def sbi_mass(
    delta_v_m_s: ArrayLike, divert_delta_v_m_s: ArrayLike, acceleration_g: ArrayLike
) -> SbiMass:
    """Masses of an SBI with the catalog's assumptions (``data/sbi_mass.toml``).

    Parameters
    ----------
    delta_v_m_s : array_like, m/s
        The interceptor's main delta-v (``[sbi] delta_v_km_s``).
    divert_delta_v_m_s : array_like, m/s
        The kill vehicle's divert delta-v.
    acceleration_g : array_like, g
        The interceptor's acceleration at ignition (thrust-to-weight).
    """
    c = _catalog()
    kv = c.kill_vehicle.dry_mass_kg * np.exp(
        np.asarray(divert_delta_v_m_s, np.float64) / (c.kill_vehicle.divert_isp_s * G0_M_S2)
    )
    b = c.booster
    per_stage = np.asarray(delta_v_m_s, np.float64) / b.stages
    growth = stage_growth(
        per_stage, b.isp_s, b.structural_fraction,
        np.asarray(acceleration_g, np.float64) / b.motor_thrust_to_weight,
    )  # fmt: skip
    interceptor = kv * growth**b.stages
    return SbiMass(
        kill_vehicle_kg=np.asarray(kv, np.float64),
        interceptor_kg=np.asarray(interceptor, np.float64),
        carrier_kg=np.asarray(interceptor * c.carrier.support_fraction, np.float64),
    )
