"""Layered leakage in closed form: the analytic tier beside the Monte Carlo.

Each warhead is engaged by every layer independently. A layer fires in *looks*
(shoot-look-shoot): ``shots[k]`` interceptors at look ``k``, each killing with probability
``sspk`` independently of the others. Between looks a kill assessment decides who is shot at
again: a surviving warhead is recognised as alive with probability ``q``
(``survivor_seen``; 1 is perfect kill assessment), and a killed one is wrongly taken for
alive with probability ``r`` (``false_alive``; such shots are wasted). A warhead taken for
dead is not shot at again by that layer; the next layer engages all survivors it sees.

With ``s_k`` shots at look ``k`` of ``K`` and ``u_k = (1 - sspk) ** s_k``, the probability
that a warhead survives a layer obeys

    L_K = u_K,        L_k = u_k * ((1 - q) + q * L_{k+1}),

and ``N`` warheads give ``P(zero leakers) = (1 - prod_layers L) ** N`` (Wilkening, "A simple
model for calculating ballistic missile defense effectiveness", Science & Global Security
8, 2000; the GMD cases in ``published.toml`` are its one-layer, one-look special case).
"""

from dataclasses import dataclass, field
from math import comb

import numpy as np

from goldendome.physics._types import FloatArray


@dataclass(frozen=True)
class Layer:
    """One defensive layer as the analytic tier sees it.

    Attributes
    ----------
    sspk : float
        Single-shot kill probability, in [0, 1].
    shots : tuple of int
        Interceptors fired at each look, e.g. ``(4,)`` (salvo) or ``(2, 2)``.
    survivor_seen : float
        Probability that a surviving warhead is recognised as alive between looks.
    false_alive : float
        Probability that a killed warhead is taken for alive (its next shots are wasted).
    name : str
    """

    sspk: float
    shots: tuple[int, ...]
    survivor_seen: float = 1.0
    false_alive: float = 0.0
    name: str = "layer"

    def __post_init__(self) -> None:
        for key in ("sspk", "survivor_seen", "false_alive"):
            value = getattr(self, key)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{self.name}.{key} = {value:g}: a probability lies in [0, 1].")
        if not self.shots or any(s < 0 for s in self.shots):
            raise ValueError(
                f"{self.name}.shots = {list(self.shots)}: give at least one look, "
                "each with zero or more shots."
            )

    def survival(self) -> float:
        """Probability that one warhead survives this layer."""
        return float(self.survival_at(np.asarray(self.sspk)))

    def survival_at(self, sspk: FloatArray) -> FloatArray:
        """The layer's survival probability with its single-shot kill probability set to each
        of ``sspk`` (any shape, in [0, 1]; the correlated tier integrates over it)."""
        u = [(1.0 - sspk) ** s for s in self.shots]
        leak = u[-1]
        for uk in reversed(u[:-1]):
            leak = uk * ((1.0 - self.survivor_seen) + self.survivor_seen * leak)
        return np.asarray(leak, np.float64)

    def expected_shots(self) -> float:
        """Interceptors this layer fires per warhead that reaches it, on average."""
        return float(self.expected_shots_at(np.asarray(self.sspk)))

    def expected_shots_at(self, sspk: FloatArray) -> FloatArray:
        """:meth:`expected_shots` with the single-shot kill probability set to each of
        ``sspk`` (any shape)."""
        alive = np.ones_like(sspk, dtype=np.float64)  # chances of being engaged at this look
        dead = np.zeros_like(alive)
        total = np.zeros_like(alive)
        for k, s in enumerate(self.shots):
            total = total + s * (alive + dead)
            u = (1.0 - sspk) ** s
            if k + 1 < len(self.shots):
                newly_dead = alive * (1.0 - u)
                alive = alive * u * self.survivor_seen
                dead = (dead + newly_dead) * self.false_alive
        return np.asarray(total, np.float64)


@dataclass(frozen=True)
class Leakage:
    """What the analytic tier says of a raid of ``warheads`` against ``layers``."""

    layers: tuple[Layer, ...]
    warheads: int
    layer_survival: tuple[float, ...] = field(init=False)
    p_leak: float = field(init=False)

    def __post_init__(self) -> None:
        if self.warheads < 0:
            raise ValueError(f"warheads = {self.warheads}: give zero or more warheads.")
        survival = tuple(layer.survival() for layer in self.layers)
        p = 1.0
        for s in survival:
            p *= s
        object.__setattr__(self, "layer_survival", survival)
        object.__setattr__(self, "p_leak", p)

    @property
    def p_kill(self) -> float:
        """Probability that one warhead is killed by some layer."""
        return 1.0 - self.p_leak

    @property
    def p_zero_leakers(self) -> float:
        """Probability that no warhead of the raid gets through."""
        return self.p_kill**self.warheads

    @property
    def expected_leakers(self) -> float:
        return self.warheads * self.p_leak

    def p_leakers(self, k: int) -> float:
        """Probability that exactly ``k`` warheads get through (binomial)."""
        n, p = self.warheads, self.p_leak
        return comb(n, k) * p**k * (1.0 - p) ** (n - k) if 0 <= k <= n else 0.0

    def expected_shots(self) -> tuple[float, ...]:
        """Interceptors each layer fires at the whole raid, on average."""
        reach, out = float(self.warheads), []
        for layer, survival in zip(self.layers, self.layer_survival, strict=True):
            out.append(reach * layer.expected_shots())
            reach *= survival
        return tuple(out)

    def kills_by_layer(self) -> tuple[float, ...]:
        """Expected warheads each layer kills."""
        reach, out = float(self.warheads), []
        for survival in self.layer_survival:
            out.append(reach * (1.0 - survival))
            reach *= survival
        return tuple(out)
