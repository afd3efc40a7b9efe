"""The worked examples in the README and docs/ run, and print what the page says they print.

Each fenced ```python block runs in a fresh namespace inside a temporary folder; when the next
fenced block is ```output, the printed text must equal it.
"""

import contextlib
import io
import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"```(\w+)\n(.*?)```", re.DOTALL)


def examples():
    for page in PAGES:
        blocks = FENCE.findall(page.read_text(encoding="utf-8"))
        for i, (lang, body) in enumerate(blocks):
            if lang != "python":
                continue
            expected = (
                blocks[i + 1][1] if i + 1 < len(blocks) and blocks[i + 1][0] == "output" else None
            )
            yield pytest.param(body, expected, id=f"{page.name}-{i}")


@pytest.mark.parametrize(("code", "expected"), list(examples()))
def test_worked_example(code: str, expected: str | None, tmp_path: Path):
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "<example>", "exec"), {"__name__": "__example__"})
    finally:
        os.chdir(cwd)
    if expected is not None:
        assert out.getvalue().strip() == expected.strip()


def test_pages_have_examples():
    assert len(list(examples())) >= 3
