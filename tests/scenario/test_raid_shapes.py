"""Raid shapes and origins in a scenario: depressed arcs to an apogee or a burnout angle,
launches from catalog patrol areas or a point at sea; every bad value named by its key, and
`goldendome validate` exits 2 on them."""

import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

from goldendome.cli.main import app
from goldendome.geography.borders import territory
from goldendome.scenario import Problem, ScenarioError, load_scenario_text
from goldendome.scenario.catalog import launch_areas, targets
from goldendome.scenario.raid_shapes import great_circle_m

HEAD = """
name = "slbm-shapes"
seed = 1

[time]
epoch_utc = 2029-06-01T00:00:00Z
duration_s = 2400.0
step_s = 60.0
"""


def entry(**keys: object) -> str:
    lines = ["[[threats.raid]]", 'class = "slbm-class"', 'to = "new-york"']
    for key, value in keys.items():
        shown = f'"{value}"' if isinstance(value, str) and not value.startswith("{") else value
        lines.append(f"{key} = {shown}")
    return HEAD + "\n".join(lines) + "\n"


def problems(text: str) -> list[Problem]:
    with pytest.raises(ScenarioError) as info:
        load_scenario_text(text, "scenario.toml")
    return info.value.problems


def one(text: str) -> Problem:
    (found,) = problems(text)
    return found


def test_a_depressed_entry_from_a_patrol_area_loads_in_si_units() -> None:
    spec = load_scenario_text(
        entry(**{"from": "atlantic-patrol"}, shape="depressed", apogee_km=120)
    )
    raid = spec.threats.raid[0]
    assert raid.shape == "depressed"
    assert raid.apogee_m == 120e3
    assert raid.burnout_fpa_rad is None
    assert raid.origin_label == "atlantic-patrol"
    angle = load_scenario_text(
        entry(**{"from": "atlantic-patrol"}, shape="depressed", burnout_fpa_deg=8)
    )
    assert math.isclose(angle.threats.raid[0].burnout_fpa_rad or 0.0, math.radians(8.0))


def test_a_sea_launch_point_loads_and_labels_itself() -> None:
    spec = load_scenario_text(
        entry(sea_launch_point="{ latitude_deg = 36.0, longitude_deg = -135.0 }")
    )
    raid = spec.threats.raid[0]
    assert raid.from_ is None
    assert raid.origin_label == "sea 36.00N 135.00W"
    lat, lon = raid.origin_lat_lon_rad()
    assert math.isclose(lat, math.radians(36.0))
    assert math.isclose(lon, math.radians(-135.0))


def test_a_sea_launch_point_on_land_is_refused_by_its_key() -> None:
    found = one(entry(sea_launch_point="{ latitude_deg = 39.0, longitude_deg = -100.0 }"))
    assert found.path == "threats.raid[0].sea_launch_point"
    assert "lies on land, in US" in found.rule
    assert "must be at sea" in found.rule


def test_an_apogee_above_the_minimum_energy_apogee_is_refused() -> None:
    found = one(entry(**{"from": "atlantic-patrol"}, shape="depressed", apogee_km=500))
    assert found.path == "threats.raid[0].apogee_km"
    # 1,510 km from the patrol area to New York: the two-body minimum-energy apogee is 354 km.
    assert "1,510 km range the minimum-energy apogee is about 354 km" in found.rule


def test_a_burnout_angle_at_or_above_the_minimum_energy_angle_is_refused() -> None:
    found = one(entry(**{"from": "atlantic-patrol"}, shape="depressed", burnout_fpa_deg=45))
    assert found.path == "threats.raid[0].burnout_fpa_deg"
    range_m = great_circle_m(
        launch_areas()["atlantic-patrol"].latitude_rad,
        launch_areas()["atlantic-patrol"].longitude_rad,
        targets()["new-york"].latitude_rad,
        targets()["new-york"].longitude_rad,
    )
    gamma_me = math.degrees((math.pi - range_m / 6_371_008.8) / 4.0)
    assert f"is {gamma_me:.1f} deg" in found.rule


@pytest.mark.parametrize(
    ("keys", "path", "words"),
    [
        ({"apogee_km": 20, "shape": "depressed"}, "apogee_km", "at least 50 km"),
        ({"burnout_fpa_deg": -3, "shape": "depressed"}, "burnout_fpa_deg", "above the horizontal"),
        (
            {"burnout_fpa_deg": 90, "shape": "depressed"},
            "burnout_fpa_deg",
            "below the vertical, less than 90 deg",
        ),
        ({"apogee_km": 100}, "apogee_km", 'applies to shape = "depressed" only'),
        ({"burnout_fpa_deg": 5, "shape": "lofted"}, "burnout_fpa_deg", '(this entry is "lofted")'),
        ({"shape": "depressed"}, "shape", "needs apogee_km"),
        ({"shape": "depressed", "apogee_km": 100, "burnout_fpa_deg": 5}, "apogee_km", "not both"),
        ({"shape": "flat"}, "shape", "depressed"),
    ],
)
def test_shape_keys_that_do_not_go_together(keys: dict[str, object], path: str, words: str) -> None:
    found = one(entry(**{"from": "atlantic-patrol"}, **keys))
    assert found.path == f"threats.raid[0].{path}"
    assert words in found.rule


def test_an_entry_names_one_origin() -> None:
    both = one(
        entry(
            **{"from": "atlantic-patrol"},
            sea_launch_point="{ latitude_deg = 36.0, longitude_deg = -135.0 }",
        )
    )
    assert both.path == "threats.raid[0].from"
    assert "not both" in both.rule
    neither = one(entry())
    assert neither.path == "threats.raid[0].from"
    assert "needs from" in neither.rule


def test_the_catalog_patrol_areas_are_at_sea_off_the_us_coasts() -> None:
    areas = [a for a in launch_areas().values() if a.kind == "sea"]
    ground = territory([a.latitude_rad for a in areas], [a.longitude_rad for a in areas])
    assert not ground.on_land.any(), [
        a.name for a, land in zip(areas, ground.on_land, strict=True) if land
    ]
    for name, city in (("atlantic-patrol", "new-york"), ("pacific-patrol", "san-francisco")):
        area, goal = launch_areas()[name], targets()[city]
        km = (
            great_circle_m(
                area.latitude_rad, area.longitude_rad, goal.latitude_rad, goal.longitude_rad
            )
            / 1e3
        )
        assert 1_000 < km < 2_000, (name, km)


def test_validate_exits_2_on_a_patrol_point_on_land(tmp_path: Path) -> None:
    path = tmp_path / "land.toml"
    path.write_text(entry(sea_launch_point="{ latitude_deg = 39.0, longitude_deg = -100.0 }"))
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert "threats.raid[0].sea_launch_point" in result.output
    assert "Traceback" not in result.output
