"""The deployment timeline: what is fielded each year within production, launch and budget
limits, what it costs, and what the kill chain does with it (``goldendome timeline``)."""

from goldendome.studies.timeline.elements import TimelineElement, timeline_elements
from goldendome.studies.timeline.study import TimelineResult, YearProgress, YearResult, run_timeline

__all__ = [
    "TimelineElement",
    "TimelineResult",
    "YearProgress",
    "YearResult",
    "run_timeline",
    "timeline_elements",
]
