"""A 1,000-missile raid flown to impact with 1 s output sampling (goal: at most 1 s on the
2-core project machine), against a straightforward per-missile scipy ``solve_ivp`` loop of
the same physics (run on 10 missiles; the ratio is per missile)."""

import numpy as np
import pytest
from scipy.integrate import solve_ivp

from goldendome.physics.atmosphere import us76_density_kg_m3
from goldendome.physics.constants import OMEGA_EARTH_RAD_S
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.physics.gravity import gravity_acceleration
from goldendome.scenario.catalog import launch_areas, targets, threat_classes
from goldendome.threats.ballistic import FlightPhysics, Launches
from goldendome.threats.flight import fly, launch_states
from goldendome.threats.shaping import with_values
from goldendome.threats.targeting import aim

N_RAID = 1_000
N_REFERENCE = 10
T_OUT = np.arange(0.0, 3_600.0, 1.0)
TARGETS = [
    "washington",
    "new-york",
    "chicago",
    "los-angeles",
    "seattle",
    "san-francisco",
    "denver",
    "houston",
    "anchorage",
    "honolulu",
]


@pytest.fixture(scope="module")
def raid() -> Launches:
    """Ten Hwasong-17-class shots aimed at ten cities, repeated to 1,000 launches spread over
    the first 10 minutes."""
    rocket = threat_classes()["hwasong-17-class"].build_rocket()
    area = launch_areas()["sunan"]
    lat = np.array([targets()[t].latitude_rad for t in TARGETS])
    lon = np.array([targets()[t].longitude_rad for t in TARGETS])
    base = Launches.of(
        [rocket], np.full(len(TARGETS), area.latitude_rad), area.longitude_rad, 0.0, 0.0
    )
    aimed = aim(base, lat, lon).launches
    many = aimed.repeat(N_RAID // len(TARGETS))
    return with_values(many, t_launch_s=np.linspace(0.0, 600.0, N_RAID))


@pytest.mark.benchmark(group="1,000-missile raid, 1 s sampling")
def test_raid_goldendome(benchmark, raid):
    benchmark.extra_info["role"] = "goldendome"
    benchmark.extra_info["work"] = N_RAID
    flight = benchmark(fly, raid, T_OUT)
    assert flight.y_eci.shape == (N_RAID, T_OUT.size, 6)
    assert np.all(flight.status == 0)


def _reference_one(launches: Launches, i: int) -> np.ndarray:
    """One missile, the straightforward way: a Python right-hand side, RK45 per phase."""
    x0, up, kick = launch_states(launches, 0.0, FlightPhysics())
    thrust, mdot, burn = (
        launches.stage_thrust_n[i],
        launches.stage_mdot_kg_s[i],
        launches.stage_burn_s[i],
    )
    n_st = int(launches.n_stages[i])
    mass = launches.payload_kg[i] + np.sum(mdot * burn + launches.stage_dry_kg[i])
    cda, beta = launches.drag_area_cd_m2[i], launches.beta_kg_m2[i]
    t0 = launches.t_launch_s[i]
    state, out = x0[i].copy(), []

    def rhs(tau, y, thrust_n, m0, mdot_kg_s, tau0, steer):
        r, v = y[:3], y[3:]
        w = v - np.cross([0.0, 0.0, OMEGA_EARTH_RAD_S], r)
        h = ecef_to_geodetic(r)[2]
        rho = float(us76_density_kg_m3(max(h, 0.0))) if h < 300e3 else 0.0
        m = m0 - mdot_kg_s * (tau - tau0)
        b = m / cda if thrust_n > 0 else beta
        a = gravity_acceleration(r) - 0.5 * rho * np.linalg.norm(w) * w / b
        if thrust_n > 0:
            u = up[i] if steer == 0 else kick[i] if steer == 1 else w / np.linalg.norm(w)
            a = a + thrust_n / m * u
        return np.concatenate([v, a])

    def ground(tau, y, *args):
        return ecef_to_geodetic(y[:3])[2] if tau > 1.0 else 1.0

    ground.terminal, ground.direction = True, -1
    segments, edge = [], 0.0
    for k in range(n_st):
        for a, b, steer in (
            (edge, min(edge + burn[k], 10.0), 0),
            (max(edge, 10.0), min(edge + burn[k], 20.0), 1),
            (max(edge, 20.0), edge + burn[k], 2),
        ):
            if b > a:
                segments.append((a, b, thrust[k], mass, mdot[k], edge, steer))
        mass -= mdot[k] * burn[k] + launches.stage_dry_kg[i, k]
        edge += burn[k]
    cutoff = min(float(launches.cutoff_s[i]), edge)  # thrust termination (minimum-energy aim)
    segments = [(a, min(b, cutoff), *rest) for a, b, *rest in segments if a < cutoff]
    segments.append((cutoff, 4_000.0, 0.0, launches.payload_kg[i], 0.0, cutoff, 2))
    for a, b, thr, m0, md, tau0, steer in segments:
        ts = T_OUT[(T_OUT - t0 >= a) & (T_OUT - t0 < b)] - t0
        # Evaluate the segment's end too: the next segment starts from it.
        sol = solve_ivp(
            rhs,
            (a, b),
            state,
            t_eval=np.append(ts, b),
            events=ground,
            rtol=1e-8,
            atol=1e-3,
            args=(thr, m0, md, tau0, steer),
            max_step=10.0,
        )
        out.append(sol.y.T[: len(ts)])
        state = sol.y[:, -1]
        if sol.status == 1:
            break
    return np.concatenate(out)


@pytest.mark.benchmark(group="1,000-missile raid, 1 s sampling")
def test_raid_reference_solve_ivp(benchmark, raid):
    benchmark.extra_info["role"] = "reference"
    benchmark.extra_info["work"] = N_REFERENCE
    states = benchmark.pedantic(
        lambda: [_reference_one(raid, i) for i in range(N_REFERENCE)], rounds=1, iterations=1
    )
    ours = fly(raid, T_OUT)
    for i, y in enumerate(states):  # same physics: the two agree along the trajectory
        ok = np.isfinite(ours.y_eci[i, :, 0])
        n = min(len(y), int(ok.sum()))
        first = int(np.argmax(ok))
        gap = np.linalg.norm(ours.y_eci[i, first : first + n, :3] - y[:n, :3], axis=-1)
        assert gap.max() < 1_000.0  # meters; RK4 phase steps vs RK45 at rtol 1e-8
