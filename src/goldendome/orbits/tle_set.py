"""A TLE constellation and SGP4 positions of TLE satellites.

Mean elements are read through the ``sgp4`` package (Vallado's reference implementation),
then moved to the scenario epoch at the J2 secular rates of :mod:`goldendome.orbits.analytic`.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

import numpy as np
from sgp4.api import SGP4_ERRORS, Satrec, SatrecArray  # type: ignore[import-untyped]

from goldendome.orbits.analytic import elements_at
from goldendome.orbits.base import SatelliteRole
from goldendome.orbits.tle import parse_tle_lines
from goldendome.physics._types import ArrayLike, FloatArray
from goldendome.physics.constants import MU_EARTH_M3_S2, SECONDS_PER_DAY
from goldendome.physics.earth_rotation import julian_date_utc
from goldendome.physics.elements import OrbitalElements


def _checked_satrecs(lines: Sequence[tuple[str, str]]) -> list[Any]:
    if not lines:
        raise ValueError("A TLE set needs at least one satellite (a pair of lines); got none.")
    parse_tle_lines([text for pair in lines for text in pair])
    return [Satrec.twoline2rv(line1, line2) for line1, line2 in lines]


@dataclass(frozen=True)
class TleSet:
    """Satellites given by their TLEs; ``lines`` holds one ``(line1, line2)`` pair each."""

    name: str
    role: SatelliteRole
    lines: tuple[tuple[str, str], ...]

    def __post_init__(self) -> None:
        _checked_satrecs(self.lines)

    @staticmethod
    def from_text(name: str, role: SatelliteRole, text: str) -> "TleSet":
        """A TLE set from TLE text (see :func:`parse_tle_lines`)."""
        return TleSet(name, role, tuple((l1, l2) for _, l1, l2 in parse_tle_lines(text)))

    @property
    def n_satellites(self) -> int:
        """Number of satellites (one per element set)."""
        return len(self.lines)

    def initial_elements(self, epoch_utc: datetime) -> OrbitalElements:
        """Mean elements moved from each TLE's epoch to ``epoch_utc`` at the J2 secular rates.

        The semi-major axis comes from SGP4's un-Kozai'd (Brouwer) mean motion with
        goldendome's Earth gravitational parameter, so the orbital period is SGP4's.

        Returns
        -------
        OrbitalElements
            ``(n_satellites,)`` arrays, TEME (goldendome's ECI of date).
        """
        jd_epoch = julian_date_utc(epoch_utc)
        parts = []
        for k, sat in enumerate(_checked_satrecs(self.lines)):
            if sat.error:
                raise ValueError(
                    f"SGP4 cannot start satellite #{k + 1} of TLE set '{self.name}': "
                    f"{SGP4_ERRORS[sat.error]}; check its elements."
                )
            parts.append(_elements_at_epoch(sat, jd_epoch))
        names = [f.name for f in fields(OrbitalElements)]
        return OrbitalElements.from_arrays(
            **{k: np.concatenate([getattr(p, k) for p in parts]) for k in names}
        )


def _elements_at_epoch(sat: Any, jd_epoch: float) -> OrbitalElements:
    # a (Earth radii) = (no_unkozai * tumin) ** (-2/3); the compiled Satrec exposes a, not
    # no_unkozai, so the un-Kozai'd mean motion (rad/min) is recovered from it.
    n_rad_s = float(sat.a) ** -1.5 / float(sat.tumin) / 60.0
    at_tle_epoch = OrbitalElements.from_arrays(
        semi_major_axis_m=(MU_EARTH_M3_S2 / n_rad_s**2) ** (1.0 / 3.0),
        eccentricity=sat.ecco,
        inclination_rad=sat.inclo,
        raan_rad=sat.nodeo,
        arg_perigee_rad=sat.argpo,
        mean_anomaly_rad=sat.mo,
    )
    jd_tle = float(sat.jdsatepoch) + float(sat.jdsatepochF)
    return elements_at(at_tle_epoch, (jd_epoch - jd_tle) * SECONDS_PER_DAY)


def propagate_sgp4(
    lines: Sequence[tuple[str, str]], epoch_utc: datetime, t_s: ArrayLike
) -> tuple[FloatArray, np.ndarray[tuple[int, int], np.dtype[np.uint8]]]:
    """SGP4 positions of TLE satellites at common times (vectorized ``SatrecArray``).

    Parameters
    ----------
    lines : sequence of (line1, line2)
        ``n_sat`` element sets, checked with :func:`parse_tle_lines`.
    epoch_utc : datetime
        The scenario epoch (naive datetimes are taken as UTC).
    t_s : (n_t,) float64, seconds since the epoch

    Returns
    -------
    r_teme_m : (n_sat, n_t, 3) float64, meters, TEME
        NaN wherever SGP4 reports an error.
    error : (n_sat, n_t) uint8
        SGP4 error codes, 0 for success (meanings in ``sgp4.api.SGP4_ERRORS``).
    """
    times = np.atleast_1d(np.asarray(t_s, dtype=np.float64))
    array = SatrecArray(_checked_satrecs(lines))
    jd_epoch = julian_date_utc(epoch_utc)
    jd_midnight = math.floor(jd_epoch - 0.5) + 0.5  # keeps the fraction small and precise
    fraction = (jd_epoch - jd_midnight) + times / SECONDS_PER_DAY
    error, r_km, _ = array.sgp4(np.full_like(fraction, jd_midnight), fraction)
    r_m = np.asarray(r_km, dtype=np.float64) * 1_000.0
    codes = np.asarray(error, dtype=np.uint8)
    r_m[codes != 0] = np.nan
    return r_m, codes
