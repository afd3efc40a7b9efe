"""U.S. Standard Atmosphere 1976: density, temperature and pressure from -5 km to 1,000 km.

Source: *U.S. Standard Atmosphere, 1976*, NOAA/NASA/USAF, NOAA-S/T 76-1562 (Washington DC,
October 1976), part 1 (defining equations and constants). All altitudes are geometric (Z).

* -5 to 86 km: the seven geopotential layers of molecular-scale temperature T_M with the
  hydrostatic pressure law; density rho = P M0 / (R* T_M). Kinetic temperature T = T_M M/M0
  with the standard's M/M0 table from 80 to 86 km (no effect on P or rho).
* 86 to 1,000 km: the standard's kinetic-temperature segments (isothermal, elliptical, linear,
  exponential) and the number densities of N2, O, O2, Ar, He and H from its diffusion
  equations (molecular and eddy diffusion, thermal diffusion, the empirical vertical-flux
  terms of O, O2, Ar and He, and the escape flux of H from 150 to 500 km). Each species'
  equation is an explicit quadrature once the species before it are known (N2; O and O2;
  Ar and He; H), so the profile is integrated once, lazily, with Simpson's rule on a 25 m
  grid and linear interpolation of the logarithm is used for every call.
* Above 1,000 km density continues exponentially with the density scale height at 1,000 km
  (a goldendome choice, not part of the standard); temperature and pressure are NaN there.
  Below -5 km, and for NaN altitudes, all three return NaN.
"""

import functools

import numpy as np
from scipy.integrate import cumulative_simpson

from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.constants import G0_M_S2

R_STAR = 8314.32  # universal gas constant, J/(kmol K)
M0 = 28.9644  # sea-level mean molecular weight, kg/kmol
R0_M = 6_356_766.0  # effective Earth radius for geopotential height, m
K_BOLTZMANN = 1.380622e-23  # J/K
N_AVOGADRO = 6.022169e26  # 1/kmol
Z_MIN_M, Z_86_M, Z_MAX_M = -5_000.0, 86_000.0, 1_000_000.0

# Lower atmosphere: geopotential bases (m'), lapse rates of T_M (K/m').
_H_BASE = np.array([0.0, 11e3, 20e3, 32e3, 47e3, 51e3, 71e3])
_LAPSE = np.array([-6.5, 0.0, 1.0, 2.8, 0.0, -2.8, -2.0]) * 1e-3
_GMR = G0_M_S2 * M0 / R_STAR  # K/m'
_T_BASE = 288.15 + np.concatenate(([0.0], np.cumsum(_LAPSE[:-1] * np.diff(_H_BASE))))
_P_BASE = np.empty(7)
_P_BASE[0] = 101_325.0
for _b in range(6):
    _dh, _tb, _lb = _H_BASE[_b + 1] - _H_BASE[_b], _T_BASE[_b], _LAPSE[_b]
    _ratio = np.exp(-_GMR * _dh / _tb) if _lb == 0.0 else (_tb / (_tb + _lb * _dh)) ** (_GMR / _lb)
    _P_BASE[_b + 1] = _P_BASE[_b] * _ratio
# M/M0 from 80 to 86 km in 0.5 km steps (the standard's table of molecular weight ratio).
_MM0_Z = np.linspace(80e3, 86e3, 13)
_MM0 = np.array([1.0, 0.999996, 0.999989, 0.999971, 0.999941, 0.999909, 0.999870,
                 0.999829, 0.999786, 0.999741, 0.999694, 0.999641, 0.999579])  # fmt: skip

