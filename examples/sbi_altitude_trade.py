"""How many space-based interceptors does each site see at 300 km versus 500 km?

A small trade study with the Python API: the default scenario's SBI layer flown at the two
ends of CBO's 300-500 km band, 10 minutes each sampled once a minute, and the mean number of
SBIs above each site's elevation mask. The other space layers and the raid are dropped, so
each run is only the architecture stage. Lower shells see fewer satellites from any point (a
smaller visible cap) but reach boosting missiles sooner; this example shows the first half
of that.

Every change goes through ``api.read_scenario(changes=...)`` by its path in the scenario
file, so a key that does not exist is an error rather than a silent no-op, and each run's
manifest stores the changed scenario.

Run: ``python examples/sbi_altitude_trade.py``
"""

import tempfile
from typing import Any

from goldendome import api

#: What every case changes in the default scenario (file keys and units).
SHORT_SBI_ONLY: dict[str, Any] = {
    "time.duration_s": 600.0,
    "time.step_s": 60.0,
    "space.tracking_layer": None,
    "space.warning_geo": None,
    "space.warning_heo": None,
    "threats.raid": None,
}


def run_at(altitude_km: float, runs_dir: str) -> dict[str, Any]:
    """The run summary of the default scenario's SBI layer alone at ``altitude_km``."""
    spec, text = api.read_scenario(
        changes={"space.sbi_layer.altitude_km": altitude_km, **SHORT_SBI_ONLY}
    )
    return api.run_spec(spec, text, runs_dir=runs_dir).summary


def mean_in_view(altitude_km: float) -> dict[str, float]:
    """Mean SBIs in view per site for the default scenario's SBI layer at ``altitude_km``."""
    with tempfile.TemporaryDirectory() as runs_dir:
        summary = run_at(altitude_km, runs_dir)
    return {
        row["site"]: row["mean_in_view"]
        for row in summary["site_coverage"]
        if row["layer"] == "sbi_layer"
    }


def main() -> None:
    low, high = mean_in_view(300.0), mean_in_view(500.0)
    print(f"{'site':44s} {'300 km':>8s} {'500 km':>8s}")
    for site in low:
        print(f"{site:44s} {low[site]:8.1f} {high[site]:8.1f}")


if __name__ == "__main__":
    main()
