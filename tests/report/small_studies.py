"""Small study folders for the report's tests: the timeline, exchange and partners studies
of the small defended scenario at a few trials (about 20 s together), written through the
api as ``goldendome timeline``, ``exchange`` and ``partners`` write them."""

from pathlib import Path

from tests.small_scenario import SMALL_DEFENDED

#: A partner of the small scenario: a share of the GBIs, the Clear radar hosted (so the US
#: raid without it loses the radar), a programme, a ship of its own and a raid on Tokyo.
PARTNER = """
[[partners]]
name = "Japan"
country = "JP"
shares = { "Fort Greely/gbi" = 0.25 }
hosted = ["Clear"]
targets = ["tokyo"]

[[partners.programs]]
name = "SM-3 Block IIA co-development"
musd = 1100.0
dollar_year = 2010
source = "test figure"

[[partners.sites]]
name = "JMSDF Aegis destroyer"
role = "interceptor"
latitude_deg = 38.0
longitude_deg = 136.0
interceptors = [{ type = "sm-3-iia", count = 8 }]

[[partners.raid]]
class = "hwasong-18-class"
from = "sunan"
to = "tokyo"
count = 1
launch_time_s = 60.0
"""

#: Trials of each run in the small studies.
TRIALS = 5


def small_scenario_file(folder: Path, partner: bool = False) -> Path:
    """The small defended scenario (with the partner when asked) written into ``folder``."""
    path = folder / ("small-partner.toml" if partner else "small.toml")
    path.write_text(SMALL_DEFENDED + (PARTNER if partner else ""), encoding="utf-8")
    return path


def make_small_timeline(runs_dir: Path) -> Path:
    """Two years (2028, 2029) of the small scenario's timeline; its study folder."""
    from goldendome import api

    scenario = small_scenario_file(runs_dir.parent)
    stored = api.stored_timeline(
        scenario, first_year=2028, last_year=2029, trials=TRIALS, runs_dir=runs_dir
    )
    return Path(stored.folder)


def make_small_exchange(runs_dir: Path) -> Path:
    """The small scenario's exchange (no confirmation runs) with its step curve."""
    from goldendome import api

    scenario = small_scenario_file(runs_dir.parent)
    stored = api.stored_exchange(scenario, trials=TRIALS, confirm=False, runs_dir=runs_dir)
    return Path(stored.folder)


def make_small_partners(runs_dir: Path) -> Path:
    """The small scenario's partner (with, without, and the raid on it)."""
    from goldendome import api

    scenario = small_scenario_file(runs_dir.parent, partner=True)
    stored = api.stored_partners(scenario, trials=TRIALS, runs_dir=runs_dir)
    return Path(stored.folder)
