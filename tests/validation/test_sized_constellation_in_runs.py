"""A constellation sized by ``goldendome size`` holds up in a run's boost samples (issue 14,
deliverable 4: "a constellation sized by goldendome size for k shots gives every missile at
least k SBIs in reach at the stated confidence over those phasings").

The sizing study commits a fixed delay after launch; a run commits at each sample's first
sensor report plus the decision delay. To ask both the same question, the decision delay is
0 s in both and the sizing's detection delay is 60 s, no earlier than the default sensors'
first report of a Hwasong-18-class missile from the inland launch area (55-60 s after
launch, on the 10 s sensing grid): the run's kill vehicles leave no later than the sizing's,
so the run's phasings must have at least k SBIs in reach at least as often as the stated
confidence, within the sampling error of 100 phasings (two binomial standard errors, 0.044
at 0.95).
"""

import math

import numpy as np
import pytest

from goldendome import api
from goldendome.run.context import RunContext
from goldendome.run.stages.boost import boost_sampler
from goldendome.scenario import default_scenario_text, load_scenario_text

CONFIDENCE = 0.95
SHOTS = 1
SAMPLES = 100
RAID = {"class": "hwasong-18-class", "from": "nk-inland", "to": "washington", "count": 1}


@pytest.mark.slow
def test_a_sized_constellation_gives_k_sbis_in_reach_at_the_stated_confidence():
    answer, _ = api.size_constellation(
        {
            "threat": RAID["class"],
            "from": RAID["from"],
            "to": RAID["to"],
            "salvo": 1,
            "shots": SHOTS,
            "confidence": CONFIDENCE,
            "altitudes_km": [400.0],
            "inclinations_deg": [55.0],
            "planes": [60],
            "sbi": {"detection_delay_s": 60.0, "decision_delay_s": 0.0},
        }
    )
    (found,) = answer.candidates
    assert found.satellites is not None, "the sizing found no constellation to test"
    assert found.achieved_confidence >= CONFIDENCE
    spec = load_scenario_text(
        default_scenario_text(),
        "default scenario",
        {
            "space.sbi_layer.satellites": found.satellites,
            "space.sbi_layer.planes": found.planes,
            "space.sbi_layer.altitude_km": found.altitude_km,
            "space.sbi_layer.inclination_deg": found.inclination_deg,
            "sbi.decision_delay_s": 0.0,
            "threats.raid": [dict(RAID, launch_time_s=60.0)],
            "monte_carlo.phase_samples": SAMPLES,
        },
    )
    ctx = RunContext(spec)
    sampler = boost_sampler(ctx)
    assert sampler is not None
    launch = float(ctx.raid.boost.launch_time_s[0])
    in_reach, reports = [], []
    for k in range(SAMPLES):
        sample = sampler.sample(k)
        in_reach.append(int(np.sum(sample.phase.threat == 0)))
        reports.append(float(sample.first_report_s[0]) - launch)
    # The run's kill vehicles leave no later than the sizing's (60 s after launch).
    assert max(reports) <= 60.0
    share = float(np.mean(np.array(in_reach) >= SHOTS))
    margin = 2 * math.sqrt(CONFIDENCE * (1 - CONFIDENCE) / SAMPLES)
    assert share >= CONFIDENCE - margin, (share, found.satellites)
    # Not trivially so: the sized constellation is lean, some phasings have only k in reach.
    assert min(in_reach) <= SHOTS + 1
