"""The analytic tier of the exchange: a raid's penetration in closed form, calibrated on one
Monte Carlo run of the scenario, so a search over salvo sizes, decoys and defensive
additions costs microseconds per point.

Per warhead, as in :mod:`goldendome.engagement.leakage` (Wilkening 2000):

* **boost**: the SBIs kill a missile (and all its warheads) with probability ``p_boost``,
  taken from the calibration run (boost kills / missiles). More SBIs raise it as more
  satellites are in reach: ``1 - (1 - p_boost) ** (n / n_sbi)`` (each satellite an
  independent chance; a goldendome assumption, it ignores the constellation's geometry);
* **midcourse**: the scenario's midcourse doctrine (shots per look, kill assessment) with the
  round-weighted single-shot kill probability of its midcourse types, a
  :class:`~goldendome.engagement.leakage.Layer`; its rounds run out when the objects it
  engages (warheads, and the share of decoys it takes for warheads in the calibration run)
  need more shots than the magazine holds (shots per warhead scaled by the calibration
  run's overhead: shots at stages and ghosts; only the types that did a tenth or more of
  its midcourse shots count): it then engages a fraction ``c`` of them and the
  rest pass unengaged;
* a **residual** leak per warhead that reaches midcourse, which no added interceptor removes
  (no fire-control track in time, a warhead taken for a decoy, the terminal layers' share),
  set so that the calibration run's expected warheads through are matched exactly:
  ``residual = through / (W (1 - p_boost)) - L_midcourse``, at least 0.

Warheads are taken to leak independently: ``P(zero through) = (1 - p)^W``.
"""

from dataclasses import dataclass, replace

from goldendome.engagement.leakage import Layer


@dataclass(frozen=True)
class Penetration:
    """What the analytic tier says of one raid."""

    warheads: float
    p_through: float  # one warhead's chance to get through
    p_any_through: float
    expected_through: float
    p_zero_leakers: float
    coverage: float  # share of the engaged objects the midcourse magazine covers
    rounds_needed: float


@dataclass(frozen=True)
class ExchangeModel:
    """The calibrated analytic tier of a scenario (see the module docstring).

    Attributes
    ----------
    missiles, warheads_per_missile, decoys_per_warhead : float
        The scenario's raid.
    p_boost : float
        A missile's chance to be killed in boost (calibration run).
    sbi_count : float
        Satellites of the SBI layer (0: none).
    midcourse : Layer
    rounds : float
        Midcourse rounds in the magazines.
    decoys_engaged : float
        Share of decoys the midcourse layer engages as warheads (calibration run).
    residual : float
        Leak per warhead past boost that more midcourse shots do not remove.
    shot_overhead : float
        Midcourse shots per warhead in the calibration run over the layer's own expectation
        (shots at stages, ghosts and decoys; >= 1).
    """

    missiles: float
    warheads_per_missile: float
    decoys_per_warhead: float
    p_boost: float
    sbi_count: float
    midcourse: Layer
    rounds: float
    decoys_engaged: float
    residual: float = 0.0
    shot_overhead: float = 1.0

    def boost_with(self, sbi_count: float) -> float:
        """``p_boost`` with ``sbi_count`` satellites in the layer."""
        if self.sbi_count <= 0 or self.p_boost <= 0:
            return 0.0
        return float(1.0 - (1.0 - self.p_boost) ** (sbi_count / self.sbi_count))

    def penetration(
        self,
        missiles: float | None = None,
        decoys_per_warhead: float | None = None,
        *,
        sbi_count: float | None = None,
        rounds: float | None = None,
        shots: tuple[int, ...] | None = None,
    ) -> Penetration:
        """The raid's penetration with any of its inputs changed."""
        n = self.missiles if missiles is None else missiles
        d = self.decoys_per_warhead if decoys_per_warhead is None else decoys_per_warhead
        p_b = self.boost_with(self.sbi_count if sbi_count is None else sbi_count)
        layer = self.midcourse if shots is None else replace(self.midcourse, shots=shots)
        m = self.rounds if rounds is None else rounds
        warheads = n * self.warheads_per_missile
        objects = warheads * (1.0 - p_b) * (1.0 + d * self.decoys_engaged)
        need = objects * layer.expected_shots() * self.shot_overhead
        coverage = 1.0 if need <= m else m / need
        engaged = min(layer.survival() + self.residual, 1.0)
        p = (1.0 - p_b) * (coverage * engaged + (1.0 - coverage))
        p_zero = (1.0 - p) ** warheads
        return Penetration(warheads, p, 1.0 - p_zero, warheads * p, p_zero, coverage, need)
