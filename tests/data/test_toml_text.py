"""Parsing TOML a person wrote: a byte-order mark, runaway nesting and huge integers."""

import pytest

from goldendome.data.errors import CatalogError
from goldendome.data.loader import parse_catalog_text
from goldendome.data.toml_text import MAX_NESTING, TomlTextError, nesting_problem, parse_toml_text
from goldendome.scenario.catalog import TargetCatalog

TOO_DEEP = "line {line}: arrays and inline tables nested more than 64 deep; a scenario needs only a few levels, so look for a bracket left open"


def rule_for(text: str) -> str:
    with pytest.raises(TomlTextError) as info:
        parse_toml_text(text)
    return info.value.rule


def test_a_byte_order_mark_is_dropped():
    assert parse_toml_text('\ufeffname = "x"') == {"name": "x"}


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a = " + "[" * 5000 + "]" * 5000, 1),
        ("x = 1\ny = 2\na = " + "{ b = " * 70 + "1" + " }" * 70, 3),
        ('s = """\n[[[\n"""\na = [\n' + "[" * 64, 5),
    ],
)
def test_deep_nesting_is_refused_with_its_line(text: str, line: int):
    assert rule_for(text) == TOO_DEEP.format(line=line)


def test_the_limit_itself_is_accepted():
    text = "a = " + "[" * MAX_NESTING + "]" * MAX_NESTING
    assert nesting_problem(text) is None
    assert nesting_problem("a = " + "[" * (MAX_NESTING + 1)) is not None


def test_brackets_in_strings_and_comments_do_not_count():
    many = "[" * 100 + "{" * 100
    text = (
        f"a = \"{many}\"\nb = '{many}'\nc = \"\"\"\n{many}\n\"\"\"\nd = '''{many}'''\n"
        f'# {many}\ne = "quote \\" {many}"\n'
    )
    assert nesting_problem(text) is None
    assert parse_toml_text(text)["a"] == many


def test_an_integer_python_cannot_read_is_named_with_its_line():
    text = "x = 1\nseed = " + "9" * 5000
    assert rule_for(text) == "line 2: not valid TOML (an integer of more than 4,300 digits)"


def test_syntax_errors_name_line_and_column():
    assert rule_for("a = 1\na = 2\n") == (
        "line 2, column 6: not valid TOML (cannot overwrite a value)"
    )


def test_a_catalog_copy_is_read_the_same_way():
    text = "\ufeff[[target]]\nname = " + "[" * 100
    with pytest.raises(CatalogError) as info:
        parse_catalog_text(text, TargetCatalog, "copy.toml")
    assert info.value.report() == "copy.toml: " + TOO_DEEP.format(line=2)
