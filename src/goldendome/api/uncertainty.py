"""What a scenario leaves uncertain: its ranges, and discrimination's calls on one object."""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from goldendome.scenario import ScenarioSpec


def scenario_ranges(spec: "ScenarioSpec") -> list[dict[str, Any]]:
    """Every parameter ``spec`` gives as a range, in the order the trials draw them.

    Returns
    -------
    list of dict
        ``parameter`` (its scenario path), ``distribution`` (the model's description:
        ``Uniform(low=..., high=...)``, ``Triangular(...)`` or ``HitRecord(hits=...,
        tests=...)``) and ``mean`` (what the battle manager plans with).
    """
    from goldendome.run.ranges import range_index

    out = []
    for p in range_index(spec).ranges:
        d = p.distribution
        out.append({"parameter": p.name, "distribution": repr(d), "mean": float(d.mean)})
    return out


def discrimination_calls(
    spec: "ScenarioSpec",
    looks: dict[str, int],
    *,
    kind: str = "rv",
    decoy_type: str = "balloon",
) -> dict[str, Any]:
    """What discrimination may call one object after ``looks``, and what the battle manager
    of ``spec`` (its ``[discrimination]`` and ``[doctrine]``) does about each call.

    Parameters
    ----------
    spec : ScenarioSpec
    looks : dict of str to int
        Looks by sensor class (``ir_tracking``, ``radar_x_band``, ``radar_low_band``,
        ``ir_warning``); a class not named made none.
    kind : {"rv", "decoy"}
        What the object is in truth.
    decoy_type : str
        The type of its missile's decoys (``data/discrimination.toml``).

    Returns
    -------
    dict
        ``p_called`` (chance of each call: ``decoy``, ``unknown``, ``warhead``),
        ``warhead_if_called`` (the battle manager's chance it is a warhead, per call) and
        ``engaged_if_called`` (per call).
    """
    import numpy as np

    from goldendome.engagement.discrimination_call import object_calls
    from goldendome.physics.kinds import ObjectKind
    from goldendome.sensors.decoys import CALLS
    from goldendome.sensors.labels import LOOK_CLASSES

    model = spec.discrimination.model()
    unknown = sorted(set(looks) - set(LOOK_CLASSES))
    negative = sorted(c for c, n in looks.items() if n < 0)
    if unknown or negative or kind not in ("rv", "decoy") or decoy_type not in model.decoy_types:
        raise ValueError(
            f"looks name the classes {', '.join(LOOK_CLASSES)} with counts of 0 or more, kind "
            f"is 'rv' or 'decoy' and decoy_type one of {', '.join(model.decoy_types)} (given: "
            f"unknown classes {', '.join(unknown) or 'none'}, negative counts "
            f"{', '.join(negative) or 'none'}, kind '{kind}', decoy_type '{decoy_type}')."
        )
    row = np.array([[looks.get(c, 0) for c in LOOK_CLASSES]], np.int64)
    code = ObjectKind.RV if kind == "rv" else ObjectKind.DECOY
    d = spec.doctrine
    calls = object_calls(
        row, np.array([code], np.int64), [decoy_type], model,
        d.warhead_prior, d.warhead_threshold, d.assumed_decoy_type,
    )  # fmt: skip
    return {
        "p_called": dict(zip(CALLS, calls.p_calls[0].tolist(), strict=True)),
        "warhead_if_called": dict(zip(CALLS, calls.posterior[0].tolist(), strict=True)),
        "engaged_if_called": dict(zip(CALLS, calls.engage[0].tolist(), strict=True)),
    }
