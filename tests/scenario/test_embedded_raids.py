"""The embedded scenarios: each loads and validates, and the Russian and Chinese raids (issue
18) are spliced onto the default architecture with the glide and cruise-missile defenses,
keeping every site, asset and source comment of the default."""

import pytest
from typer.testing import CliRunner

from goldendome.cli.main import app
from goldendome.data.toml_text import parse_toml_text
from goldendome.scenario import loader
from goldendome.scenario.catalog import CruiseClassSpec, HgvClassSpec, threat_classes
from goldendome.scenario.loader import (
    ADDED_ASSETS,
    ADDED_SITES,
    ADDED_SPACE,
    AFTER_RAID,
    AFTER_SITES,
    AFTER_SPACE,
    EMBEDDED_SCENARIOS,
    RAID_SECTION,
    default_scenario_text,
    embedded_scenario_text,
    load_scenario,
)

NEW = ("russian-raid", "chinese-raid")


@pytest.mark.parametrize("name", list(EMBEDDED_SCENARIOS))
def test_every_embedded_scenario_loads_and_validates(name: str):
    spec = load_scenario(name)
    assert spec.threats.raid
    assert spec.sites
    assert spec.defended_assets


@pytest.mark.parametrize("name", NEW)
def test_goldendome_validate_accepts_the_new_raids(name: str):
    result = CliRunner().invoke(app, ["validate", name])
    assert result.exit_code == 0, result.output
    assert f"{name}: OK" in result.output


def _sites(text: str) -> list[str]:
    return [site["name"] for site in parse_toml_text(text)["sites"]]


def _assets(text: str) -> list[str]:
    return [asset["name"] for asset in parse_toml_text(text)["defended_assets"]]


@pytest.mark.parametrize("name", NEW)
def test_a_new_raid_keeps_the_default_architecture_and_adds_the_air_defenses(name: str):
    base, text = default_scenario_text(), embedded_scenario_text(name)
    added = _sites(text)[len(_sites(base)) :]
    assert _sites(text)[: len(_sites(base))] == _sites(base)
    assert {"NASAMS battery (National Capital Region)", "Fighter CAP (Cook Inlet)"} <= set(added)
    assert "Over-the-horizon radar (Oregon)" in added
    assert _assets(text)[: len(_assets(base))] == _assets(base)
    assert "Andersen AFB (Guam)" in _assets(text)[len(_assets(base)) :]
    # Everything after the raid is the default's, with the added sites before battle
    # management and the added assets at the end; the default's source comments stay.
    after = base[base.index(AFTER_RAID) :]
    sites_end = after.index(AFTER_SITES)
    assert text.count(ADDED_SITES) == 1
    assert text.count(ADDED_ASSETS) == 1
    assert after[:sites_end] in text
    assert text.index(ADDED_SITES) < text.index(AFTER_SITES) < text.index(ADDED_ASSETS)
    assert "# MDA GMD fact sheet: 40 GBIs at Fort Greely (44 in all)" in text
    assert text.endswith("\n")
    assert not text.endswith("\n\n")


@pytest.mark.parametrize(
    ("name", "duration_s", "classes"),
    [
        ("russian-raid", 6000.0, {"sarmat-class", "avangard-class", "slbm-class",
                                  "kh-101-class", "kalibr-class", "fobs-class"}),
        ("chinese-raid", 6000.0, {"df-41-class", "jl-3-class", "df-17-class", "cj-10-class"}),
    ],
)  # fmt: skip
def test_a_new_raid_flies_every_kind_of_threat(name: str, duration_s: float, classes: set[str]):
    spec = load_scenario(name)
    assert spec.name == f"{name}-2029"
    assert spec.time.duration_s == duration_s  # the part's head key replaced the default's
    raid = spec.threats.raid
    assert {entry.class_ for entry in raid} == classes
    kinds = {type(threat_classes()[entry.class_]) for entry in raid}
    assert {HgvClassSpec, CruiseClassSpec} <= kinds  # gliders and cruise missiles beside ICBMs
    assert all(entry.decoys for entry in raid if entry.class_ in ("sarmat-class", "df-41-class"))
    missiles = sum(entry.count for entry in raid)
    assert 60 <= missiles <= 120  # peer scale: the peer raid has 100
    # Every launch falls inside the run, the cruise missiles' first.
    assert max(e.launch_time_s + (e.count - 1) * e.spacing_s for e in raid) < duration_s


