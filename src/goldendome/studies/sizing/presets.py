"""A published study's sizing question answered beside the figure it published: the answer,
the residual, and what drives it.

The preset (:func:`goldendome.scenario.sizing.sizing_presets`) holds the study's stated inputs
with their sources; the inputs its public accounts do not give are chosen and marked
``goldendome assumption``. Nothing is fitted to the published figure: the residual is shown
with the spread of the geometries searched and the study's unknown inputs.
"""

import dataclasses
from typing import Any

from goldendome.scenario.sizing import SizingPreset, overridden
from goldendome.studies.sizing.search import Candidate, SizingAnswer


def _geometry(c: Candidate) -> str:
    return f"{c.altitude_km:.0f} km, {c.inclination_deg:g} deg, {c.planes} planes"


def _percent(satellites: int, published: int) -> str:
    return f"{100.0 * (satellites - published) / published:+.0f}%"


def geometry_spread(answer: SizingAnswer, published: int) -> str:
    """A sentence on how far the geometries searched spread around the published figure."""
    met = [c for c in answer.candidates if c.satellites is not None]
    cut = sum(c.status == "cut short" for c in answer.candidates)
    if not met:
        return f"No geometry searched meets the question ({cut} cut short)."
    low = min(met, key=lambda c: c.satellites or 0)
    high = max(met, key=lambda c: c.satellites or 0)
    assert low.satellites is not None
    assert high.satellites is not None
    searched = len(answer.candidates)
    if len(met) == 1:
        return (
            f"Of {searched} geometr{'y' if searched == 1 else 'ies'} searched, one meets the "
            f"question ({_geometry(low)}); {cut} cut short."
        )
    return (
        f"Of {searched} geometries searched, {len(met)} meet the question, from "
        f"{low.satellites:,} SBIs ({_geometry(low)}; {_percent(low.satellites, published)}) "
        f"to {high.satellites:,} ({_geometry(high)}; {_percent(high.satellites, published)}); "
        f"{cut} cut short."
    )


def compare(
    preset: SizingPreset, answer: SizingAnswer, values: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The preset's answer beside its published figure, as plain data.

    Parameters
    ----------
    preset : SizingPreset
    answer : SizingAnswer
        The answer to the preset's question with ``values`` put over it.
    values : dict, optional
        The user's values (file units) that changed the preset's question, if any.

    Returns
    -------
    dict
        ``name``, ``label``, the published figure (``published_satellites``, ``_claim``,
        ``_source``), ``satellites`` (ours; ``None`` when nothing searched meets the
        question), ``residual_satellites`` (ours minus published), ``residual_percent``,
        ``ratio``, ``drives`` (a sentence), ``inputs`` (each with its value, source and
        whether goldendome chose it), ``assumed_inputs``, and ``changed_inputs`` (the
        user's changes: the answer then no longer answers the study's question as stated).
    """
    ours = None if answer.best is None else answer.best.satellites
    published = preset.published_satellites
    residual = None if ours is None else ours - published
    changed = overridden(preset, values)
    spread = geometry_spread(answer, published)
    drives = f"{spread} {preset.drivers}"
    if changed:
        drives += f" Changed from the study's question: {', '.join(changed)}."
    return {
        "name": preset.name,
        "label": preset.label,
        "published_satellites": published,
        "published_claim": preset.published_claim,
        "published_source": preset.published_source,
        "satellites": ours,
        "residual_satellites": residual,
        "residual_percent": None if residual is None else 100.0 * residual / published,
        "ratio": None if ours is None else ours / published,
        "drives": drives,
        "inputs": [
            {
                "input": key,
                "value": value,
                "source": preset.sources[key],
                "assumed": key in preset.assumed,
            }
            for key, value in preset.inputs.items()
        ],
        "assumed_inputs": preset.assumed,
        "changed_inputs": changed,
    }


def with_published(
    preset: SizingPreset, answer: SizingAnswer, values: dict[str, Any] | None = None
) -> SizingAnswer:
    """``answer`` with its :func:`compare` against ``preset`` in ``answer.preset``."""
    return dataclasses.replace(answer, preset=compare(preset, answer, values))
