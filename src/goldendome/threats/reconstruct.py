"""Reconstruct a reported lofted test flight from its apogee and range.

The analysts' method (e.g. D. Wright's analyses of North Korean tests): keep the class's
stages, and adjust the trajectory's loft (the kick angle) and the payload until the flight
reaches the reported apogee and lands at the reported range. The flight time then follows
from physics; a reported time that differs by more than :data:`FLAG_FRACTION` is flagged,
never fitted. The same missile's maximum range on a minimum-energy trajectory follows too.
"""

import dataclasses
import math
from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import FloatArray
from goldendome.physics.roots import solve_bracketed
from goldendome.threats.ballistic import FlightPhysics, Launches
from goldendome.threats.classes import BallisticClass
from goldendome.threats.flight import APOGEE, BURNOUT, fly
from goldendome.threats.shaping import (
    KICK_MAX_RAD,
    KICK_MIN_RAD,
    KICK_TOL_RAD,
    minimum_energy_kick,
    with_values,
)

#: A reported flight time further than this fraction from the reconstruction is flagged.
FLAG_FRACTION = 0.03
#: Payload search range, as fractions of the class's nominal payload, and its grid size.
PAYLOAD_RANGE = (0.05, 4.0)
PAYLOAD_GRID = 16
#: Kicks scanned to find where downrange stops growing.
KICK_SCAN = 181


def _monotone_kick_limit(launch: Launches, theta0_rad: float, physics: FlightPhysics) -> float:
    """The kick of the first maximum of downrange for one launch, from a scan: below it,
    downrange increases with the kick (beyond, flights wrap round the Earth or crash)."""
    kicks = np.linspace(KICK_MIN_RAD, KICK_MAX_RAD, KICK_SCAN)
    scan = with_values(launch.repeat(KICK_SCAN), kick_rad=kicks)
    reach = fly(scan, theta0_rad=theta0_rad, physics=physics).downrange_m(scan.azimuth_rad)
    reach = np.where(np.isfinite(reach), reach, -1e30)
    drops = np.flatnonzero(np.diff(reach) < 0)
    return float(kicks[drops[0]] if drops.size else kicks[-1])


@dataclass(frozen=True)
class Reconstruction:
    """A lofted test reconstructed from its apogee and range."""

    missile: str
    apogee_km: float
    range_km: float
    payload_kg: float
    kick_deg: float
    flight_time_s: float
    burnout_time_s: float
    burnout_speed_km_s: float
    burnout_altitude_km: float
    max_range_nominal_payload_km: float
    max_range_fitted_payload_km: float
    max_range_nominal_non_rotating_km: float
    reported_flight_time_s: float | None
    residual_s: float | None
    residual_fraction: float | None
    flagged: bool

    @property
    def verdict(self) -> str:
        """A sentence on the reported time, if one was given."""
        if self.reported_flight_time_s is None or self.residual_fraction is None:
            return "no reported flight time given"
        pct = 100.0 * self.residual_fraction
        if self.flagged:
            return (
                f"reported time {self.reported_flight_time_s:.0f} s differs from physics by "
                f"{pct:+.1f}% (more than {100 * FLAG_FRACTION:.0f}%): check the report"
            )
        return f"reported time agrees with physics within {abs(pct):.1f}%"


