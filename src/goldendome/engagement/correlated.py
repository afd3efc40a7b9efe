"""Correlated shot outcomes: the analytic tier when one type's shots fail together.

Shots of one interceptor type share more than their design: a flaw in the kill vehicle, a
fault in the fire-control chain or a sensor that misleads every shot of an engagement makes
their outcomes move together. The model here (the beta-binomial of reliability analysis) gives
each type, in each raid, a kill probability ``P`` drawn from a beta distribution with the
type's single-shot kill probability ``p`` as its mean; given ``P`` the shots are independent.
Two shots of the type then both kill with probability ``E[P^2]``, and the correlation between
their outcomes (0 for a miss, 1 for a kill) is

    rho = Var(P) / (p (1 - p)) = 1 / (alpha + beta + 1),

so ``alpha = p (1 / rho - 1)`` and ``beta = (1 - p) (1 / rho - 1)``. ``rho = 0`` is today's
independent shots; ``rho = 1`` makes ``P`` 1 with probability ``p`` and 0 otherwise: every
shot of the type in the raid kills, or none does.

With ``P_l`` drawn independently for each layer ``l`` and the layer's survival ``L_l(P_l)``
(:meth:`goldendome.engagement.leakage.Layer.survival_at`), ``N`` warheads give

    P(zero leakers) = E[(1 - prod_l L_l(P_l)) ** N],    E[leakers] = N prod_l E[L_l(P_l)].

The expectations are taken by Gauss-Jacobi quadrature (the beta density is a Jacobi weight):
exact for polynomials of degree up to ``2 n - 1`` in each ``P_l`` (``n`` nodes per layer:
96 for one layer, 64 for two, 24 for three, 10 beyond), and ``(1 - prod L) ** N`` is a
polynomial in them of degree ``N`` times the layer's shots, so large raids through several
layers are approximated (within 1-2 standard errors of 2 million sampled raids up to
``N = 1000`` in review). For a weak correlation (below about 0.002) the narrow beta is taken
as a normal with its mean and variance (Gauss-Hermite nodes). The shared ``P`` is what
makes the raid's warheads fail together; the mean survival of one warhead is unchanged by
``rho`` for one shot, and grows with it when a layer fires several.
"""

import math
from dataclasses import dataclass, field

import numpy as np
from numpy.polynomial.hermite_e import hermegauss
from scipy.special import roots_jacobi

from goldendome.engagement.leakage import Layer
from goldendome.physics._types import FloatArray

#: Above this ``alpha + beta`` (a correlation below about 0.002) SciPy's Jacobi weights
#: overflow; the narrow beta is then taken as a normal.
_JACOBI_LIMIT = 500.0
#: Quadrature nodes per layer, by the number of layers (the grid is their product).
_NODES = {1: 96, 2: 64, 3: 24}
_NODES_MANY = 10


def beta_parameters(mean: float, rho: float) -> tuple[float, float]:
    """``(alpha, beta)`` of the beta distribution with ``mean`` whose draws give two shots an
    outcome correlation ``rho`` (both in (0, 1)).

    Raises
    ------
    ValueError
        Outside those ranges.
    """
    if not (0.0 < mean < 1.0 and 0.0 < rho < 1.0):
        raise ValueError(
            f"a beta kill probability needs a mean in (0, 1) and a correlation in (0, 1); got "
            f"mean {mean:g} and correlation {rho:g}."
        )
    total = 1.0 / rho - 1.0
    return mean * total, (1.0 - mean) * total


