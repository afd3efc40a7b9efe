"""Space layer: 10,000 satellites x 1,440 epochs (a day at one minute) propagated by the
analytic Kepler + J2 secular propagator, against sgp4's vectorized ``SatrecArray`` on the
same grid in the same process (the issue's goal: at least 100x)."""

import math
from datetime import UTC, datetime

import numpy as np
import pytest
from sgp4.api import WGS72, Satrec, SatrecArray

from goldendome.orbits.analytic import propagate_analytic
from goldendome.orbits.walker import Walker
from goldendome.physics.earth_rotation import julian_date_utc

EPOCH = datetime(2029, 1, 1, tzinfo=UTC)
N_SAT, N_T = 10_000, 1_440
T_S = np.arange(N_T) * 60.0


@pytest.fixture(scope="module")
def elements():
    layer = Walker("sbi", "interceptor", 400e3, math.radians(55.0), N_SAT, 100, 1)
    return layer.initial_elements(EPOCH)


@pytest.fixture(scope="module")
def satrecs(elements):
    jd_epoch = julian_date_utc(EPOCH)
    sats = []
    for k in range(N_SAT):
        sat = Satrec()
        n_rad_min = math.sqrt(3.986004418e14 / elements.semi_major_axis_m[k] ** 3) * 60.0
        sat.sgp4init(
            WGS72, "i", k, jd_epoch - 2433281.5, 0.0, 0.0, 0.0, 0.0, 0.0,
            elements.inclination_rad[k], elements.mean_anomaly_rad[k], n_rad_min,
            elements.raan_rad[k],
        )  # fmt: skip
        sats.append(sat)
    jd = np.full(N_T, math.floor(jd_epoch))
    fraction = (jd_epoch - jd) + T_S / 86_400.0
    return SatrecArray(sats), jd, fraction


@pytest.mark.benchmark(group="propagate 10,000 satellites x 1,440 epochs")
def test_analytic_j2(benchmark, elements):
    benchmark.extra_info["role"] = "goldendome"
    out = np.empty((N_SAT, N_T, 3))
    r = benchmark(propagate_analytic, elements, T_S, out=out)
    assert np.all(np.isfinite(r))
    radius = np.linalg.norm(r, axis=-1)
    assert np.allclose(radius, elements.semi_major_axis_m[:, None], rtol=1e-12)


@pytest.mark.benchmark(group="propagate 10,000 satellites x 1,440 epochs")
def test_sgp4_satrec_array(benchmark, satrecs, elements):
    benchmark.extra_info["role"] = "reference"
    array, jd, fraction = satrecs
    error, r_km, _ = benchmark.pedantic(array.sgp4, args=(jd, fraction), rounds=1, iterations=1)
    assert not error.any()
    # The same orbits: positions at the epoch agree to the Kozai/Brouwer and WGS-72/84
    # differences (tens of kilometers at most).
    ours = propagate_analytic(elements, T_S[:1])[:, 0]
    assert np.abs(r_km[:, 0] * 1e3 - ours).max() < 50e3


@pytest.mark.benchmark(group="propagate 10,000 satellites x 1,440 epochs")
def test_analytic_j2_new_array(benchmark, elements):
    benchmark.extra_info["role"] = "goldendome, allocating its 345 MB result each call"
    r = benchmark(propagate_analytic, elements, T_S, frame="ecef", epoch_utc=EPOCH)
    assert r.shape == (N_SAT, N_T, 3)
