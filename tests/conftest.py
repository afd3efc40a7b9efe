"""Shared fixtures: a seeded generator (no global RNG anywhere in goldendome)."""

import numpy as np
import pytest


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(20_290_101)