def kill_probability_nodes(mean: float, rho: float, n: int) -> tuple[FloatArray, FloatArray]:
    """Points and weights that average a function of the raid's kill probability ``P``.

    Parameters
    ----------
    mean : float
        The type's single-shot kill probability (the mean of ``P``), in [0, 1].
    rho : float
        Correlation of two shots' outcomes, in [0, 1].
    n : int
        Quadrature nodes (for ``0 < rho < 1`` and ``0 < mean < 1``).

    Returns
    -------
    p : (m,) float64
        Kill probabilities.
    w : (m,) float64
        Weights summing to 1: ``E[f(P)] = sum(w * f(p))``.
    """
    if rho == 0.0 or mean in (0.0, 1.0):
        return np.array([mean]), np.array([1.0])
    if rho == 1.0:
        return np.array([0.0, 1.0]), np.array([1.0 - mean, mean])
    alpha, beta = beta_parameters(mean, rho)
    if alpha + beta <= _JACOBI_LIMIT:
        with np.errstate(divide="ignore", invalid="ignore"):  # scipy's 0/0 at a + b = -1
            x, w = roots_jacobi(n, beta - 1.0, alpha - 1.0)  # (1 - x)^(b-1) (1 + x)^(a-1)
        if np.isfinite(w).all() and w.sum() > 0:
            return (1.0 + x) / 2.0, w / w.sum()
    # A weak correlation: the beta is narrow and near normal, and SciPy's Jacobi weights
    # overflow; Gauss-Hermite nodes of the normal with the beta's mean and variance.
    sd = math.sqrt(mean * (1.0 - mean) * rho)
    z, w = hermegauss(n)
    return np.clip(mean + sd * z, 0.0, 1.0), w / w.sum()


@dataclass(frozen=True)
class CorrelatedLeakage:
    """The analytic tier with correlated shots of each layer's type.

    Attributes
    ----------
    layers : tuple of Layer
    warheads : int
    correlation : tuple of float
        Per layer, the correlation of two shots' outcomes (0: independent), in [0, 1].
    """

    layers: tuple[Layer, ...]
    warheads: int
    correlation: tuple[float, ...]
    _nodes: list[tuple[FloatArray, FloatArray]] = field(init=False, repr=False)
    _grid: tuple[FloatArray, FloatArray] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.warheads < 0:
            raise ValueError(f"warheads = {self.warheads}: give zero or more warheads.")
        if len(self.correlation) != len(self.layers):
            raise ValueError(
                f"{len(self.layers)} layers and {len(self.correlation)} correlations: give one "
                "correlation per layer (or one for all)."
            )
        for layer, rho in zip(self.layers, self.correlation, strict=True):
            if not 0.0 <= rho <= 1.0:
                raise ValueError(
                    f"{layer.name}.correlation = {rho:g}: a correlation of shot outcomes lies "
                    "in [0, 1]."
                )
        n = _NODES.get(len(self.layers), _NODES_MANY)
        per = [
            kill_probability_nodes(layer.sspk, rho, n)
            for layer, rho in zip(self.layers, self.correlation, strict=True)
        ]
        object.__setattr__(self, "_nodes", per)
        survive = np.ones(1)
        weight = np.ones(1)
        for layer, (p, w) in zip(self.layers, per, strict=True):
            survive = np.multiply.outer(survive, layer.survival_at(p)).ravel()
            weight = np.multiply.outer(weight, w).ravel()
        object.__setattr__(self, "_grid", (survive, weight))

    @property
    def p_zero_leakers(self) -> float:
        """Probability that no warhead of the raid gets through."""
        survive, weight = self._grid
        return float(np.sum(weight * (1.0 - survive) ** self.warheads))

    @property
    def p_leak(self) -> float:
        """Probability that one given warhead gets through (the mean over the raids)."""
        survive, weight = self._grid
        return float(np.sum(weight * survive))

    @property
    def expected_leakers(self) -> float:
        return self.warheads * self.p_leak

    def layer_survival(self) -> tuple[float, ...]:
        """Each layer's mean survival probability of one warhead."""
        return tuple(
            float(np.sum(w * layer.survival_at(p)))
            for layer, (p, w) in zip(self.layers, self._nodes, strict=True)
        )

    def expected_shots(self) -> tuple[float, ...]:
        """Interceptors each layer fires at the whole raid, on average (the layers' draws
        are independent, so a layer's mean shots per warhead times the mean number of
        warheads that reach it)."""
        reach, out = float(self.warheads), []
        for layer, (p, w), survival in zip(
            self.layers, self._nodes, self.layer_survival(), strict=True
        ):
            out.append(reach * float(np.sum(w * layer.expected_shots_at(p))))
            reach *= survival
        return tuple(out)

    def kills_by_layer(self) -> tuple[float, ...]:
        """Expected warheads each layer kills."""
        reach, out = float(self.warheads), []
        for survival in self.layer_survival():
            out.append(reach * (1.0 - survival))
            reach *= survival
        return tuple(out)