def reconstruct(
    missile: BallisticClass,
    apogee_m: float,
    range_m: float,
    *,
    lat_rad: float,
    lon_rad: float,
    azimuth_rad: float,
    reported_flight_time_s: float | None = None,
    theta0_rad: float = 0.0,
    physics: FlightPhysics = FlightPhysics(),
) -> Reconstruction:
    """Fit loft and payload to a reported apogee and range, and report what follows.

    Raises
    ------
    ValueError
        If no payload within :data:`PAYLOAD_RANGE` of the nominal reaches the apogee and
        range (the class is too weak or too strong for the report).
    """
    base = Launches.of([missile], [lat_rad], lon_rad, azimuth_rad, KICK_MIN_RAD)
    nominal = missile.payload_kg
    grid = np.geomspace(PAYLOAD_RANGE[0], PAYLOAD_RANGE[1], PAYLOAD_GRID) * nominal
    batch = Launches.of(
        [missile], np.full(PAYLOAD_GRID, lat_rad), lon_rad, azimuth_rad, KICK_MIN_RAD
    )
    # Downrange grows with the kick from nearly vertical up to its first maximum.
    k_top = _monotone_kick_limit(with_values(base, payload_kg=grid[0]), theta0_rad, physics)

    def kick_for_range(launches: Launches) -> FloatArray:
        def reach(k: FloatArray) -> FloatArray:
            f = fly(with_values(launches, kick_rad=k), theta0_rad=theta0_rad, physics=physics)
            return f.downrange_m(launches.azimuth_rad)

        n = len(launches)
        return solve_bracketed(
            reach,
            np.full(n, KICK_MIN_RAD),
            np.full(n, k_top),
            np.full(n, range_m),
            x_tol=KICK_TOL_RAD,
        )

    def apogee_for(p: FloatArray) -> FloatArray:
        launches = with_values(batch if p.shape[0] == PAYLOAD_GRID else base, payload_kg=p)
        f = fly(
            with_values(launches, kick_rad=kick_for_range(launches)),
            theta0_rad=theta0_rad,
            physics=physics,
        )
        return f.altitude_at_m(APOGEE)

    # Heavier payloads reach the range on a flatter, lower arc: bracket the apogee on a grid.
    apogees = apogee_for(grid)
    above = np.flatnonzero(
        np.isfinite(apogees[:-1]) & (apogees[:-1] >= apogee_m) & (apogees[1:] < apogee_m)
    )
    if above.size == 0:
        raise ValueError(
            f"{missile.name} cannot fly a {apogee_m / 1e3:,.0f} km apogee to a "
            f"{range_m / 1e3:,.0f} km range with any payload from {grid[0]:,.0f} to "
            f"{grid[-1]:,.0f} kg; the class does not fit this report."
        )
    i = int(above[0])
    payload = solve_bracketed(apogee_for, [grid[i]], [grid[i + 1]], [apogee_m], x_tol=1e-2)
    launches = with_values(base, payload_kg=payload)
    kick = kick_for_range(launches)
    fit = fly(with_values(launches, kick_rad=kick), theta0_rad=theta0_rad, physics=physics)
    max_nominal = minimum_energy_kick(with_values(base, payload_kg=nominal), theta0_rad, physics)[1]
    max_fitted = minimum_energy_kick(with_values(base, payload_kg=payload), theta0_rad, physics)[1]
    still = dataclasses.replace(physics, rotating_earth=False)
    max_still = minimum_energy_kick(with_values(base, payload_kg=nominal), theta0_rad, still)[1]
    t_fit = float(fit.flight_time_s()[0])
    residual = None if reported_flight_time_s is None else reported_flight_time_s - t_fit
    fraction = None if residual is None else residual / t_fit
    return Reconstruction(
        missile=missile.name,
        apogee_km=float(fit.altitude_at_m(APOGEE)[0]) / 1e3,
        range_km=float(fit.downrange_m(base.azimuth_rad)[0]) / 1e3,
        payload_kg=float(payload[0]),
        kick_deg=math.degrees(float(kick[0])),
        flight_time_s=t_fit,
        burnout_time_s=float(fit.event_t_s[0, BURNOUT]),
        burnout_speed_km_s=float(fit.speed_at_m_s(BURNOUT)[0]) / 1e3,
        burnout_altitude_km=float(fit.altitude_at_m(BURNOUT)[0]) / 1e3,
        max_range_nominal_payload_km=float(max_nominal[0]) / 1e3,
        max_range_fitted_payload_km=float(max_fitted[0]) / 1e3,
        max_range_nominal_non_rotating_km=float(max_still[0]) / 1e3,
        reported_flight_time_s=reported_flight_time_s,
        residual_s=residual,
        residual_fraction=fraction,
        flagged=fraction is not None and abs(fraction) > FLAG_FRACTION,
    )


__all__ = ["FLAG_FRACTION", "Reconstruction", "reconstruct"]
