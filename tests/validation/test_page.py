"""The validation page lists every published case of the shared validation set."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_published_case_is_on_the_validation_page():
    cases = tomllib.loads((ROOT / "tests/validation/published.toml").read_text())
    page = (ROOT / "docs/validation.md").read_text()
    missing = [name for name in cases if f"`{name}`" not in page]
    assert not missing, f"docs/validation.md has no row for: {', '.join(missing)}"