# Upper atmosphere species N2, O, O2, Ar, He, H (the standard's species tables): molecular
# weight kg/kmol, number density at 86 km (H: at 500 km) 1/m^3, thermal diffusion alpha,
# D coefficients a (1/(m s)) and b; flux coefficients Q (1/m^3), U (m), W (1/m^3).
_M_I = np.array([28.0134, 15.9994, 31.9988, 39.948, 4.0026, 1.00797])
_N_86 = np.array([1.129794e20, 8.6e16, 3.030898e19, 1.3514e18, 7.5817e14])
_N_H_500, _PHI_H = 8.0e10, 7.2e11  # H density at 500 km (1/m^3), H escape flux 1/(m^2 s)
_ALPHA = {"He": -0.40, "H": -0.25}
_A_D = {"O": 6.986e20, "O2": 4.863e20, "Ar": 4.487e20, "He": 1.700e21, "H": 3.305e21}
_B_D = {"O": 0.750, "O2": 0.750, "Ar": 0.870, "He": 0.691, "H": 0.500}
_QUW = {
    "O": (-5.809644e-13, 56_903.11, 2.706240e-14),
    "O2": (1.366212e-13, 86e3, 8.333333e-14),
    "Ar": (9.434079e-14, 86e3, 8.333333e-14),
    "He": (-2.457369e-13, 86e3, 6.666667e-13),
}
_Q_O, _U_O, _W_O = -3.416248e-12, 97e3, 5.008765e-13  # second O flux term, below 97 km
_STEP_M = 25.0
_NAMES = ("N2", "O", "O2", "Ar", "He", "H")


def _gravity(z_m: FloatArray) -> FloatArray:
    return G0_M_S2 * (R0_M / (R0_M + z_m)) ** 2


