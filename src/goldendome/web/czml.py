"""CZML from a run folder: one document per layer, so a viewer can toggle layers.

Layers (:data:`LAYERS`): ``satellites`` (every satellite's stored positions, Lagrange-
interpolated, a point each, no trail), ``raid`` (missiles, their spent stages, RVs and decoys
with short trails), ``interceptors`` (each shot's fly-out), ``events`` (intercepts, leaks and
impacts at their stored times) and ``sites`` (sensor and interceptor sites, defended areas);
with ``coverage=True`` also ``coverage`` (each radar's detection fan,
:mod:`goldendome.web.czml_coverage`, and each early-warning satellite's Earth footprint,
:mod:`goldendome.web.czml_footprints`), off by default.
Times are ISO 8601 instants on the scenario's epoch; positions are Earth-fixed, the frame the
run stores them in. Everything comes from the stored tables of one trial
(:func:`goldendome.web.trial.trial_story`); nothing reruns physics.

CZML is written by hand (JSON lists of packets): the Python CZML packages are either
unmaintained or bring a model layer heavier than the few packet kinds used here, and the
output is checked against a JSON Schema of those packets in the tests.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goldendome.results.reader import RunReader, open_run
from goldendome.web.czml_coverage import DEFAULT_ALTITUDE_M, CoverageError, coverage_packets
from goldendome.web.czml_events import event_packets, shot_packets, site_packets
from goldendome.web.czml_footprints import footprint_packets
from goldendome.web.czml_layers import Packet, raid_packets, satellite_packets
from goldendome.web.czml_time import ScenarioClock
from goldendome.web.trial import TrialStory, trial_story

#: The layers, in drawing order, with the title a viewer shows.
LAYERS: dict[str, str] = {
    "satellites": "Satellites",
    "raid": "Raid (missiles, RVs, decoys)",
    "interceptors": "Interceptor fly-outs",
    "events": "Intercepts, leaks, impacts",
    "sites": "Sites and defended areas",
}
#: The optional layer (``coverage=True``): each radar's detection coverage on the ground.
COVERAGE = "coverage"


class CzmlError(ValueError):
    """A run folder the globe cannot be drawn from (the message says why and what to do)."""


@dataclass
class CzmlExport:
    """The CZML documents of one run and trial, with what a viewer lists beside them.

    Attributes
    ----------
    run : str
        The run folder's name.
    trial : int
        The trial shown.
    documents : dict of str to list of dict
        Layer name -> its CZML document (the document packet first).
    events : list of dict
        Timed events for a jump-to list: ``t_s``, ``time`` (ISO 8601), ``label``, ``id``.
    counts : dict of str to int
        Objects in each layer (document packet excluded) and the trial's outcome counts.
    """

    run: str
    trial: int
    documents: dict[str, list[Packet]]
    events: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def text(self, layer: str) -> str:
        """One layer's document as compact JSON text."""
        return json.dumps(self.documents[layer], separators=(",", ":"))


def layer_title(layer: str, coverage_altitude_m: float = DEFAULT_ALTITUDE_M) -> str:
    """The title a viewer shows for a layer."""
    if layer == COVERAGE:
        return f"Sensor coverage (radars: RV at {coverage_altitude_m / 1e3:,.0f} km)"
    return LAYERS[layer]


def _clock(run: RunReader) -> ScenarioClock:
    info = run.manifest.get("run") or {}
    if "epoch_utc" not in info or "duration_s" not in info:
        raise CzmlError(f"{run.path}: its manifest has no scenario clock (run.epoch_utc).")
    return ScenarioClock(str(info["epoch_utc"]), float(info["duration_s"]))


def _events(clock: ScenarioClock, story: TrialStory, documents: dict[str, list[Packet]]) -> Any:
    events = []
    for packet in documents["events"][1:]:
        start = packet["availability"].split("/")[0]
        events.append({"time": start, "label": packet["name"], "id": packet["id"]})
    shots = story.shots
    for i in range(shots["shot"].size):
        events.append(
            {
                "time": clock.iso(float(shots["launch_time_s"][i])),
                "label": f"launch: shot {int(shots['shot'][i])} ({shots['interceptor'][i]})",
                "id": f"shot-{int(shots['shot'][i])}",
            }
        )
    return sorted(events, key=lambda e: (e["time"], e["id"]))


def export_czml(
    run_folder: str | Path,
    trial: int | None = None,
    coverage: bool = False,
    coverage_altitude_m: float = DEFAULT_ALTITUDE_M,
) -> CzmlExport:
    """The CZML documents of a run folder (one per layer of :data:`LAYERS`, then the
    ``coverage`` layer when asked for).

    Parameters
    ----------
    run_folder : str or Path
        A complete run folder (``goldendome run`` writes them under ``runs/``).
    trial : int, optional
        The Monte Carlo trial to show; the representative one (the first with the median
        number of leakers) when omitted.
    coverage : bool
        Add the ``coverage`` document: each radar's detection coverage against an RV at
        ``coverage_altitude_m`` (meters), see :mod:`goldendome.web.czml_coverage`.

    Raises
    ------
    CzmlError
        If the folder cannot be read, lacks a table the globe needs, or has no such trial.
    """
    from goldendome.results.reader import RunFolderError
    from goldendome.web.trial import TrialError

    try:
        run = open_run(run_folder)
        missing = [
            t
            for t in ("satellites", "satellite_positions", "objects", "trajectories", "trials")
            if not run.has(t)
        ]
        if missing:
            raise CzmlError(
                f"{run.path}: has no table {', '.join(missing)}; the globe needs it. Run the "
                "scenario again with this goldendome (its text is in the manifest)."
            )
        clock = _clock(run)
        story = trial_story(run, trial)
        documents = {
            "satellites": satellite_packets(run, clock, story),
            "raid": raid_packets(run, clock, story),
            "interceptors": shot_packets(run, clock, story),
            "events": event_packets(run, clock, story),
            "sites": site_packets(run, clock),
        }
        if coverage:
            documents[COVERAGE] = [
                *coverage_packets(run, clock, coverage_altitude_m),
                *footprint_packets(run, clock),
            ]
    except (RunFolderError, TrialError, CoverageError) as exc:
        raise CzmlError(str(exc)) from None
    first_launch = min((float(t) for t in run.columns("threats")["launch_time_s"]), default=0.0)
    for layer, packets in documents.items():
        title = layer_title(layer, coverage_altitude_m)
        document = clock.document(f"goldendome {run.path.name}: {title}", first_launch)
        documents[layer] = [document, *packets]
    counts = {layer: len(packets) - 1 for layer, packets in documents.items()}
    counts["shots"] = int(story.shots["shot"].size)
    counts["kills"] = int(story.shots["kill"].sum())
    counts["leaks"] = len(story.leaks)
    return CzmlExport(
        run.path.name, story.trial, documents, _events(clock, story, documents), counts
    )


def write_czml(
    run_folder: str | Path,
    out_dir: str | Path,
    trial: int | None = None,
    coverage: bool = False,
    coverage_altitude_m: float = DEFAULT_ALTITUDE_M,
) -> list[Path]:
    """Write one ``<layer>.czml`` per layer into ``out_dir`` (made if missing).

    Returns
    -------
    list of Path
        The files written, in :data:`LAYERS` order (``coverage.czml`` last when asked for).
    """
    export = export_czml(run_folder, trial, coverage, coverage_altitude_m)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for layer in export.documents:
        path = out / f"{layer}.czml"
        path.write_text(export.text(layer), "utf-8")
        written.append(path)
    return written
