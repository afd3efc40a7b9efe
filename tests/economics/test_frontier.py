"""The cost-effectiveness frontier's dominance rule."""

import numpy as np

from goldendome.economics.frontier import dominated


def test_a_dearer_and_no_better_architecture_is_dominated():
    cost = [100.0, 200.0, 150.0, 300.0]
    p_zero = [0.5, 0.9, 0.4, 0.9]
    leakers = [1.0, 0.1, 1.5, 0.1]
    beaten = dominated(cost, p_zero, leakers)
    assert beaten.shape == (4, 4)
    assert np.flatnonzero(beaten[2]).tolist() == [0]  # dearer and worse than 0
    assert np.flatnonzero(beaten[3]).tolist() == [1]  # as good as 1 and dearer
    assert not beaten[0].any()
    assert not beaten[1].any()


def test_equal_architectures_do_not_dominate_each_other_and_nan_never_does():
    beaten = dominated([1.0, 1.0, np.nan], [0.5, 0.5, 1.0], [1.0, 1.0, 0.0])
    assert not beaten.any()


def test_one_architecture_is_its_own_frontier():
    assert not dominated([5.0], [0.1], [3.0]).any()
