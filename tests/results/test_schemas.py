"""The declared tables: keys, names, types and units agree with one another."""

import pytest

from goldendome.results.schemas import DTYPES, TABLES, schema

#: The one unit per kind of quantity, and ``""`` for counts, ids, flags and text.
UNITS = {"", "m", "s", "m/s", "deg", "USD"}
#: Name suffixes and the unit each means (the longest suffix first: ``_m_s`` before ``_s``).
SUFFIXES = (("_m_s", "m/s"), ("_usd", "USD"), ("_deg", "deg"), ("_m", "m"), ("_s", "s"))

ALL = list(TABLES.values())
IDS = [t.name for t in ALL]


@pytest.mark.parametrize("table", ALL, ids=IDS)
def test_every_table_has_a_key_of_its_own_columns_and_unique_names(table):
    names = table.column_names
    assert len(set(names)) == len(names)
    assert table.key
    assert set(table.key) <= set(names)
    assert table.dims
    assert table.description


@pytest.mark.parametrize("table", ALL, ids=IDS)
def test_types_and_units_come_from_the_allowed_sets(table):
    for column in table.columns:
        assert column.dtype in DTYPES, column.name
        assert column.unit in UNITS, column.name
        assert column.description, column.name


@pytest.mark.parametrize("table", ALL, ids=IDS)
def test_name_suffixes_agree_with_the_units(table):
    """``altitude_m`` is in meters, ``t_s`` in seconds, ``speed_m_s`` in meters per second,
    and a column without a unit suffix has no unit (a count, an id, a flag, text)."""
    for column in table.columns:
        expected = next((unit for suffix, unit in SUFFIXES if column.name.endswith(suffix)), "")
        assert column.unit == expected, (table.name, column.name)
        if column.unit:
            assert column.dtype == "float64", (table.name, column.name)


@pytest.mark.parametrize("table", ALL, ids=IDS)
def test_ids_are_integers_without_a_unit(table):
    for column in table.columns:
        if column.name.endswith("_id"):
            assert (column.dtype, column.unit) == ("int64", ""), (table.name, column.name)


def test_the_parted_tables_are_the_per_trial_ones():
    per_trial = ("trials", "engagements", "boost_windows", "trial_parameters")
    assert {t.name for t in ALL if t.parted} == set(per_trial)
    for name in per_trial:
        assert schema(name).key[0] == "trial"


def test_an_unknown_table_or_column_is_refused_with_the_known_names():
    with pytest.raises(
        KeyError, match="no table 'threat' is declared; the tables are: batteries, "
    ):
        schema("threat")
    with pytest.raises(KeyError, match="table 'threats' has no column 'miss_m'"):
        schema("threats").column("miss_m")
