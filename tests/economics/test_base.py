"""Conformance: every cost source gives uniquely named lines that a table accepts."""

import pytest

from goldendome.economics import (
    CatalogEntry,
    CatalogSelection,
    CostLine,
    CostSource,
    cost_table,
)

SOURCES = [
    CatalogSelection((CatalogEntry("sbi", 100), CatalogEntry("lrdr", 2))),
    CatalogSelection(
        (
            CatalogEntry("sbi", 100, name="sbi-low", fields={"service_life_years": 7.0}),
            CatalogEntry("sbi", 50, name="sbi-high", launch="falcon9-2026-list"),
        )
    ),
]


@pytest.mark.parametrize("source", SOURCES)
def test_a_source_gives_lines_with_unique_names_in_base_year_dollars(source):
    assert isinstance(source, CostSource)
    lines = source.cost_lines(2026)
    assert all(isinstance(line, CostLine) for line in lines)
    assert len({line.name for line in lines}) == len(lines)
    table = cost_table(lines, 2027, 20, base_year=2026)
    assert table.total_usd > 0


def test_an_entry_overrides_the_catalog():
    lines = SOURCES[1].cost_lines(2026)
    assert lines[0].service_life_years == 7.0
    assert lines[1].launch_usd_per_launch == pytest.approx(74e6)
