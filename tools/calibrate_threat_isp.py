"""Calibrate the estimated specific impulses of catalog classes to their published ranges.

Stage-level data of foreign missiles are not public; the catalog's Isp values are estimates.
For each ballistic class with a ``range_km`` (its published maximum range at the nominal
payload), this script finds the one factor on all its stages' Isp for which the flown model
(J2, drag, non-rotating Earth, minimum-energy kick, nominal payload) reaches that range, and
prints the calibrated values. The catalog records them with this provenance; the test
``tests/threats/test_catalog.py`` checks the flown ranges against ``range_km``.

Run: ``python tools/calibrate_threat_isp.py``
"""

import dataclasses
import math

import numpy as np

from goldendome.physics.roots import solve_bracketed
from goldendome.scenario.catalog import threat_classes
from goldendome.threats.ballistic import FlightPhysics, Launches
from goldendome.threats.shaping import minimum_energy_kick

NON_ROTATING = FlightPhysics(rotating_earth=False)


def scaled(cls, factor):
    stages = tuple(dataclasses.replace(s, isp_vacuum_s=s.isp_vacuum_s * factor) for s in cls.stages)
    return dataclasses.replace(cls, stages=stages)


def main() -> None:
    specs = [s for s in threat_classes().values() if s.type == "ballistic" and s.range_km]
    classes = [s.build_rocket() for s in specs]
    targets = np.array([s.range_km * 1e3 for s in specs])

    def max_range(factors: np.ndarray) -> np.ndarray:
        launches = Launches.of(
            [scaled(c, f) for c, f in zip(classes, factors, strict=True)],
            np.full(len(classes), math.radians(40.0)),
            0.0,
            math.radians(45.0),
            0.02,
        )
        return minimum_energy_kick(launches, physics=NON_ROTATING)[1]

    n = len(classes)
    factors = solve_bracketed(max_range, np.full(n, 0.85), np.full(n, 1.02), targets, x_tol=1e-5)
    for spec, factor in zip(specs, factors, strict=True):
        isp = ", ".join(f"{s.isp_vacuum_s * factor:.1f}" for s in spec.stage)
        print(
            f"{spec.name}: factor {factor:.4f}, isp_vacuum_s = [{isp}] for {spec.range_km:,.0f} km"
        )


if __name__ == "__main__":
    main()
