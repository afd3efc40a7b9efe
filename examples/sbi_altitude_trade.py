"""How many space-based interceptors does each site see at 300 km versus 500 km?

The sweep file ``sbi_altitude_trade.toml`` beside this script names the two cases (the
default scenario's SBI layer at 300 and 500 km, alone, 10 minutes at one sample a minute);
every change is validated through the scenario schema by its key path before anything runs,
so a key that does not exist is an error rather than a silent no-op. This script runs the
sweep in this process and prints the mean number of SBIs above each site's elevation mask
from each case's run folder. Lower shells see fewer satellites from any point (a smaller
visible cap) but reach boosting missiles sooner; this shows the first half of that.

Run: ``python examples/sbi_altitude_trade.py``
"""

import json
import tempfile
from pathlib import Path
from typing import Any

from goldendome import api

SWEEP = Path(__file__).with_name("sbi_altitude_trade.toml")


def in_view_by_altitude(runs_dir: str) -> dict[float, dict[str, float]]:
    """Altitude (km) -> site -> mean SBIs in view, from the sweep's case run folders."""
    done = api.sweep(SWEEP, runs_dir=runs_dir, workers=0)
    cases = api.sweep_cases(done.folder)
    out: dict[float, dict[str, float]] = {}
    for _, case in cases.iterrows():
        (folder,) = (done.folder / "cases" / case["case_key"]).iterdir()
        summary: dict[str, Any] = json.loads((folder / "summary.json").read_text("utf-8"))
        out[float(case["space.sbi_layer.altitude_km"])] = {
            row["site"]: row["mean_in_view"]
            for row in summary["site_coverage"]
            if row["layer"] == "sbi_layer"
        }
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as runs_dir:
        views = in_view_by_altitude(runs_dir)
    low, high = views[300.0], views[500.0]
    print(f"{'site':44s} {'300 km':>8s} {'500 km':>8s}")
    for site in low:
        print(f"{site:44s} {low[site]:8.1f} {high[site]:8.1f}")


if __name__ == "__main__":
    main()
