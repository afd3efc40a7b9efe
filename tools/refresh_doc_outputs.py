"""Rewrite the ```output blocks of the README and docs/ from what their examples print now.

    .venv/bin/python tools/refresh_doc_outputs.py [PAGE ...] [--check]

Each fenced ```python block followed by an ```output block is run as ``tests/test_docs.py``
runs it (a fresh namespace, in a temporary folder), and the output block is replaced by what
it printed. Use it deliberately, after a change that moves a headline, and read the diff:
the prose around the blocks quotes the same figures and is not rewritten here. ``--check``
only lists the blocks that differ (exit 1 if any).
"""

import argparse
import contextlib
import io
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"```python\n(.*?)```(\s*)```output\n(.*?)```", re.DOTALL)


def _printed(code: str) -> str:
    out = io.StringIO()
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(code, "<example>", "exec"), {"__name__": "__example__"})
        finally:
            os.chdir(cwd)
    return out.getvalue().strip("\n").rstrip() + "\n"


def refresh(page: Path, check: bool) -> list[str]:
    """Rewrite ``page``'s output blocks (unless ``check``); the labels of those that moved."""
    text = page.read_text(encoding="utf-8")
    moved: list[str] = []

    def replace(match: re.Match[str]) -> str:
        code, gap, old = match.group(1), match.group(2), match.group(3)
        new = _printed(code)
        if new.strip() != old.strip():
            moved.append(f"{page.name}: {code.strip().splitlines()[0][:60]}")
        return f"```python\n{code}```{gap}```output\n{new}```"

    changed = BLOCK.sub(replace, text)
    if moved and not check:
        page.write_text(changed, encoding="utf-8")
    return moved


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", type=Path)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    pages = args.pages or [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    moved = [label for page in pages for label in refresh(page, args.check)]
    for label in moved:
        print(("differs: " if args.check else "rewritten: ") + label)
    return 1 if moved and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
