"""One loader for every data catalog: cached, validated like a scenario file, and refusing a
broken copy with every problem's path, value and rule."""

import subprocess
import sys
import tomllib
from typing import Annotated

import pytest

from goldendome import scenario
from goldendome.data.errors import CatalogError, ScenarioError
from goldendome.data.loader import (
    catalog_text,
    load_catalog,
    parse_catalog,
    parse_catalog_text,
)
from goldendome.data.quantities import Bounded
from goldendome.data.spec_model import SpecModel
from goldendome.scenario.catalog import (
    AreaCatalog,
    ClassCatalog,
    TargetCatalog,
    launch_areas,
    targets,
    threat_classes,
)


def _raw(filename: str) -> dict:
    return tomllib.loads(catalog_text(filename))


def test_a_catalog_is_read_once_and_shared():
    assert load_catalog("targets.toml", TargetCatalog) is load_catalog(
        "targets.toml", TargetCatalog
    )
    assert "honolulu" in targets()


def test_catalog_errors_are_the_scenario_errors_the_cli_reports():
    assert scenario.ScenarioError is ScenarioError
    assert issubclass(CatalogError, scenario.ScenarioError)


def test_a_missing_file_and_broken_toml_are_explained():
    with pytest.raises(
        CatalogError, match=r"goldendome/data/nope\.toml: no such catalog.*radars\.toml"
    ):
        load_catalog("nope.toml", TargetCatalog)
    with pytest.raises(CatalogError, match=r"copy\.toml: line 1, column \d+: not valid TOML"):
        parse_catalog_text("[[target]\nname = ", TargetCatalog, "copy.toml")


def test_a_broken_threat_class_catalog_names_path_value_and_rule():
    data = _raw("threat_classes.toml")
    data["class"][0]["payload_kg"] = -1000.0
    del data["class"][1]["rv_mass_kg"]
    data["class"][2]["range_mi"] = 5000.0
    data["class"][0]["stage"][1]["isp_vacuum_s"] = 900.0
    data["class"][3]["type"] = "rocket"
    with pytest.raises(CatalogError) as info:
        parse_catalog(data, ClassCatalog, "threat_classes.toml")
    text = str(info.value)
    assert text.startswith("threat_classes.toml: 5 problems")
    assert "class[0].payload_kg = -1000.0: must be positive (> 0 and <= 1,000,000,000)" in text
    assert (
        "class[0].stage[1].isp_vacuum_s = 900.0: specific impulse must be physical, at most "
        "500 s (no chemical rocket does better)" in text
    )
    assert "class[1].rv_mass_kg: required key is missing" in text
    assert "class[2].range_mi = 5000.0: unknown key; closest: range_km" in text
    assert 'class[3].type = "rocket": unknown kind; expected one of: ballistic, hgv, cruise' in text


def test_a_broken_place_catalog_names_path_value_and_rule():
    data = _raw("launch_areas.toml")
    data["area"][0]["latitude_deg"] = 95.0
    data["area"][1]["country"] = "Korea"
    with pytest.raises(CatalogError) as info:
        parse_catalog(data, AreaCatalog, "launch_areas.toml")
    text = str(info.value)
    assert "area[0].latitude_deg = 95.0: latitude" in text
    assert 'area[1].country = "Korea": must match the pattern ^[A-Z]{2}$' in text


def test_embedded_catalogs_load():
    assert "hwasong-18-class" in threat_classes()
    assert "sunan" in launch_areas()


class _Region(SpecModel):
    name: str
    label: str
    south_deg: Annotated[float, Bounded("a latitude", "deg", ge=-90, le=90)]
    north_deg: Annotated[float, Bounded("a latitude", "deg", ge=-90, le=90)]
    west_deg: Annotated[float, Bounded("a longitude", "deg", ge=-180, le=180)]
    east_deg: Annotated[float, Bounded("a longitude", "deg", ge=-180, le=180)]
    spacing_deg: Annotated[float, Bounded("a grid spacing", "deg", gt=0, le=90)]
    source: str


class _Regions(SpecModel):
    region: list[_Region]


def test_the_loader_takes_any_catalog_model_such_as_regions():
    regions = load_catalog("regions.toml", _Regions).region
    assert regions[0].name == "NK"
    assert regions[0].spacing_deg == 0.5


def test_the_bottom_layer_imports_no_role_package_and_no_scenario():
    code = (
        "import sys, goldendome.data.loader, goldendome.physics.scene, "
        "goldendome.physics.measurements, goldendome.physics.elements; "
        "print(' '.join(m for m in sys.modules if m.startswith('goldendome.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.split()
    allowed = ("goldendome.data", "goldendome.physics")
    assert [m for m in loaded if not m.startswith(allowed)] == []


def test_a_broken_sbi_assumptions_file_names_path_value_and_rule():
    from goldendome.scenario.interceptors import SbiAssumptions, sbi_assumptions

    assert sbi_assumptions()["kill_vehicle"]["delta_v_km_s"] == 4.0
    data = _raw("sbi_assumptions.toml")
    data["kill_vehicle"]["sspk"] = 1.5
    data["engagement"]["intercept_before"] = "apogee"
    del data["kill_vehicle"]["acceleration_g"]
    with pytest.raises(CatalogError) as info:
        parse_catalog(data, SbiAssumptions, "copy.toml")
    report = str(info.value)
    assert "kill_vehicle.sspk = 1.5" in report
    assert "kill_vehicle.acceleration_g" in report
    assert "engagement.intercept_before" in report
