"""The headline's band over the parameter ranges, and the inputs that move it most.

When a scenario gives parameters as ranges, every trial draws them (the
``trial_parameters`` table), so the Monte Carlo's P(zero leakers) already averages over
them. Its *band* says how much of that answer hangs on what we do not know: the chance of
zero leakers as a function of the parameters, ``p(theta)``, estimated by a logistic
regression of each trial's outcome (zero leakers or not) on its standardized draws, and
reported as the 10th and 90th percentiles of ``p(theta)`` over the trials' draws. Expected
leakers get the same treatment with a linear regression. The *drivers* are a tornado:
each input moved from its 10th to its 90th percentile with the others at their means.

The regression is a first-order surrogate of the kill chain (monotone in each input, no
interactions): enough to rank the inputs and size the band, not a substitute for running a
point of interest. Written by hand (iteratively reweighted least squares with a small ridge
term, about twenty lines) rather than adding a statistics package for one fit.
"""

from typing import Any

import numpy as np

from goldendome.physics._types import FloatArray

#: Ridge penalty on the standardized coefficients (keeps a separable fit finite).
RIDGE = 1e-3
PERCENTILES = (10.0, 90.0)


def _logistic_fit(
    x: FloatArray, y: FloatArray, iterations: int = 50
) -> tuple[FloatArray, FloatArray]:
    """Coefficients (intercept first) of ``P(y=1) = 1 / (1 + exp(-X b))`` by IRLS, and
    their covariance (the inverse of the penalized information matrix)."""
    design = np.column_stack([np.ones(len(x)), x])
    beta = np.zeros(design.shape[1])
    penalty = RIDGE * len(x) * np.eye(design.shape[1])
    penalty[0, 0] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-design @ beta))
        w = np.clip(p * (1.0 - p), 1e-9, None)
        gradient = design.T @ (y - p) - penalty @ beta
        hessian = design.T @ (design * w[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        beta = beta + step
        if np.max(np.abs(step)) < 1e-10:
            break
    p = 1.0 / (1.0 + np.exp(-design @ beta))
    info = design.T @ (design * np.clip(p * (1.0 - p), 1e-9, None)[:, None]) + penalty
    return beta, np.linalg.inv(info)


def _linear_fit(x: FloatArray, y: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Coefficients (intercept first) of a ridge least-squares fit and their covariance."""
    design = np.column_stack([np.ones(len(x)), x])
    penalty = RIDGE * len(x) * np.eye(design.shape[1])
    penalty[0, 0] = 0.0
    inverse = np.linalg.inv(design.T @ design + penalty)
    beta = inverse @ design.T @ y
    dof = max(len(x) - design.shape[1], 1)
    residual = float(np.sum((y - design @ beta) ** 2) / dof)
    return np.asarray(beta, np.float64), np.asarray(residual * inverse, np.float64)


def _band(centre: float, spread: FloatArray, noise: float, link: Any) -> list[float]:
    """10th-90th percentile of ``link(centre + s)`` over the inputs, with the fit's own
    estimation noise taken out: the spread's variance less its noise, as a normal."""
    sd = np.sqrt(max(float(np.var(spread)) - noise, 0.0))
    z = 1.2815515655446004  # the 90th percentile of a standard normal
    return [float(link(centre - z * sd)), float(link(centre + z * sd))]


def _noise(x: FloatArray, cov: FloatArray) -> float:
    """Mean over the trials of the slope part of the fit's variance at each trial's inputs
    (what the spread of the fitted values owes to estimating the slopes)."""
    slopes = cov[1:, 1:]
    return float(np.mean(np.einsum("ij,jk,ik->i", x, slopes, x)))


def parameter_band(
    names: list[str], draws: FloatArray, zero: FloatArray, leakers: FloatArray
) -> dict[str, Any]:
    """The band and the drivers.

    Parameters
    ----------
    names : list of str
        The ranged parameters (scenario paths), ``n_parameter`` of them.
    draws : (n_trial, n_parameter) float64
        Each trial's draws.
    zero : (n_trial,) float64
        1 where the trial had zero leakers, else 0.
    leakers : (n_trial,) float64
        Each trial's leakers.

    Returns
    -------
    dict
        ``p_zero_leakers`` and ``expected_leakers``: ``[P10, P90]`` of the fitted value over
        the draws; ``drivers``: per input (largest swing in P(zero leakers) first) its
        10th and 90th percentile and the fitted values there; ``method``.
    """
    mean, sd = draws.mean(axis=0), draws.std(axis=0)
    sd = np.where(sd > 0.0, sd, 1.0)
    x = (draws - mean) / sd
    (b_zero, cov_zero), (b_leak, cov_leak) = _logistic_fit(x, zero), _linear_fit(x, leakers)
    se_zero = np.sqrt(np.diag(cov_zero))
    design = np.column_stack([np.ones(len(x)), x])
    fitted_zero = 1.0 / (1.0 + np.exp(-design @ b_zero))
    fitted_leak = design @ b_leak
    low, high = np.percentile(draws, PERCENTILES, axis=0)
    drivers: list[dict[str, Any]] = []
    for j, name in enumerate(names):
        at = []
        for value in (low[j], high[j]):
            z = np.zeros(len(names))
            z[j] = (value - mean[j]) / sd[j]
            row = np.concatenate([[1.0], z])
            at.append((float(1.0 / (1.0 + np.exp(-row @ b_zero))), float(row @ b_leak)))
        drivers.append(
            {
                "parameter": name,
                "low": float(low[j]),
                "high": float(high[j]),
                "p_zero_leakers": [at[0][0], at[1][0]],
                "expected_leakers": [at[0][1], at[1][1]],
                # The input's coefficient in the P(zero leakers) fit over its standard error:
                # below about 2 in size, its swing is not told from the trials' noise.
                "z_score": float(b_zero[j + 1] / se_zero[j + 1]),
            }
        )
    drivers.sort(key=lambda d: -abs(d["p_zero_leakers"][1] - d["p_zero_leakers"][0]))

    def sigmoid(v: float) -> float:
        return float(1.0 / (1.0 + np.exp(-v)))

    return {
        "p_zero_leakers": _band(float(b_zero[0]), x @ b_zero[1:], _noise(x, cov_zero), sigmoid),
        "expected_leakers": _band(float(b_leak[0]), x @ b_leak[1:], _noise(x, cov_leak), float),
        # The same percentiles of the fitted values as they come, estimation noise included
        # (wider; at few trials mostly noise).
        "p_zero_leakers_raw": [float(v) for v in np.percentile(fitted_zero, PERCENTILES)],
        "expected_leakers_raw": [float(v) for v in np.percentile(fitted_leak, PERCENTILES)],
        "drivers": drivers,
        "method": "logistic (P(zero leakers)) and linear (leakers) fits on the trials' draws; "
        "band: 10th-90th percentile of the fitted value over the draws, taken as a normal "
        "linear predictor whose variance is the fitted values' less the fit's own estimation "
        "noise (the raw percentiles beside it); drivers: each input at its 10th "
        "and 90th percentile, the others at their means; z_score: its coefficient over its "
        "standard error",
    }


def band_from_tables(trials: dict[str, Any], parameters: dict[str, Any]) -> dict[str, Any] | None:
    """:func:`parameter_band` from the ``trials`` and ``trial_parameters`` columns (None
    without ranges, or with fewer than 20 trials per input)."""
    names = sorted(set(np.asarray(parameters["parameter"]).tolist()))
    trial_ids = np.asarray(trials["trial"], np.int64)
    if not names or trial_ids.size < 20 * (len(names) + 1):
        return None
    order = np.argsort(trial_ids)
    draws = np.full((trial_ids.size, len(names)), np.nan)
    row = np.searchsorted(trial_ids[order], np.asarray(parameters["trial"], np.int64))
    ok = row < trial_ids.size
    col = np.searchsorted(names, np.asarray(parameters["parameter"]))
    draws[order[row[ok]], col[ok]] = np.asarray(parameters["value"], float)[ok]
    keep = np.isfinite(draws).all(axis=1)
    zero = (np.asarray(trials["leakers"], float) == 0).astype(float)
    leakers = np.asarray(trials["leakers"], float)
    return parameter_band(names, draws[keep], zero[keep], leakers[keep])
