"""The infrared glow of an aero-heated glide vehicle, relative to its glide reference.

A boost-glide vehicle is not a cold warhead: flying at Mach 5-20 inside the atmosphere its
skin is heated by the compressed boundary layer. goldendome's model, stated:

1. **Skin temperature** is the adiabatic-wall (recovery) temperature of the free stream,
   ``T_r = T_inf (1 + r (gamma - 1) / 2 M^2)`` with ``gamma = 1.4`` and recovery factor ``r``
   (``sqrt(Pr) = 0.85`` laminar, ``Pr^(1/3) = 0.89`` turbulent for air; J. D. Anderson,
   *Hypersonic and High-Temperature Gas Dynamics*, 2nd ed., AIAA 2006, ch. 6), ``T_inf`` and
   the speed of sound from the U.S. Standard Atmosphere 1976 at the vehicle's altitude, and
   ``M`` its speed relative to the rotating atmosphere over that speed of sound. It is
   capped at ``max_skin_temperature_k``, a goldendome assumption for the body's mean
   radiative-equilibrium temperature (real-gas effects and radiative cooling hold the skin
   far below the ideal-gas recovery temperature of Mach 15-20, thousands of kelvin).
2. **In-band radiance** is Planck's law integrated over the sensor band
   (``band_low_um`` to ``band_high_um``, a goldendome assumption for a medium-wave tracking
   band), for a grey body of fixed emissivity and area.
3. The **relative signature** is that radiance over the radiance at
   ``reference_skin_temperature_k``: 1 in full glide (at the cap), falling steeply as the
   vehicle slows below Mach 6-7 in its terminal dive.

A sensor type states the range at which it detects a gliding body of relative signature 1
with probability 0.9 (``glide_reference_range_km`` in ``infrared_sensors.toml``), derived
there from the public statement that glide vehicles are "a factor of 10 or more dimmer than
strategic missiles" (M. Griffin, USD(R&E), 2018).
"""

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.atmosphere import us76_temperature_k

#: Ratio of specific heats of air.
GAMMA_AIR = 1.4
#: Specific gas constant of air, J/(kg K) (U.S. Standard Atmosphere 1976: R* / M0).
R_AIR_J_KG_K = 287.053
#: Second radiation constant h c / k, micrometer kelvin (CODATA 2018).
C2_UM_K = 14387.77
_NODES, _WEIGHTS = np.polynomial.legendre.leggauss(24)


def recovery_temperature_k(
    speed_m_s: ArrayLike, altitude_m: ArrayLike, recovery_factor: float
) -> FloatArray:
    """Adiabatic-wall temperature ``(...)`` (K) at airspeeds ``speed_m_s`` and altitudes
    ``altitude_m`` ``(...)`` (meters, clipped to 0-86 km of the standard atmosphere)."""
    t_inf = us76_temperature_k(np.clip(np.asarray(altitude_m, np.float64), 0.0, 86e3))
    mach2 = np.asarray(speed_m_s, np.float64) ** 2 / (GAMMA_AIR * R_AIR_J_KG_K * t_inf)
    return np.asarray(t_inf * (1.0 + recovery_factor * 0.5 * (GAMMA_AIR - 1.0) * mach2))


def band_radiance(temperature_k: ArrayLike, band_low_um: float, band_high_um: float) -> FloatArray:
    """Planck radiance integrated over a band, ``(...)``, in units of ``2 h c^2`` per
    um^4 (only ratios are used): ``int lambda^-5 / (exp(c2 / (lambda T)) - 1) d lambda``,
    24-point Gauss-Legendre over the band."""
    t = np.asarray(temperature_k, np.float64)[..., None]
    half = 0.5 * (band_high_um - band_low_um)
    lam = band_low_um + half * (_NODES + 1.0)
    spectral = lam**-5.0 / np.expm1(C2_UM_K / (lam * t))
    return np.asarray(half * np.sum(_WEIGHTS * spectral, axis=-1))


def glide_signature(
    speed_m_s: ArrayLike,
    altitude_m: ArrayLike,
    recovery_factor: float,
    max_skin_temperature_k: float,
    reference_skin_temperature_k: float,
    band_um: tuple[float, float],
) -> FloatArray:
    """Relative in-band signature ``(...)`` of glide bodies (1 at the reference skin
    temperature; see the module notes).

    Parameters
    ----------
    speed_m_s : (...) float64, m/s
        Speed relative to the rotating atmosphere.
    altitude_m : (...) float64, meters
    recovery_factor, max_skin_temperature_k, reference_skin_temperature_k : float
    band_um : (float, float)
        The sensor band, micrometers.
    """
    skin = np.minimum(
        recovery_temperature_k(speed_m_s, altitude_m, recovery_factor), max_skin_temperature_k
    )
    ref = band_radiance(reference_skin_temperature_k, *band_um)
    return np.asarray(band_radiance(skin, *band_um) / ref)


__all__ = ["band_radiance", "glide_signature", "recovery_temperature_k"]
