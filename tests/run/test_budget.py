"""The run's memory estimate: the default fits, known crashers are refused, and more of any
dimension never needs less memory."""

import time
from typing import Any

import pytest

from goldendome.run.budget import (
    BudgetError,
    RunEstimate,
    check_budget,
    default_budget_bytes,
    estimate_run,
    format_bytes,
)
from goldendome.scenario.loader import embedded_scenario_text, load_scenario_text
from goldendome.scenario.spec import ScenarioSpec

GIB = 2**30
RAID_COUNTS = (2, 2, 2, 1, 1, 1, 1)  # the default raid's entries


def scenario(changes: dict[str, Any] | None = None, name: str = "default") -> ScenarioSpec:
    return load_scenario_text(embedded_scenario_text(name), name, changes or {})


def raid_times(k: int, spacing_s: float | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {f"threats.raid[{i}].count": c * k for i, c in enumerate(RAID_COUNTS)}
    if spacing_s is not None:  # every launch must fall within the run
        out |= {f"threats.raid[{i}].spacing_s": spacing_s for i in range(len(RAID_COUNTS))}
    return out


def test_default_scenario_fits_a_small_machine_and_is_estimated_fast() -> None:
    spec = scenario()
    t0 = time.perf_counter()
    found = check_budget(spec, max_memory_bytes=2 * GIB)
    assert time.perf_counter() - t0 < 0.1
    assert isinstance(found, RunEstimate)
    assert 300 * 2**20 < found.peak_bytes < 2 * GIB
    assert found.dimensions["satellites.sbi_layer"] == 7_800
    assert found.dimensions["times"] == 361
    assert found.dimensions["missiles"] == 10
    assert found.dimensions["objects"] == 16  # 2 x (1 RV + 3 decoys) + 8 x 1 RV
    assert found.sentence().startswith("needs about ")
    assert "at peak (" in found.sentence()


def test_peer_raid_fits() -> None:
    found = check_budget(scenario(name="peer-raid"), trials=50, max_memory_bytes=4 * GIB)
    assert found.dimensions["objects"] == 400  # 100 x (3 RVs + 1 decoy)


@pytest.mark.parametrize(
    ("changes", "dimension"),
    [
        ({"time.duration_s": 2_592_000.0, "time.step_s": 12.96}, "[time] duration_s"),
        (raid_times(5_000, 0.0), "fewer missiles or decoys in threats.raid"),
        (
            {
                "threats.raid[0].count": 10_000,
                "threats.raid[0].spacing_s": 0.0,
                "threats.raid[0].decoys": 1_000,
            },
            "fewer missiles or decoys in threats.raid",
        ),
    ],
    ids=["thirty-days", "many-missiles", "decoys"],
)
def test_known_crashers_are_refused_naming_what_to_cut(
    changes: dict[str, Any], dimension: str
) -> None:
    with pytest.raises(BudgetError) as info:
        check_budget(scenario(changes), max_memory_bytes=8 * GIB)
    text = str(info.value)
    assert text.startswith("This run needs about ")
    assert "more than its memory budget of 8.0 GiB" in text
    assert dimension in text
    assert text.endswith(".")
    assert isinstance(info.value, ValueError)
    assert info.value.budget_bytes == 8 * GIB


@pytest.mark.parametrize(
    "changes",
    [
        {"threats.raid[6].launch_time_s": 3_500.0},  # once 8 x (7800, 3,700, 3) arrays
        {"space.sbi_layer.satellites": 1_000_000, "space.sbi_layer.planes": 1_000},
    ],
    ids=["late-launch", "million-satellites"],
)
def test_former_crashers_now_fit(changes: dict[str, Any]) -> None:
    # Satellites are streamed in blocks and the boost grid skips the hours between
    # launches, so neither holds a (satellites, samples, 3) array any more.
    assert estimate_run(scenario(changes)).peak_bytes < 2 * GIB


@pytest.mark.parametrize(
    ("small", "large"),
    [
        ({"space.sbi_layer.satellites": 7_800}, {"space.sbi_layer.satellites": 15_600}),
        ({"space.tracking_layer.satellites": 200}, {"space.tracking_layer.satellites": 2_000}),
        ({"time.duration_s": 3_600.0}, {"time.duration_s": 7_200.0}),
        ({"time.step_s": 10.0}, {"time.step_s": 5.0}),
        (raid_times(1), raid_times(3)),
        ({"threats.raid[0].decoys": 3}, {"threats.raid[0].decoys": 300}),
        ({"threats.raid[0].spacing_s": 30.0}, {"threats.raid[0].spacing_s": 600.0}),
        ({"monte_carlo.phase_samples": 8}, {"monte_carlo.phase_samples": 16}),
    ],
    ids=["sbis", "trackers", "duration", "step", "missiles", "decoys", "spacing", "phases"],
)
def test_estimate_is_monotone_in_each_dimension(
    small: dict[str, Any], large: dict[str, Any]
) -> None:
    assert estimate_run(scenario(large)).peak_bytes >= estimate_run(scenario(small)).peak_bytes


def test_estimate_grows_with_trials() -> None:
    spec = scenario(name="peer-raid")
    assert estimate_run(spec, 1_000_000).peak_bytes > estimate_run(spec, 50).peak_bytes
    with pytest.raises(BudgetError, match="fewer trials"):
        check_budget(spec, trials=1_000_000, max_memory_bytes=8 * GIB)


def test_default_budget_is_a_share_of_this_machine() -> None:
    budget = default_budget_bytes()
    assert 2**28 < budget < 2**50


def test_format_bytes() -> None:
    assert format_bytes(810 * 2**20) == "810 MiB"
    assert format_bytes(int(3.2 * GIB)) == "3.2 GiB"
    assert format_bytes(int(12.5 * 2**40)) == "12.5 TiB"
    assert format_bytes(int(1500.0 * 2**40)) == "1,500.0 TiB"
    assert format_bytes(12 * 2**10) == "12 KiB"


def test_local_workers_add_their_memory_and_are_the_advice_when_they_tip_it() -> None:
    """Each local Dask worker holds its own interpreter and the kill chain's windows (237 MiB
    measured per worker on the default run; 580 MiB on a 1,000-missile raid)."""
    spec = scenario()
    alone, two = estimate_run(spec), estimate_run(spec, workers=2)
    assert two.peak_bytes - alone.peak_bytes >= 2 * 237 * 2**20
    assert "with 2 local workers of about" in two.driver
    between = (alone.peak_bytes + two.peak_bytes) // 2
    with pytest.raises(BudgetError, match=r"use fewer local workers \(--workers 1"):
        check_budget(spec, max_memory_bytes=between, workers=2)
    assert check_budget(spec, max_memory_bytes=between, workers=0) == alone
    with pytest.raises(BudgetError, match=r"fewer satellites in space\.sbi_layer"):
        check_budget(spec, max_memory_bytes=alone.peak_bytes // 2, workers=2)
