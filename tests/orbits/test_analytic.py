"""Analytic Kepler + J2 secular propagation: the kernel against its NumPy reference, the
secular rates against a textbook case, and the positions against a numerical J2 integration.
"""

import math
from datetime import UTC, datetime

import numpy as np
import pytest
from scipy.optimize import least_squares

from goldendome.orbits.analytic import (
    elements_at,
    propagate_analytic,
    propagate_reference,
    secular_rates,
)
from goldendome.orbits.propagation import propagate_numerical
from goldendome.orbits.sensor_orbits import Geostationary
from goldendome.physics.constants import WGS84_A_M
from goldendome.physics.elements import OrbitalElements

EPOCH = datetime(2029, 1, 1, 6, tzinfo=UTC)
ONE_MILLIMETER = 1e-3


def _random_elements(n: int, seed: int) -> OrbitalElements:
    rng = np.random.default_rng(seed)
    e = rng.uniform(0.0, 0.75, n)
    e[: n // 3] = 0.0  # circular orbits take their own path through the kernel
    return OrbitalElements.from_arrays(
        semi_major_axis_m=rng.uniform(7.0e6, 4.2e7, n),
        eccentricity=e,
        inclination_rad=rng.uniform(0.0, math.pi, n),
        raan_rad=rng.uniform(0.0, 2 * math.pi, n),
        arg_perigee_rad=rng.uniform(0.0, 2 * math.pi, n),
        mean_anomaly_rad=rng.uniform(0.0, 2 * math.pi, n),
    )


@pytest.mark.parametrize("frame", ["eci", "ecef"])
@pytest.mark.parametrize("uniform", [True, False])
def test_kernel_matches_plain_numpy(frame, uniform):
    el = _random_elements(60, seed=3)
    rng = np.random.default_rng(4)
    t = np.arange(0.0, 86_400.0, 37.0) if uniform else np.sort(rng.uniform(-3e3, 9e4, 800))
    fast = propagate_analytic(el, t, frame=frame, epoch_utc=EPOCH)
    slow = propagate_reference(el, t, frame=frame, epoch_utc=EPOCH)
    assert fast.shape == (60, t.size, 3)
    assert np.abs(fast - slow).max() < ONE_MILLIMETER


def test_out_buffer_is_filled_in_place_and_checked():
    el = _random_elements(5, seed=1)
    t = np.linspace(0.0, 600.0, 11)
    out = np.zeros((5, 11, 3))
    assert propagate_analytic(el, t, out=out) is out
    assert np.abs(out - propagate_reference(el, t)).max() < ONE_MILLIMETER
    with pytest.raises(ValueError, match="shape"):
        propagate_analytic(el, t, out=np.zeros((5, 10, 3)))
    with pytest.raises(ValueError, match="epoch"):
        propagate_analytic(el, t, frame="ecef")


def test_sun_synchronous_node_precesses_one_turn_a_year():
    # Vallado (2013) example 9-4 style check: a sun-synchronous orbit at 800 km needs
    # i = 98.6 deg; its node then advances 360 deg per tropical year (0.9856 deg/day).
    raan_rate, _, _ = secular_rates(WGS84_A_M + 800e3, 0.0, math.radians(98.6))
    assert float(raan_rate) * 86_400 * 180 / math.pi == pytest.approx(0.9856, abs=0.005)
    # At the critical inclination the perigee stands still.
    _, argp_rate, _ = secular_rates(2.66e7, 0.72, math.radians(63.4349))
    assert abs(float(argp_rate)) < 1e-12


def test_elements_at_moves_the_angles_linearly():
    el = _random_elements(4, seed=9)
    later = elements_at(el, 3_600.0)
    back = elements_at(later, -3_600.0)
    assert np.allclose(np.mod(back.raan_rad - el.raan_rad + 1, 2 * math.pi) - 1, 0.0, atol=1e-12)
    assert np.abs(propagate_analytic(later, [0.0]) - propagate_analytic(el, [3_600.0])).max() < (
        ONE_MILLIMETER
    )


def _near_circular(p: np.ndarray) -> OrbitalElements:
    a, ex, ey, inc, raan, u = p
    w = math.atan2(ey, ex)
    return OrbitalElements.from_arrays(
        semi_major_axis_m=a,
        eccentricity=math.hypot(ex, ey),
        inclination_rad=inc,
        raan_rad=raan,
        arg_perigee_rad=w,
        mean_anomaly_rad=u - w,
    )


@pytest.mark.parametrize(
    ("altitude_km", "inclination_deg", "tolerance_km"),
    [(400.0, 55.0, 2.0), (500.0, 53.0, 2.0), (1000.0, 90.0, 8.0)],
)
def test_accuracy_against_numerical_j2_over_a_day(altitude_km, inclination_deg, tolerance_km):
    """Mean elements fitted to 24 h of RK4 integration under J2 (10 s steps) reproduce it
    within the short-period J2 amplitude, and the error does not grow over the day."""
    el = OrbitalElements.from_arrays(
        semi_major_axis_m=WGS84_A_M + altitude_km * 1e3,
        eccentricity=0.0,
        inclination_rad=math.radians(inclination_deg),
        raan_rad=0.3,
        arg_perigee_rad=0.0,
        mean_anomaly_rad=0.2,
    )
    t = np.arange(0.0, 86_400.0 + 1.0, 60.0)
    truth = propagate_numerical(el.states_eci(), t, zonal_degree=2, max_step_s=10.0)[0, :, :3]
    start = [el.semi_major_axis_m[0], 1e-4, 1e-4, el.inclination_rad[0], 0.3, 0.2]
    fit = least_squares(
        lambda p: (propagate_analytic(_near_circular(p), t)[0] - truth).ravel() / 1e3,
        start,
        x_scale=[1e3, 1e-4, 1e-4, 1e-4, 1e-4, 1e-4],
    )
    error_km = (
        np.linalg.norm(propagate_analytic(_near_circular(fit.x), t)[0] - truth, axis=-1) / 1e3
    )
    assert error_km.max() < tolerance_km
    quarter = t.size // 4
    assert error_km[-quarter:].max() < error_km[:quarter].max() + 0.5  # no secular drift
    # The fitted mean semi-major axis sits below the osculating one we started from, by the
    # short-period J2 offset (a few km in LEO), never by more than 0.2%.
    assert abs(fit.x[0] - el.semi_major_axis_m[0]) < 2e-3 * el.semi_major_axis_m[0]


def test_geostationary_satellite_stays_over_its_longitude():
    geo = Geostationary("ew", "early_warning", (math.radians(-100.0),))
    t = np.linspace(0, 86_400, 97)
    r = propagate_analytic(geo.initial_elements(EPOCH), t, frame="ecef", epoch_utc=EPOCH)[0]
    # With the J2-corrected radius the slot holds to meters over a day (the two-body
    # radius would drift about 20 km a day).
    assert np.linalg.norm(r - r[0], axis=-1).max() < 10.0
