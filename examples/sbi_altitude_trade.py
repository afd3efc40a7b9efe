"""How many space-based interceptors does each site see at 300 km versus 500 km?

A small trade study with the Python API: the default scenario's SBI layer flown at the two
ends of CBO's 300-500 km band, 10 minutes each, and the mean number of SBIs above each
radar's 3 deg elevation mask. Lower shells see fewer satellites from any point (a smaller
visible cap) but reach boosting missiles sooner; this example shows the first half of that.

Run: ``python examples/sbi_altitude_trade.py``
"""

from goldendome import api
from goldendome.run.architecture import simulate_architecture


def mean_in_view(altitude_km: float) -> dict[str, float]:
    """Mean SBIs in view per site for the default scenario's SBI layer at ``altitude_km``."""
    text = (
        api.default_scenario_text()
        .replace("altitude_km = 400.0", f"altitude_km = {altitude_km}")
        .replace("duration_s = 1800.0", "duration_s = 600.0")
        .replace("step_s = 10.0", "step_s = 60.0")
    )
    spec = api.load_scenario_text(text, f"sbi-{altitude_km:g}km")
    only_sbi = spec.model_copy(update={"space": {"sbi_layer": spec.space["sbi_layer"]}})
    result = simulate_architecture(only_sbi)
    return {c.site: c.mean_in_view for c in result.coverage}


def main() -> None:
    low, high = mean_in_view(300.0), mean_in_view(500.0)
    print(f"{'site':36s} {'300 km':>8s} {'500 km':>8s}")
    for site in low:
        print(f"{site:36s} {low[site]:8.1f} {high[site]:8.1f}")


if __name__ == "__main__":
    main()
