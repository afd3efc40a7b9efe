"""Conformance: every fly-out (each interceptor type of the catalog, the space-based kill
vehicle) keeps the FlyOut contract: reach grows from zero and time_to_reach inverts it."""

import numpy as np
import pytest

from goldendome.interceptors.base import FlyOut
from goldendome.interceptors.ground_based import interceptor_types
from goldendome.scenario.interceptors import SbiSpec

FLY_OUTS = {f"interceptor {name}": kind for name, kind in interceptor_types().items()}
FLY_OUTS["sbi kill vehicle"] = SbiSpec().build_vehicle()
ROUND_TRIP = 1e-6  # relative
TIMES_S = np.concatenate([np.linspace(0.0, 2_000.0, 801), [1e-3, 0.5, 39.999, 40.001, 199.9]])


@pytest.fixture(params=sorted(FLY_OUTS), name="fly_out")
def _fly_out(request: pytest.FixtureRequest) -> FlyOut:
    return FLY_OUTS[request.param]


def test_satisfies_the_protocol(fly_out):
    assert isinstance(fly_out, FlyOut)


def test_reach_is_zero_at_launch_and_never_shrinks(fly_out):
    assert float(fly_out.reach_m(0.0)) == 0.0
    assert float(fly_out.reach_m(-5.0)) == 0.0
    t = np.sort(TIMES_S)
    reach = fly_out.reach_m(t)
    assert np.all(np.diff(reach) >= 0.0)
    assert reach[-1] > 0.0


def test_time_to_reach_inverts_reach(fly_out):
    t = TIMES_S[TIMES_S > 0.0]
    back = fly_out.time_to_reach_s(fly_out.reach_m(t))
    np.testing.assert_allclose(back, t, rtol=ROUND_TRIP)
    d = np.geomspace(1.0, 5e6, 200)
    np.testing.assert_allclose(fly_out.reach_m(fly_out.time_to_reach_s(d)), d, rtol=ROUND_TRIP)
    assert float(fly_out.time_to_reach_s(0.0)) == 0.0


def test_one_element_and_a_batch(fly_out):
    one = fly_out.reach_m(100.0)
    assert np.shape(one) == ()
    batch = np.array([[10.0, 100.0, 300.0], [1.0, 2.0, 3.0]])
    reach = fly_out.reach_m(batch)
    assert reach.shape == (2, 3)
    assert reach.dtype == np.float64
    assert float(reach[0, 1]) == float(one)
    assert fly_out.time_to_reach_s(reach).shape == (2, 3)
