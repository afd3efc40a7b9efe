"""Partners: contributions valued with the life-cycle model, the with/without and own-raid
scenarios, and bad shares named by key."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

import goldendome.cli.partners  # noqa: F401  (registers the command)
from goldendome import api
from goldendome.cli.main import app
from goldendome.economics import cost_line, cost_table
from goldendome.scenario.loader import parse_toml
from goldendome.studies.partners import _raid_on, _without, preset_partners, run_partners


def _money(changes: dict | None = None):
    spec, text = api.read_scenario(changes=changes)
    return run_partners(spec, text, Path("unused"), kill_chain=False)


def test_japan_preset_is_valued_with_the_life_cycle_model() -> None:
    result = _money()
    assert result.preset
    japan = result.partners[0]
    assert japan.name == "Japan"
    rows = {r["what"]: r for r in japan.contributions}
    # Its own Aegis ship's SM-3 IIA magazine: 8 rounds of the catalog line over 20 years.
    line = cost_line("sm3-iia", 8, 2026)
    expected = cost_table([line], 2027, 20, 2026).total_usd
    assert rows["JMSDF Aegis destroyer (Sea of Japan)/sm-3-iia"]["usd"] == pytest.approx(expected)
    # Programmes in then-year dollars, brought to constant 2026 dollars (inflation raises them).
    assert rows["SM-3 Block IIA co-development"]["usd"] > 1.1e9
    # Hosted radars: valued, not paid.
    assert rows["Shariki (AN/TPY-2)"]["usd"] == 0.0
    assert rows["Shariki (AN/TPY-2)"]["value_usd"] > 0
    assert japan.contribution_usd == pytest.approx(sum(r["usd"] for r in japan.contributions))
    assert 0 < japan.contribution_usd < japan.architecture_usd


def test_with_without_and_own_raid_scenarios_are_valid() -> None:
    _, text = api.read_scenario()
    (japan,), (raw,) = preset_partners()
    data = parse_toml(text)
    without = api.scenario_from_mapping(_without(data, japan))
    names = {s.name for s in without.sites}
    assert "Shariki (AN/TPY-2)" not in names
    assert "Kyogamisaki (AN/TPY-2)" not in names
    raid = api.scenario_from_mapping(_raid_on(data, japan, raw))
    assert {g.to for g in raid.threats.raid} >= {"tokyo", "osaka", "yokosuka"}
    # North Korea's medium-range Nodong on Honshu (1,300 km, Japan MOD); Okinawa is beyond
    # it and left to an ICBM-class missile (data/partners.toml).
    by_target = {g.to: g.class_ for g in raid.threats.raid}
    for name in ("tokyo", "osaka", "yokosuka", "misawa-ab"):
        assert by_target[name] == "nodong-class"
    assert by_target["kadena-ab"] == "hwasong-15-class"
    defended = {a.name for a in raid.defended_assets}
    assert {"Tokyo", "Osaka"} <= defended
    assert all(a.country == "JP" for a in raid.defended_assets)
    # Bases (no population) are defended with a token worth, after every city: the battle
    # manager engages only what threatens some worth.
    worth = {a.name: a.worth() for a in raid.defended_assets}
    assert worth["Tokyo"] == 14047594
    bases = [a for a in raid.defended_assets if a.kind == "military"]
    assert len(bases) >= 4
    assert all(worth[a.name] == 1.0 for a in bases)
    assert "JMSDF Aegis destroyer (Sea of Japan)" in {s.name for s in raid.sites}


def test_a_share_above_100_percent_names_its_key() -> None:
    with pytest.raises(api.ScenarioError, match=r"partners\[0\]\.shares"):
        api.read_scenario(
            changes={"partners": [{"name": "Japan", "country": "JP", "shares": {"c2": 1.5}}]}
        )


def test_shares_of_one_element_past_100_percent_over_partners_name_the_key() -> None:
    two = [
        {"name": "Japan", "country": "JP", "shares": {"c2": 0.6}},
        {"name": "Canada", "country": "CA", "shares": {"c2": 0.5}},
    ]
    with pytest.raises(api.ScenarioError) as info:
        _money({"partners": two})
    report = info.value.report()
    assert "partners[1].shares.c2 = 0.5" in report
    assert "sum to 1.1" in report


def test_a_share_naming_no_element_is_named() -> None:
    one = [{"name": "Japan", "country": "JP", "shares": {"nope": 0.2}}]
    with pytest.raises(api.ScenarioError, match=r"partners\[0\]\.shares\.nope"):
        _money({"partners": one})


def test_a_share_is_paid_in_proportion() -> None:
    one = [{"name": "Canada", "country": "CA", "shares": {"c2": 0.35}}]
    result = _money({"partners": one})
    canada = result.partners[0]
    c2 = api.scenario_cost(api.default_scenario()).breakdown.by_element_usd()["c2"]
    assert canada.contribution_usd == pytest.approx(0.35 * c2)
    assert not result.preset


def test_cli_exits_2_on_a_bad_share(tmp_path: Path) -> None:
    from goldendome.scenario.loader import default_scenario_text

    path = tmp_path / "s.toml"
    path.write_text(
        default_scenario_text()
        + '\n[[partners]]\nname = "Japan"\ncountry = "JP"\nshares = { c2 = 2.0 }\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["partners", str(path), "--no-runs"])
    assert result.exit_code == 2
    assert "partners[0].shares.c2 = 2" in result.output
