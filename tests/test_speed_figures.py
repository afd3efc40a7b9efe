"""The README's run time is the one `make speed` measured: tools/measure_speed.py rewrites the
sentence between its markers (and nothing else), and docs/speed.md holds the table it wrote."""

import importlib.util
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location("measure_speed", ROOT / "tools/measure_speed.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_sentence_is_rewritten_between_its_markers(tmp_path: Path) -> None:
    tool = _tool()
    readme = tmp_path / "README.md"
    shutil.copy(ROOT / "README.md", readme)
    before = readme.read_text()
    rows = [
        ("first default run after install", 25.3, 351.0),
        ("default run, warm (best of 2)", 21.7, 351.0),
    ]
    tool.update_readme(rows, readme)
    after = readme.read_text()
    start, end = tool.README_MARKS
    assert "about 22 s in all on " in after
    assert "the first run after installing took 25 s" in after
    assert before.split(start)[0] == after.split(start)[0]
    assert before.split(end)[1] == after.split(end)[1]


def test_the_readme_and_speed_page_carry_the_measured_figures() -> None:
    tool = _tool()
    readme = (ROOT / "README.md").read_text()
    start, end = tool.README_MARKS
    sentence = readme.split(start)[1].split(end)[0]
    assert "measured by `make speed`" in sentence
    speed = (ROOT / "docs/speed.md").read_text()
    assert "Written by `python tools/measure_speed.py`" in speed
    assert "| default run, warm (best of 2) |" in speed
