"""Economics: the issue's two speed goals, each against a plain-Python loop of the same formulas.

1. The 20-year cost of the CBO 2026 preset (14 cost lines) with P10/P50/P90 from 10,000
   draws of every catalog range (goal: under 1 s), against the same cost formulas written as
   scalar Python loops, one draw at a time (run on 100 draws; normalized per draw).
2. The closed-form SBI estimator over a 100 x 100 grid of kill-vehicle delta-v and
   acceleration (goal: 10,000 designs in under 100 ms), against a ``math`` loop over designs.

Each group's untimed check compares the vectorized answers with the loop's on the same draws
or designs.
"""

import math

import numpy as np
import pytest

from goldendome.economics import default_uncertainty, preset, preset_lines, simulate
from goldendome.economics.lines import UNCERTAIN_FIELDS, CostLine
from goldendome.economics.quick import estimate, quick_defaults
from goldendome.economics.table import cost_array_usd
from goldendome.physics.constants import G0_M_S2, R_EARTH_MEAN_M

COST = "life-cycle cost, 10,000 draws (CBO 2026 preset)"
QUICK = "closed-form SBI estimator, 10,000 designs"
N_DRAW, N_REFERENCE, N_YEAR = 10_000, 100, 20


@pytest.fixture(scope="module")
def problem():
    p = preset("cbo-2026")
    lines = preset_lines(p)
    uncertain = {}
    for entry, line in zip(p.line, lines, strict=True):
        uncertain.update(default_uncertainty(line, entry.item, p.dollar_year, entry.launch))
    return lines, uncertain


# ------------------------------------------------------------------ the plain-Python reference


def _cumulative(a, n, slope):
    """Crawford cumulative cost, unit by unit (the partial last unit pro rata)."""
    if slope == 1.0:
        return a * n
    b = math.log2(slope)
    whole = math.floor(n)
    return a * (sum(k**b for k in range(1, whole + 1)) + (n - whole) * (whole + 1) ** b)


def _line_total(line: CostLine, v: dict, n_year: int) -> float:
    """One line's horizon total with the values ``v`` (the line's fields, some drawn)."""
    q, life = v["quantity"], v["service_life_years"]
    initial = [0.0] * n_year
    for y in range(line.deploy_start_year, min(line.deploy_start_year + line.deploy_years, n_year)):
        initial[y] = q / line.deploy_years
    repl = [0.0] * n_year
    if math.isfinite(life):
        for i, x in enumerate(initial):
            k = 1
            while i + k * life < n_year:
                t = i + k * life
                base = math.floor(t)
                repl[base] += x * (1 - (t - base))
                if base + 1 < n_year:
                    repl[base + 1] += x * (t - base)
                k += 1
    slope = v["learning_slope"]
    a = v["unit_cost_usd"]
    if line.unit_cost_basis == "average":
        a = a * max(q, 1.0) / _cumulative(1.0, max(q, 1.0), slope)
    total, bought, launches, fielded = 0.0, 0.0, 0.0, 0.0
    per_launch = v["satellites_per_launch"]
    by_kg = v["launch_usd_per_kg"] > 0
    first_launch = (
        v["launch_usd_per_kg"] * v["mass_kg"] * per_launch if by_kg else v["launch_usd_per_launch"]
    )
    for y in range(n_year):
        lot = initial[y] + repl[y]
        total += _cumulative(a, bought + lot, slope) - _cumulative(a, bought, slope)
        bought += lot
        if v["mass_kg"] > 0:
            n_launch = lot / per_launch if by_kg else math.ceil(lot / per_launch - 1e-9)
            ls = v["launch_learning_slope"]
            total += _cumulative(first_launch, launches + n_launch, ls) - _cumulative(
                first_launch, launches, ls
            )
            launches += n_launch
        fielded += initial[y]
        if fielded > 0:
            total += fielded * v["o_and_s_usd_per_unit_year"] + v["o_and_s_usd_per_year"]
    start, width = line.development_start_year, line.development_years
    total += v["development_usd"] * len(range(start, min(start + width, n_year))) / width
    start, width = line.deploy_start_year, line.deploy_years
    return (
        total + v["fixed_acquisition_usd"] * len(range(start, min(start + width, n_year))) / width
    )


def _draws(uncertain, n, seed):
    rng = np.random.default_rng(seed)
    return {key: dist.sample(n, rng) for key, dist in uncertain.items()}


