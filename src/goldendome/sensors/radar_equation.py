"""The radar equation scaled from a reference point, and detection probabilities.

A radar type is described by a reference: it detects a target of radar cross section
``rcs_ref`` at range ``R_ref`` with probability ``Pd_ref`` at false-alarm probability
``Pfa``. With everything else fixed (power, aperture, dwell, losses), the radar equation
makes the signal-to-noise ratio proportional to ``rcs / R^4`` (M. Skolnik, *Introduction to
Radar Systems*, 3rd ed., McGraw-Hill 2001, ch. 2), so

    SNR = SNR_ref (rcs / rcs_ref) (R_ref / R)^4,

where ``SNR_ref`` is the SNR that gives ``Pd_ref`` at ``Pfa`` under the detection model.

Detection model: Swerling 1 (a target whose cross section fluctuates from look to look with
an exponential distribution, e.g. a complex body tumbling slowly), one look, square-law
detector. Its probability of detection has the closed form

    Pd = Pfa ** (1 / (1 + SNR))

(M. A. Richards, *Fundamentals of Radar Signal Processing*, McGraw-Hill 2005, ch. 6;
Skolnik 2001, sec. 2.8). At Pfa = 1e-6 it needs 12.8 dB for Pd = 0.5 and 21.1 dB for
Pd = 0.9. For a steady (non-fluctuating) target, Albersheim's empirical equation gives the
SNR needed (W. J. Albersheim, "A closed-form approximation to Robertson's detection
characteristics", Proc. IEEE 69(7), 839 (1981); Richards 2005, ch. 6): 13.1 dB for
Pd = 0.9 at Pfa = 1e-6, against the 13.2 dB of Skolnik's detection curves (2001, ch. 2).
"""

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray


def to_db(ratio: ArrayLike) -> FloatArray:
    """Power ratios in decibels: ``10 log10(ratio)``, (...) float64."""
    return np.asarray(10.0 * np.log10(np.asarray(ratio, dtype=np.float64)), dtype=np.float64)


def from_db(db: ArrayLike) -> FloatArray:
    """Power ratios from decibels: ``10 ** (db / 10)``, (...) float64."""
    return np.asarray(10.0 ** (np.asarray(db, dtype=np.float64) / 10.0), dtype=np.float64)


def scaled_snr(
    range_m: ArrayLike,
    rcs_m2: ArrayLike,
    reference_range_m: ArrayLike,
    reference_rcs_m2: ArrayLike,
    reference_snr: ArrayLike,
) -> FloatArray:
    """Signal-to-noise ratio scaled from a reference point with the radar equation.

    Parameters
    ----------
    range_m : (...) float64, meters
        Slant ranges to the targets (> 0).
    rcs_m2 : (...) float64, square meters
        Targets' radar cross sections.
    reference_range_m, reference_rcs_m2 : (...) float64, meters and square meters
        The reference point: a target of ``reference_rcs_m2`` at ``reference_range_m`` has
        SNR ``reference_snr``.
    reference_snr : (...) float64, power ratio (not dB)

    Returns
    -------
    (...) float64, power ratio
        ``reference_snr * (rcs / rcs_ref) * (R_ref / R)^4`` (all inputs broadcast together).
    """
    r = np.asarray(range_m, dtype=np.float64)
    ratio = np.asarray(reference_range_m, dtype=np.float64) / r
    rcs = np.asarray(rcs_m2, dtype=np.float64) / np.asarray(reference_rcs_m2, np.float64)
    snr = np.asarray(reference_snr, dtype=np.float64) * rcs * ratio**4
    return np.asarray(snr, dtype=np.float64)


def swerling1_pd(snr: ArrayLike, pfa: ArrayLike) -> FloatArray:
    """Probability of detecting a Swerling 1 target in one look.

    Parameters
    ----------
    snr : (...) float64, power ratio (not dB)
        Mean signal-to-noise ratio (>= 0).
    pfa : (...) float64
        False-alarm probability, in (0, 1).

    Returns
    -------
    (...) float64
        ``pfa ** (1 / (1 + snr))`` (inputs broadcast together).
    """
    s = np.asarray(snr, dtype=np.float64)
    return np.asarray(np.asarray(pfa, dtype=np.float64) ** (1.0 / (1.0 + s)), dtype=np.float64)


def swerling1_snr(pd: ArrayLike, pfa: ArrayLike) -> FloatArray:
    """Single-look SNR that detects a Swerling 1 target with probability ``pd``.

    Parameters
    ----------
    pd : (...) float64
        Probability of detection, in (pfa, 1).
    pfa : (...) float64
        False-alarm probability, in (0, 1).

    Returns
    -------
    (...) float64, power ratio (not dB)
        ``ln(pfa) / ln(pd) - 1``, the inverse of :func:`swerling1_pd`.
    """
    p = np.asarray(pd, dtype=np.float64)
    return np.asarray(np.log(np.asarray(pfa, dtype=np.float64)) / np.log(p) - 1.0, np.float64)


def albersheim_snr_db(pd: ArrayLike, pfa: ArrayLike, n_looks: ArrayLike = 1) -> FloatArray:
    """SNR per look that detects a steady target, by Albersheim's equation.

    Meant for 1e-7 <= pfa <= 1e-3, 0.1 <= pd <= 0.9 and 1 to 8096 noncoherently integrated
    looks (Albersheim 1981; Richards 2005, ch. 6). For one look at pfa = 1e-6 it is within
    0.1 dB of the exact curve for pd >= 0.3, but 0.9 dB low at pd = 0.1.

    Parameters
    ----------
    pd : (...) float64
        Probability of detection.
    pfa : (...) float64
        False-alarm probability.
    n_looks : (...) int or float64
        Looks integrated noncoherently.

    Returns
    -------
    (...) float64, decibels
    """
    p = np.asarray(pd, dtype=np.float64)
    n = np.asarray(n_looks, dtype=np.float64)
    a = np.log(0.62 / np.asarray(pfa, dtype=np.float64))
    b = np.log(p / (1.0 - p))
    slope = 6.2 + 4.54 / np.sqrt(n + 0.44)
    snr_db = -5.0 * np.log10(n) + slope * np.log10(a + 0.12 * a * b + 1.7 * b)
    return np.asarray(snr_db, dtype=np.float64)