def test_the_russian_slbm_salvo_comes_from_off_the_coast_depressed_and_minimum_energy():
    raid = load_scenario("russian-raid").threats.raid
    slbms = [entry for entry in raid if entry.class_ == "slbm-class"]
    assert {entry.from_ for entry in slbms} == {"atlantic-patrol"}
    assert {entry.shape for entry in slbms} == {"depressed", "minimum_energy"}


def test_the_russian_raid_has_a_small_fobs_salvo_from_the_south():
    raid = load_scenario("russian-raid").threats.raid
    fobs = [entry for entry in raid if entry.class_ == "fobs-class"]
    assert len(fobs) == 1
    assert (fobs[0].from_, fobs[0].shape, fobs[0].approach) == ("baikonur", "fobs", "south")
    assert (
        1 <= fobs[0].count <= 12
    )  # small: the 2025 assessment counts up to 12 Russian FOBS by 2035


@pytest.mark.parametrize("name", NEW)
def test_a_new_raid_splices_in_a_space_amti_layer_after_the_default_layers(name: str):
    base, text = default_scenario_text(), embedded_scenario_text(name)
    spec = load_scenario(name)
    default_layers = list(parse_toml_text(base)["space"])
    assert list(spec.space)[: len(default_layers)] == default_layers
    added = {k: v for k, v in spec.space.items() if k not in default_layers}
    assert [layer.role for layer in added.values()] == ["air_moving_target"]
    assert text.count(ADDED_SPACE) == 1
    assert text.index(ADDED_SPACE) < text.index(AFTER_SPACE) < text.index(RAID_SECTION)


@pytest.mark.parametrize("name", NEW)
def test_the_alaskan_gmd_sites_have_cruise_missile_defense_and_cook_inlet_is_watched(name: str):
    sites = {site.name: site for site in load_scenario(name).sites}
    for where in ("Fort Greely", "Clear SFS"):
        battery = sites[f"NASAMS battery ({where})"]
        assert [i.type for i in battery.interceptors] == ["nasams"]
    e7 = sites["E-7 Wedgetail orbit (Cook Inlet)"]
    assert e7.radar is not None
    assert e7.radar.type == "e-7-mesa"


def test_a_part_with_its_sections_out_of_order_is_refused(monkeypatch):
    part = f'name = "x"\n\n{ADDED_SITES}\n\n{RAID_SECTION}\n'
    monkeypatch.setattr(loader, "_data_text", lambda name: part if name == "x.toml" else "")
    monkeypatch.setitem(EMBEDDED_SCENARIOS, "odd", ("default", "x.toml"))
    with pytest.raises(ValueError, match="in this order"):
        embedded_scenario_text("odd")


def test_a_part_adding_space_layers_needs_a_base_with_space_layers(monkeypatch):
    part = f'name = "x"\n\n{ADDED_SPACE}\n[space.more]\nrole = "tracking"\n'
    base = 'name = "bare"\n'  # no space layers, so no line to add them before
    monkeypatch.setattr(loader, "_data_text", lambda name: part if name == "x.toml" else base)
    monkeypatch.setitem(EMBEDDED_SCENARIOS, "odd", ("peer-raid", "x.toml"))
    monkeypatch.setitem(EMBEDDED_SCENARIOS, "peer-raid", "bare.toml")
    with pytest.raises(ValueError, match="add space layers before"):
        embedded_scenario_text("odd")