def _upper_temperature(z_m: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Kinetic temperature (K) and its gradient (K/m) for 86 km <= z <= 1,000 km.

    Segments: 186.8673 K to 91 km; ellipse T_c + A sqrt(1 - ((z - 91 km)/a)^2) with
    T_c = 263.1905 K, A = -76.3232 K, |a| = 19.9429 km to 110 km; 240 K + 12 K/km to 120 km;
    T_inf - (T_inf - 360 K) exp(-lambda xi), T_inf = 1000 K, lambda = 0.01875/km, above.
    """
    u = np.clip((z_m - 91e3) / 19_942.9, 0.0, 0.999)
    root = np.sqrt(1.0 - u**2)
    xi = (z_m - 120e3) * (R0_M + 120e3) / (R0_M + z_m)
    decay = 640.0 * np.exp(-1.875e-5 * np.maximum(xi, 0.0))
    conds = [z_m < 91e3, z_m < 110e3, z_m < 120e3]
    t = np.select(conds, [186.8673, 263.1905 - 76.3232 * root, 240.0 + 0.012 * (z_m - 110e3)])
    t = np.where(z_m >= 120e3, 1000.0 - decay, t)
    growth = 1.875e-5 * ((R0_M + 120e3) / (R0_M + z_m)) ** 2 * decay
    dt = np.select(conds, [0.0 * z_m, 76.3232 * u / (19_942.9 * root), 0.012 + 0.0 * z_m], growth)
    return t, dt


def _species_integrand(
    name: str, z: FloatArray, mixed: bool, n_bg: FloatArray, m_bg: FloatArray
) -> FloatArray:
    """d(-ln(n T))/dz (1/m) of O, O2, Ar or He in background density n_bg, weight m_bg."""
    t, dt = _upper_temperature(z)
    g = _gravity(z)
    x2 = 4e8 - (z - 95e3) ** 2
    eddy_exp = np.exp(1.0 - 4e8 / np.where(x2 > 0.0, x2, 1.0))
    k = np.where(z < 95e3, 120.0, np.where((z < 115e3) & (x2 > 0.0), 120.0 * eddy_exp, 0.0))
    d = _A_D[name] * (t / 273.15) ** _B_D[name] / n_bg
    m_k = M0 if mixed else m_bg
    alpha = _ALPHA.get(name, 0.0)
    f: FloatArray = g * (d * _M_I[_NAMES.index(name)] + m_k * k) / (R_STAR * t * (d + k))
    f += alpha * d * dt / (t * (d + k))
    q, u, w = _QUW[name]
    f += q * (z - u) ** 2 * np.exp(-w * (z - u) ** 3)
    if name == "O":
        below = np.maximum(_U_O - z, 0.0)
        f += _Q_O * below**2 * np.exp(-_W_O * below**3)
    return f


def _integrate_segment(z: FloatArray, n_start: FloatArray, mixed: bool) -> FloatArray:
    """Number densities (5, n) of N2..He on z, starting from n_start (5,) at z[0]."""
    t, _ = _upper_temperature(z)
    scale = t[0] / t
    m_n2 = M0 if mixed else _M_I[0]
    out = np.empty((5, z.size))
    f_n2 = m_n2 * _gravity(z) / (R_STAR * t)
    out[0] = n_start[0] * scale * np.exp(-cumulative_simpson(f_n2, x=z, initial=0.0))
    for i, name in enumerate(_NAMES[1:5], start=1):
        if name in ("O", "O2"):  # diffusing through N2 only
            n_bg, m_bg = out[0], _M_I[0] + 0.0 * z
        else:  # Ar, He diffuse through N2 + O + O2
            n_bg = out[0] + out[1] + out[2]
            m_bg = (out[:3] * _M_I[:3, None]).sum(axis=0) / n_bg
        f = _species_integrand(name, z, mixed, n_bg, m_bg)
        out[i] = n_start[i] * scale * np.exp(-cumulative_simpson(f, x=z, initial=0.0))
    return out


@functools.lru_cache(maxsize=1)
def _upper_table() -> tuple[FloatArray, FloatArray, FloatArray, float]:
    """Grid (m), ln rho, ln n_total on 86-1,000 km, and the density scale height at 1,000 km."""
    z_lo = np.linspace(Z_86_M, 100e3, round(14e3 / _STEP_M) + 1)  # M = M0 below 100 km
    z_hi = np.linspace(100e3, Z_MAX_M, round(900e3 / _STEP_M) + 1)
    n_lo = _integrate_segment(z_lo, _N_86, mixed=True)
    n_hi = _integrate_segment(z_hi, n_lo[:, -1], mixed=False)
    # Hydrogen above 150 km (eq. for n_H with escape flux phi between 150 and 500 km).
    t, _ = _upper_temperature(z_hi)
    i150, i500 = round(50e3 / _STEP_M), round(400e3 / _STEP_M)
    zh, th, nbg = z_hi[i150:], t[i150:], n_hi[:, i150:].sum(axis=0)
    tau = cumulative_simpson(_M_I[5] * _gravity(zh) / (R_STAR * th), x=zh, initial=0.0)
    tau -= tau[i500 - i150]
    d_h = _A_D["H"] * (th / 273.15) ** _B_D["H"] / nbg
    power = 1.0 + _ALPHA["H"]
    t500 = th[i500 - i150]
    h_int = cumulative_simpson(_PHI_H / d_h * (th / t500) ** power * np.exp(tau), x=zh, initial=0.0)
    flux = np.maximum(h_int[i500 - i150] - h_int, 0.0)  # integral from z to 500 km; 0 above
    n_h = np.zeros(z_hi.size)
    n_h[i150:] = (_N_H_500 + flux) * (t500 / th) ** power * np.exp(-tau)
    n_all = np.concatenate((n_lo[:, :-1], n_hi), axis=1)
    n_h_all = np.concatenate((np.zeros(z_lo.size - 1), n_h))
    z = np.concatenate((z_lo[:-1], z_hi))
    rho = ((n_all * _M_I[:5, None]).sum(axis=0) + n_h_all * _M_I[5]) / N_AVOGADRO
    log_rho = np.log(rho)
    scale_height = float(-(z[-1] - z[-2]) / (log_rho[-1] - log_rho[-2]))
    return z, log_rho, np.log(n_all.sum(axis=0) + n_h_all), scale_height


def _lower(z_m: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Kinetic temperature (K), pressure (Pa), density (kg/m^3) for z below 86 km."""
    h = R0_M * z_m / (R0_M + z_m)
    b = np.clip(np.searchsorted(_H_BASE, h, side="right") - 1, 0, 6)
    dh, tb, lb = h - _H_BASE[b], _T_BASE[b], _LAPSE[b]
    tm = tb + lb * dh
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(
            lb == 0.0, np.exp(-_GMR * dh / tb), (tb / tm) ** (_GMR / np.where(lb == 0.0, 1.0, lb))
        )
    p = _P_BASE[b] * ratio
    return tm * np.interp(z_m, _MM0_Z, _MM0), p, p * M0 / (R_STAR * tm)


def _evaluate(altitude_m: ArrayLike) -> tuple[FloatArray, FloatArray, FloatArray]:
    z = np.asarray(altitude_m, dtype=np.float64)
    lower = (z >= Z_MIN_M) & (z < Z_86_M)
    upper = (z >= Z_86_M) & (z <= Z_MAX_M)
    t, p, rho = (np.full(z.shape, np.nan) for _ in range(3))
    t[lower], p[lower], rho[lower] = _lower(z[lower])
    grid, log_rho, log_n, scale_height = _upper_table()
    zu = z[upper]
    t[upper] = _upper_temperature(zu)[0]
    p[upper] = np.exp(np.interp(zu, grid, log_n)) * K_BOLTZMANN * t[upper]
    rho[upper] = np.exp(np.interp(zu, grid, log_rho))
    above = z > Z_MAX_M
    rho[above] = np.exp(log_rho[-1] - (z[above] - Z_MAX_M) / scale_height)
    return t, p, rho


def us76_density_kg_m3(altitude_m: ArrayLike) -> FloatArray:
    """Mass density of the U.S. Standard Atmosphere 1976.

    Parameters
    ----------
    altitude_m : (...) float64, meters
        Geometric altitude above mean sea level.

    Returns
    -------
    (...) float64, kg/m^3
        Density. -5 km to 86 km: the standard's layer equations (below 0 m the first layer is
        extrapolated); 86 km to 1,000 km: the standard's species diffusion model, interpolated
        in ln(rho) on a 25 m grid. Above 1,000 km: ``rho(1000 km) exp(-(z - 1000 km) / H)``
        with H the density scale height at 1,000 km (about 237 km; not part of the
        standard). NaN below -5 km and for NaN altitudes.
    """
    return _evaluate(altitude_m)[2]


def us76_temperature_k(altitude_m: ArrayLike) -> FloatArray:
    """Kinetic temperature of the U.S. Standard Atmosphere 1976.

    Parameters
    ----------
    altitude_m : (...) float64, meters
        Geometric altitude above mean sea level.

    Returns
    -------
    (...) float64, kelvin
        Kinetic temperature from -5 km to 1,000 km (below 80 km equal to the molecular-scale
        temperature; 80-86 km corrected by the standard's M/M0 table). NaN outside that range
        and for NaN altitudes.
    """
    return _evaluate(altitude_m)[0]


def us76_pressure_pa(altitude_m: ArrayLike) -> FloatArray:
    """Pressure of the U.S. Standard Atmosphere 1976.

    Parameters
    ----------
    altitude_m : (...) float64, meters
        Geometric altitude above mean sea level.

    Returns
    -------
    (...) float64, pascals
        Pressure from -5 km to 1,000 km (above 86 km ``n k T`` from the total number density).
        NaN outside that range and for NaN altitudes.
    """
    return _evaluate(altitude_m)[1]


@functools.lru_cache(maxsize=4)
def us76_log_density_table(
    top_m: float = 300_000.0, step_m: float = 50.0
) -> tuple[FloatArray, float]:
    """US76 ln(density) on a uniform altitude grid, for compiled kernels that interpolate it.

    Parameters
    ----------
    top_m : float, meters
        Highest altitude of the table (above it kernels treat the density as zero).
    step_m : float, meters
        Grid spacing; linear interpolation of ln(rho) on 50 m stays within 0.01% of the
        model (the scale height is 6-60 km).

    Returns
    -------
    ln_rho : (n,) float64
        ln(density in kg/m^3) at altitudes ``0, step_m, ..., top_m``.
    step_m : float
        The grid spacing, meters.
    """
    z = np.arange(0.0, top_m + 0.5 * step_m, step_m)
    ln_rho = np.log(us76_density_kg_m3(z))
    ln_rho.setflags(write=False)
    return ln_rho, float(step_m)