def reference_totals(lines, draws, n):
    totals = []
    for d in range(n):
        total = 0.0
        for line in lines:
            v = {f: float(getattr(line, f)) for f in UNCERTAIN_FIELDS}
            v.update({f: float(x[d]) for (name, f), x in draws.items() if name == line.name})
            total += _line_total(line, v, N_YEAR)
        totals.append(total)
    return np.array(totals)


def _vector_totals(lines, draws):
    overrides: dict[str, dict[str, np.ndarray]] = {}
    for (name, field), x in draws.items():
        overrides.setdefault(name, {})[field] = x
    return cost_array_usd(lines, N_YEAR, overrides).sum(axis=(-3, -2, -1))


@pytest.mark.benchmark(group=COST)
def test_cost_goldendome(benchmark, problem):
    lines, uncertain = problem
    benchmark.extra_info.update(role="goldendome (vectorized over draws)", work=N_DRAW)

    def run():
        return simulate(lines, uncertain, N_YEAR, N_DRAW, np.random.default_rng(2026))

    sim = benchmark.pedantic(run, rounds=5, warmup_rounds=1)
    assert sim.p10_usd < sim.p50_usd < sim.p90_usd
    # Untimed: the same draws through the vectorized formulas and the scalar loop.
    draws = _draws(uncertain, 20, seed=7)
    assert np.allclose(_vector_totals(lines, draws), reference_totals(lines, draws, 20), rtol=1e-9)


@pytest.mark.benchmark(group=COST)
def test_cost_reference_loop(benchmark, problem):
    lines, uncertain = problem
    benchmark.extra_info.update(role="reference", work=N_REFERENCE)
    draws = _draws(uncertain, N_REFERENCE, seed=7)
    totals = benchmark.pedantic(reference_totals, args=(lines, draws, N_REFERENCE), rounds=1)
    assert np.all(totals > 0)


# ------------------------------------------------------------------ the quick estimator


def _grid():
    dv = np.linspace(3_000.0, 5_000.0, 100)[:, None]
    acc = np.linspace(60.0, 300.0, 100)[None, :]
    return dv, acc


def reference_quick(dv_list, acc_list):
    """The estimator's chain for one design at a time, with ``math``."""
    d = quick_defaults()
    out = []
    for dv in dv_list:
        for a in acc_list:
            t = d["boost_time_s"] - d["delay_s"]
            tb = dv / a
            s = 0.5 * a * min(t, tb) ** 2 + dv * max(t - tb, 0.0)
            climb = d["orbit_altitude_m"] - d["intercept_altitude_m"]
            ground = math.sqrt(max(s * s - climb * climb, 0.0))
            rho = min(ground / (R_EARTH_MEAN_M + d["intercept_altitude_m"]), math.pi)
            frac = min((1 - math.cos(rho)) / (2 * math.sin(d["latitude_band_rad"])), 1.0)
            if frac <= 0:
                out.append(math.nan)
                continue
            count = math.ceil(d["salvo"] * d["shots_per_missile"] / frac - 1e-9)
            ratio = math.exp(dv / (d["specific_impulse_s"] * G0_M_S2))
            e, kv = d["inert_fraction"], d["kill_vehicle_mass_kg"]
            if e * ratio >= 1:
                out.append(math.nan)
                continue
            mass = kv * ratio * (1 - e) / (1 - e * ratio) + d["bus_mass_kg"]
            gens = math.ceil(d["years"] / d["service_life_years"] - 1e-9)
            buy = count * gens * (d["unit_cost_usd"] + mass * d["launch_usd_per_kg"])
            out.append(buy + count * d["o_and_s_usd_per_unit_year"] * d["years"])
    return np.array(out)


@pytest.mark.benchmark(group=QUICK)
def test_quick_goldendome(benchmark):
    benchmark.extra_info.update(role="goldendome (NumPy over the grid)", work=10_000)
    dv, acc = _grid()
    result = benchmark(estimate, delta_v_m_s=dv, acceleration_m_s2=acc)
    assert result.total_usd.shape == (100, 100)
    reference = reference_quick(dv.ravel(), acc.ravel())
    assert np.allclose(result.total_usd.ravel(), reference, rtol=1e-9, equal_nan=True)
    assert np.isfinite(reference).sum() > 5_000


@pytest.mark.benchmark(group=QUICK)
def test_quick_reference_loop(benchmark):
    benchmark.extra_info.update(role="reference", work=10_000)
    dv, acc = _grid()
    benchmark.pedantic(reference_quick, args=(dv.ravel(), acc.ravel()), rounds=3)
