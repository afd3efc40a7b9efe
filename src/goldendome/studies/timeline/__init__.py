"""The deployment timeline: what is fielded each year within production, launch and budget
limits, what it costs, and what the kill chain does with it (``goldendome timeline``)."""

from goldendome.studies.timeline.elements import TimelineElement, timeline_elements
from goldendome.studies.timeline.study import TimelineResult, YearResult, run_timeline
from goldendome.studies.timeline.year_runs import YearProgress

__all__ = [
    "TimelineElement",
    "TimelineResult",
    "YearProgress",
    "YearResult",
    "run_timeline",
    "timeline_elements",
]
