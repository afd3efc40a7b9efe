"""SBI availability: the ready share, which satellites are ready, and an ASAT attack aimed at
the interceptors that would be in reach."""

import numpy as np
import pytest

from goldendome.interceptors.availability import asat_losses, ready_mask, ready_share


def test_ready_share_multiplies_the_working_share_by_the_share_not_in_transit():
    assert ready_share(0.0, 0.0, 5.0) == 1.0
    # 10% failed; 73 days of orbit raising out of a 5-year life keeps 4% of slots in transit.
    assert ready_share(0.1, 73.05, 5.0) == pytest.approx(0.9 * 0.96)
    with pytest.raises(ValueError, match=r"failed_fraction = 1\.5"):
        ready_share(1.5, 0.0, 5.0)
    with pytest.raises(ValueError, match="orbit_raising_days = 4000"):
        ready_share(0.0, 4000.0, 5.0)


def test_ready_mask_draws_each_satellite_with_the_share():
    rng = np.random.default_rng(3)
    assert ready_mask(50, 1.0, rng).all()
    mask = ready_mask(100_000, 0.7, rng)
    assert abs(mask.mean() - 0.7) < 3 * np.sqrt(0.7 * 0.3 / 100_000)


def test_the_attack_takes_the_most_useful_satellites_first():
    # Satellite 4 has three opportunities, 2 has two, 7 and 9 one each.
    in_reach = np.array([4, 2, 4, 7, 2, 4, 9])
    sure = asat_losses(12, in_reach, 3, 1.0, np.random.default_rng(0))
    assert np.flatnonzero(sure).tolist() == [2, 4, 7]  # ties broken by lowest id
    every = asat_losses(12, in_reach, 100, 1.0, np.random.default_rng(0))
    assert np.flatnonzero(every).tolist() == [2, 4, 7, 9]  # satellites out of reach are spared
    assert not asat_losses(12, in_reach, 0, 1.0, np.random.default_rng(0)).any()
    assert not asat_losses(12, in_reach, 4, 0.0, np.random.default_rng(0)).any()


def test_each_shot_kills_with_its_probability():
    in_reach = np.arange(20_000)
    lost = asat_losses(20_000, in_reach, 20_000, 0.83, np.random.default_rng(8))
    assert abs(lost.mean() - 0.83) < 3 * np.sqrt(0.83 * 0.17 / 20_000)
