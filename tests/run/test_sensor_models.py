"""The scenario's sensors: an infrared sensor per warning or tracking layer, then a radar per
site with a radar table, numbered in that order; a radar may not look below the horizon."""

import math

import pytest

from goldendome.api import ScenarioError, default_scenario_text, load_scenario_text
from goldendome.run.context import RunContext
from goldendome.sensors.infrared import InfraredLayer
from goldendome.sensors.radar import Radar
from goldendome.sensors.radar_type import radar_types
from tests.small_scenario import SMALL_DEFENDED, SMALL_SCENARIO, small_spec


def test_infrared_layers_come_first_then_the_radars():
    sensors = RunContext(small_spec()).sensors
    assert [(type(s), s.name, s.sensor_id) for s in sensors] == [
        (InfraredLayer, "tracking", 0),
        (InfraredLayer, "geo", 1),
        (Radar, "Clear", 2),
    ]
    assert [s.label for s in sensors] == [
        "infrared tracking",
        "infrared early_warning",
        "radar lrdr",
    ]


def test_a_radar_takes_its_site_and_its_types_default_tilt():
    radar = RunContext(small_spec()).sensors[2]
    lrdr = radar_types()["lrdr"]
    assert radar.boresight_elevation_rad == lrdr.boresight_elevation_rad
    assert radar.boresight_azimuth_rad == pytest.approx(math.radians(270.0), abs=1e-12)
    assert radar.faces == 2
    assert radar.latitude_rad == pytest.approx(math.radians(64.29), abs=1e-12)
    assert radar.min_elevation_rad == pytest.approx(math.radians(3.0), abs=1e-12)
    tilted = SMALL_DEFENDED.replace("faces = 2 }", "faces = 2, boresight_elevation_deg = 10.0 }")
    assert RunContext(small_spec(tilted)).sensors[2].boresight_elevation_rad == pytest.approx(
        math.radians(10.0), abs=1e-12
    )


def test_interceptor_layers_and_sites_without_a_radar_carry_no_sensor():
    sensors = RunContext(small_spec(SMALL_SCENARIO)).sensors  # an SBI layer, a GEO satellite
    assert [(s.name, s.sensor_id) for s in sensors] == [("geo", 0)]


def test_infrared_layers_see_from_their_cached_propagations():
    ctx = RunContext(small_spec())
    assert len(ctx.sensors) == 3
    # Positions on the clock grid, and half a second either side for velocities.
    assert ctx.layers["tracking"].propagations == ctx.layers["geo"].propagations == 3
    assert ctx.layers["sbi"].propagations == 0


def test_radar_looking_below_the_horizon_is_refused():
    text = default_scenario_text().replace(
        "boresight_azimuth_deg = 265.0 }",
        "boresight_azimuth_deg = 265.0, boresight_elevation_deg = -5 }",
    )
    with pytest.raises(ScenarioError) as err:
        load_scenario_text(text, "mine.toml")
    assert (
        "sites[5].radar.boresight_elevation_deg = -5: a radar must look above the horizon"
        in err.value.report()
    )
