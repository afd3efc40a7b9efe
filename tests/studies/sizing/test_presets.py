"""Sizing presets: every input of a published study's question has its source, a user's
values go over the preset's, and the comparison reports the residual."""

import pytest

from goldendome.data.errors import CatalogError
from goldendome.data.loader import parse_catalog
from goldendome.scenario.sizing import (
    SizingPresetCatalog,
    overridden,
    preset_values,
    sizing_presets,
    sizing_spec,
)


def test_every_preset_input_has_a_source_and_assumptions_say_so():
    presets = sizing_presets()
    assert set(presets) == {"aps-2003", "cbo-2026"}
    for preset in presets.values():
        assert set(preset.sources) == set(preset.inputs)
        for key in preset.assumed:
            assert preset.sources[key].startswith("goldendome assumption: ")
        sizing_spec(preset.question)  # a valid question
    assert presets["aps-2003"].inputs["sbi.delta_v_km_s"] == 4.0
    assert presets["cbo-2026"].inputs["salvo"] == 10


def test_a_preset_input_without_a_source_is_refused():
    preset = sizing_presets()["aps-2003"].model_dump()
    del preset["sources"]["salvo"]
    with pytest.raises(CatalogError) as err:
        parse_catalog({"preset": [preset]}, SizingPresetCatalog, "sizing_presets.toml")
    assert (
        "preset 'aps-2003': every question value needs its source in sources (no source "
        "for: salvo;" in str(err.value)
    )


def test_user_values_go_over_the_preset_one_by_one():
    merged = preset_values("cbo-2026", {"salvo": 3, "sbi": {"delta_v_km_s": 6.0}})
    assert merged["salvo"] == 3
    assert merged["altitudes_km"] == [300.0, 400.0, 500.0]
    assert merged["sbi"]["delta_v_km_s"] == 6.0
    assert merged["sbi"]["detection_delay_s"] == 30.0  # the preset's, kept
    preset = sizing_presets()["cbo-2026"]
    assert overridden(preset, {"salvo": 10, "sbi": {"delta_v_km_s": 6.0}}) == ["sbi.delta_v_km_s"]
    assert overridden(preset, {"sbi": {}}) == []
