"""Values in problems are shown as TOML writes them, cut to one short line."""

from datetime import UTC, date, datetime

import pytest

from goldendome.data.shown_values import MAX_SHOWN, show_value


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (1e20, "1e20"),
        (1.5e-7, "1.5e-7"),
        (400.0, "400.0"),
        (float("nan"), "nan"),
        (float("-inf"), "-inf"),
        (10_000_000, "10000000"),
        (True, "true"),
        ("a\x7f\nb", '"a\\u007f\\nb"'),
        (datetime(2029, 6, 1, tzinfo=UTC), "2029-06-01T00:00:00Z"),
        (date(2029, 6, 1), "2029-06-01"),
        ([1e20, [1, {"a b": 2}]], '[1e20, [1, {"a b" = 2}]]'),
        (-(10**100), "a negative whole number of about 101 digits"),
    ],
    ids=str,
)
def test_values_are_written_as_toml(value: object, shown: str):
    assert show_value(value) == shown


def test_an_integer_too_long_to_write_gives_its_size():
    assert show_value(10**5000) == "a whole number of about 5,001 digits"


def test_tables_are_not_echoed():
    assert show_value({"a": 1}) is None


def test_long_values_are_cut_and_strings_keep_their_quote():
    assert show_value("x" * 100) == '"' + "x" * (MAX_SHOWN - 5) + '..."'
    shown = show_value(list(range(100)))
    assert shown is not None
    assert len(shown) == MAX_SHOWN
    assert shown.endswith("...")


def test_nesting_thousands_deep_costs_no_more_than_the_cut():
    deep: list[object] = []
    for _ in range(10_000):
        deep = [deep]
    assert show_value(deep) == "[" * (MAX_SHOWN - 3) + "..."
