"""A raid with fractional orbits (issue 18), and the shared aim of missiles that differ only
in launch time: the booster is a missile until burnout, the orbital stage its payload, and
the warhead is released at the braking burn; one aim serves every missile of a class from
one point at one target, because the flight kernel's physics turns with the Earth."""

import numpy as np
import pytest

from goldendome.physics.geodesy import great_circle_distance_m
from goldendome.physics.kinds import ObjectKind
from goldendome.run.context import RunContext
from goldendome.scenario import load_scenario_text
from goldendome.scenario.catalog import targets
from goldendome.threats.flight import BURNOUT, IMPACT, REENTRY

RAID = """
name = "fobs-raid"
seed = 1
[time]
epoch_utc = 2029-06-01T00:00:00Z
duration_s = 6000.0
step_s = 10.0
[[threats.raid]]
class = "fobs-class"
from = "dombarovsky"
to = "washington"
shape = "fobs"
count = 2
spacing_s = 600.0
[[threats.raid]]
class = "hwasong-15-class"
from = "pyongsong"
to = "seattle"
count = 2
spacing_s = 600.0
decoys = 0
"""


@pytest.fixture(scope="module")
def raid():
    return RunContext(load_scenario_text(RAID, "fobs.toml")).fly_raid()


def test_fobs_are_numbered_after_the_ballistic_missiles_and_land_on_target(raid):
    assert [label[3] for label in raid.labels] == ["minimum_energy"] * 2 + ["fobs"] * 2
    assert raid.orbiting.tolist() == [False, False, True, True]
    assert np.all(raid.reachable)
    goal = targets()["washington"]
    lat, lon = raid.flight.impact_lat_lon_rad()
    miss = great_circle_distance_m(lat[2:], lon[2:], goal.latitude_rad, goal.longitude_rad)
    assert np.all(miss < 1_000.0)


def test_the_warhead_is_released_at_the_braking_burn_and_falls_as_an_rv(raid):
    d, f = raid.deployment, raid.flight
    fobs_rv = np.isin(d.missile, [2, 3])
    assert fobs_rv.sum() == 2
    assert np.all(d.kind[fobs_rv] == int(ObjectKind.RV))
    release = d.release_t_s[fobs_rv]
    # Released in orbit, long after burnout, before reentry, which comes before impact.
    assert np.all(release > f.event_t_s[2:, BURNOUT] + 1_800.0)
    assert np.all(release < f.event_t_s[2:, REENTRY])
    assert np.allclose(d.flight.event_t_s[fobs_rv, IMPACT], f.event_t_s[2:, IMPACT])
    assert not raid.manoeuvring_objects[fobs_rv].any()  # ballistic after the burn


def test_missiles_apart_only_in_launch_time_share_one_aim_and_one_earth_fixed_path(raid):
    f, shots = raid.flight, raid.launches
    for pair in ([0, 1], [2, 3]):
        # One aim copied (ballistic), or two aims that converge to the same (the fractional
        # orbits, each aimed on its own: evidence that the path does not depend on the time).
        assert abs(shots.azimuth_rad[pair[0]] - shots.azimuth_rad[pair[1]]) < 1e-9
        assert abs(shots.kick_rad[pair[0]] - shots.kick_rad[pair[1]]) < 1e-9
        lat, lon = f.impact_lat_lon_rad()
        apart_m = great_circle_distance_m(lat[pair[0]], lon[pair[0]], lat[pair[1]], lon[pair[1]])
        assert apart_m < 5.0  # the same impact point, 600 s later
        times = f.flight_time_s()[pair]
        assert abs(times[0] - times[1]) < 0.01
