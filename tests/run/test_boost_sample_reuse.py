"""A boost sample works out once what every sample shares (issue 18's speed goal for the
Russian raid): the radars' geometry of the boosters, and a payload's landing only when a
trial asks for it. Both must give exactly what the direct computation gives."""

import numpy as np
import pytest

from goldendome.run.boost_landings import PayloadLandings
from goldendome.run.context import RunContext
from goldendome.run.stages.boost import boost_sampler
from goldendome.sensors.radar import Radar
from goldendome.threats.fly_on import fly_on_after_cut
from tests.small_scenario import small_spec


@pytest.fixture(scope="module")
def sampler():
    found = boost_sampler(RunContext(small_spec()))
    assert found is not None
    return found


def test_a_radar_view_drawn_is_the_radar_measuring(sampler):
    radars = [s for s in sampler.sensors if isinstance(s, Radar)]
    assert radars
    for radar in radars:
        view = radar.view(sampler.scene)
        a = radar.measure(sampler.scene, np.random.default_rng(5))
        b = radar.draw(view, np.random.default_rng(5))
        assert len(a.t_s) == len(b.t_s)
        for name in ("object", "t_s", "z", "sigma", "origin_r_eci_m", "rotation"):
            np.testing.assert_array_equal(getattr(a, name), getattr(b, name))


def test_first_reports_with_cached_views_equal_the_direct_ones(sampler):
    cached = [sampler.first_reports(k) for k in range(3)]
    assert sampler._views  # the radars' views were kept
    sampler._views = {}  # no views: every sensor measures the scene again
    direct = [sampler.first_reports(k) for k in range(3)]
    sampler._views = None
    for a, b in zip(cached, direct, strict=True):
        np.testing.assert_array_equal(a, b)
    assert np.isfinite(cached[0]).any()


def test_landings_flown_on_demand_equal_flying_them_all(sampler):
    phase = sampler.sample(1)
    opps = phase.opportunities
    assert len(opps.threat) > 2
    launches, theta0 = sampler.launches, sampler.clock.theta0_rad
    every = fly_on_after_cut(launches.take(opps.threat), opps.intercept_time_s, theta0_rad=theta0)
    lazy = PayloadLandings(launches, opps.threat, opps.intercept_time_s, theta0)
    lat = lazy.column("latitude_deg")
    some = np.array([len(opps.threat) - 1, 0, 0])
    np.testing.assert_array_equal(lat[some], np.degrees(every.latitude_rad[some]))
    assert lazy.flown == 2  # only the two asked for
    all_rows = np.arange(len(opps.threat))
    np.testing.assert_array_equal(
        lazy.column("longitude_deg")[all_rows], np.degrees(every.longitude_rad)
    )
    np.testing.assert_array_equal(lazy.column("landed")[all_rows], every.landed)
    assert lazy.flown == len(opps.threat)
