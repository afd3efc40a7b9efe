"""Fly batches of ballistic missiles from launch to impact: arrays in, arrays and events out."""

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray, IntArray
from goldendome.physics.constants import J2_EARTH, OMEGA_EARTH_RAD_S
from goldendome.threats import _flight_kernel as kernel
from goldendome.threats.classes import BallisticClass

#: Vertical rise before the pitch-over, s (goldendome assumption; clears the launch site).
VERTICAL_RISE_S = 10.0
#: Duration of the pitch-over ("kick") before the gravity turn, s (goldendome assumption).
KICK_DURATION_S = 10.0


@dataclass(frozen=True)
class FlightPhysics:
    """What the flight model includes; the textbook checks switch pieces off.

    Attributes
    ----------
    rotating_earth : bool
        Launch with the Earth's rotation and drag relative to the turning atmosphere.
    j2 : bool
        Oblate gravity (J2) rather than a point mass.
    drag : bool
        Atmospheric drag (US76).
    sphere_radius_m : float
        0 for the WGS-84 ellipsoid; a positive radius for a spherical Earth.
    """

    rotating_earth: bool = True
    j2: bool = True
    drag: bool = True
    sphere_radius_m: float = 0.0

    def env(self) -> FloatArray:
        """The kernel's environment vector."""
        return np.array(
            [
                OMEGA_EARTH_RAD_S if self.rotating_earth else 0.0,
                J2_EARTH if self.j2 else 0.0,
                self.sphere_radius_m,
                1.0 if self.drag else 0.0,
            ]
        )


VACUUM_NON_ROTATING_SPHERE = FlightPhysics(False, False, False, 6_371_000.0)


@dataclass(frozen=True)
class StepSizes:
    """Integration steps per phase, seconds (RK4 error < 10 m at impact with the defaults)."""

    boost_s: float = 1.0
    coast_s: float = 10.0
    reentry_s: float = 0.2
    max_flight_s: float = 4 * 3600.0


@dataclass(frozen=True)
class Launches:
    """``n`` missile launches: where, when, which way, and the rocket each one flies.

    Every array has a leading ``(n,)`` axis; stage arrays are ``(n, MAX_STAGES)``.
    """

    lat_rad: FloatArray
    lon_rad: FloatArray
    height_m: FloatArray
    t_launch_s: FloatArray
    azimuth_rad: FloatArray
    kick_rad: FloatArray
    cutoff_s: FloatArray
    payload_kg: FloatArray
    stage_thrust_n: FloatArray
    stage_mdot_kg_s: FloatArray
    stage_burn_s: FloatArray
    stage_dry_kg: FloatArray
    n_stages: IntArray
    drag_area_cd_m2: FloatArray
    beta_kg_m2: FloatArray
    classes: tuple[str, ...] = field(default=())

    def __len__(self) -> int:
        return int(self.lat_rad.shape[0])

    def _arrays(self) -> dict[str, np.ndarray]:
        return {
            f.name: getattr(self, f.name)
            for f in dataclasses.fields(self)
            if isinstance(getattr(self, f.name), np.ndarray)
        }

    def take(self, idx: ArrayLike) -> "Launches":
        """The launches at integer positions ``idx`` (in that order, repeats allowed)."""
        index = np.asarray(idx, dtype=np.int64)
        arrays: dict[str, Any] = {k: v[index] for k, v in self._arrays().items()}
        return dataclasses.replace(self, classes=tuple(self.classes[i] for i in index), **arrays)

    def repeat(self, count: int) -> "Launches":
        """Each launch ``count`` times in a row (for scanning one launch's parameters)."""
        return self.take(np.repeat(np.arange(len(self)), count))

    def put(self, idx: ArrayLike, part: "Launches") -> "Launches":
        """A copy with the launches at positions ``idx`` replaced by ``part``'s."""
        arrays: dict[str, Any] = {}
        for name, value in self._arrays().items():
            arrays[name] = value.copy()
            arrays[name][np.asarray(idx, dtype=np.int64)] = getattr(part, name)
        return dataclasses.replace(self, **arrays)

    @staticmethod
    def of(
        classes: Sequence[BallisticClass],
        lat_rad: ArrayLike,
        lon_rad: ArrayLike,
        azimuth_rad: ArrayLike,
        kick_rad: ArrayLike,
        *,
        height_m: ArrayLike = 0.0,
        t_launch_s: ArrayLike = 0.0,
        cutoff_s: ArrayLike = math.inf,
        payload_kg: ArrayLike | None = None,
    ) -> "Launches":
        """Launches of the given classes (one per missile, or one class for all).

        Parameters
        ----------
        classes : sequence of BallisticClass
            Length n, or length 1 to use one class for every launch.
        lat_rad, lon_rad : (n,) float64, radians
            Geodetic launch points.
        azimuth_rad : (n,) float64, radians clockwise from north
            Launch heading.
        kick_rad : (n,) float64, radians
            Pitch-over angle from the vertical (shapes the trajectory).
        height_m, t_launch_s, cutoff_s : (n,) float64
            Launch height, launch time on the scenario clock, and thrust termination time
            after launch (inf for a full burn).
        payload_kg : (n,) float64, optional
            Payload mass; each class's nominal payload when omitted.
        """
        lat = np.atleast_1d(np.asarray(lat_rad, np.float64))
        n = lat.shape[0]
        if len(classes) not in (1, n):
            raise ValueError(f"Expected 1 or {n} missile classes; got {len(classes)}.")
        per = [classes[0]] * n if len(classes) == 1 else list(classes)
        shape = (n, kernel.MAX_STAGES)
        thrust, mdot, burn, dry = (np.zeros(shape) for _ in range(4))
        for i, c in enumerate(per):
            if len(c.stages) > kernel.MAX_STAGES:
                raise ValueError(
                    f"{c.name} has {len(c.stages)} stages; at most {kernel.MAX_STAGES}."
                )
            for k, s in enumerate(c.stages):
                thrust[i, k], mdot[i, k] = s.thrust_n, s.mass_flow_kg_s
                burn[i, k], dry[i, k] = s.burn_time_s, s.dry_mass_kg

        def full(x: ArrayLike) -> FloatArray:
            return np.broadcast_to(np.asarray(x, np.float64), (n,)).copy()

        payload = full([c.payload_kg for c in per] if payload_kg is None else payload_kg)
        return Launches(
            lat_rad=lat,
            lon_rad=full(lon_rad),
            height_m=full(height_m),
            t_launch_s=full(t_launch_s),
            azimuth_rad=full(azimuth_rad),
            kick_rad=full(kick_rad),
            cutoff_s=full(cutoff_s),
            payload_kg=payload,
            stage_thrust_n=thrust,
            stage_mdot_kg_s=mdot,
            stage_burn_s=burn,
            stage_dry_kg=dry,
            n_stages=np.array([len(c.stages) for c in per], dtype=np.int64),
            drag_area_cd_m2=full([c.drag_area_cd_m2 for c in per]),
            beta_kg_m2=full([c.rv_ballistic_coefficient_kg_m2 for c in per]),
            classes=tuple(c.name for c in per),
        )
