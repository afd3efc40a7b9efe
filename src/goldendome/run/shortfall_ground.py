"""What lies under the boost-phase shortfall: each finished Monte Carlo chunk, before it is
stored, gets the land, territory and people under the payloads of its boost-phase kills.

A kill before burnout ends the booster's thrust; its payload flies on and lands (the trials
record where: :mod:`goldendome.engagement.battle`). Here, in the run's own process (the
boundary and population data are loaded once, not in every worker:
:func:`goldendome.geography.ground.ground_at`), each SBI shot that killed its booster gets
``payload_on_land``, ``payload_country``, ``payload_sovereign``, ``payload_us_or_ally`` and
``payload_people_near``, and each trial counts its shortfall warheads that land on land, on
populated land (a place of 1,000 people or more within 25 km) and on US or allied territory,
and the people near them. A missile killed by two shots of one look counts once, at the
earlier intercept (that is when its thrust ended).

With ``[sbi] shortfall = "detonates"`` every shortfall warhead that lands on populated land
is also counted as a leaker; by default (``"reported"``) it is counted apart.
"""

from collections.abc import Mapping
from typing import Any

import numpy as np

from goldendome.engagement.picture import KillChainSetup
from goldendome.geography.ground import ground_at
from goldendome.physics.kinds import ObjectKind

Columns = dict[str, Any]
#: The trial columns added here, in order.
SHORTFALL_COLUMNS = (
    "shortfall_on_land", "shortfall_on_populated_land", "shortfall_on_us_or_ally",
    "shortfall_people_near",
)  # fmt: skip


def _warheads_per_missile(setup: KillChainSetup) -> np.ndarray[Any, Any]:
    rv = setup.object_kind == ObjectKind.RV
    return np.bincount(setup.object_missile[rv], minlength=setup.n_missile)


def annotate_chunk(
    trials: Mapping[str, Any],
    shots: Mapping[str, Any],
    setup: KillChainSetup,
    detonate: bool = False,
) -> tuple[Columns, Columns]:
    """The chunk's ``trials`` and ``engagements`` columns with the shortfall's ground added.

    Parameters
    ----------
    trials, shots : dict of str to arrays
        A chunk's columns (:func:`goldendome.run.monte_carlo.run_chunk`); not changed.
    setup : KillChainSetup
        For the warheads each missile carries.
    detonate : bool
        Count shortfall warheads on populated land as leakers.

    Returns
    -------
    trials, shots : dict of str to arrays
        New dicts with :data:`SHORTFALL_COLUMNS` and the ``payload_*`` ground columns.
    """
    trials, shots = dict(trials), dict(shots)
    n_shot = shots["trial"].size if shots else 0
    on_land, us_ally = np.zeros(n_shot, bool), np.zeros(n_shot, bool)
    country, sovereign = np.full(n_shot, "", dtype=object), np.full(n_shot, "", dtype=object)
    people = np.full(n_shot, np.nan)
    killed = (
        np.flatnonzero((shots["layer"] == "boost") & shots["kill"] & shots["payload_landed"])
        if n_shot
        else np.empty(0, np.int64)
    )
    if killed.size:
        g = ground_at(
            np.radians(shots["payload_latitude_deg"][killed]),
            np.radians(shots["payload_longitude_deg"][killed]),
        )
        on_land[killed], us_ally[killed], people[killed] = g.on_land, g.us_or_ally, g.population
        country[killed], sovereign[killed] = g.country, g.sovereign
    if shots:
        shots |= {
            "payload_on_land": on_land,
            "payload_country": country.astype(str),
            "payload_sovereign": sovereign.astype(str),
            "payload_us_or_ally": us_ally,
            "payload_people_near": people,
        }
    # One landing per killed missile: its earliest killing intercept.
    first = killed[np.lexsort((shots["intercept_time_s"][killed], shots["threat_id"][killed],
                               shots["trial"][killed]))] if killed.size else killed  # fmt: skip
    if first.size:
        key = shots["trial"][first] * setup.n_missile + shots["threat_id"][first]
        first = first[np.r_[True, key[1:] != key[:-1]]]
    heads = _warheads_per_missile(setup)
    trial_ids = np.asarray(trials["trial"])
    row = np.searchsorted(trial_ids, shots["trial"][first]) if first.size else first
    weight = heads[shots["threat_id"][first]] if first.size else np.empty(0)
    populated = on_land[first] & (people[first] > 0)
    n = trial_ids.size
    counts = {
        "shortfall_on_land": np.bincount(row, weight * on_land[first], n),
        "shortfall_on_populated_land": np.bincount(row, weight * populated, n),
        "shortfall_on_us_or_ally": np.bincount(row, weight * us_ally[first], n),
    }
    for name, values in counts.items():
        trials[name] = values.astype(np.int64)
    trials["shortfall_people_near"] = np.bincount(row, weight * people[first], n).astype(float)
    if detonate:
        trials["leakers"] = np.asarray(trials["leakers"]) + trials["shortfall_on_populated_land"]
    return trials, shots
