"""The manoeuvre rule: how a target's lateral acceleration cuts an interceptor's kill chance.

The guidance literature's rule of thumb is that a homing interceptor needs about three times
the lateral acceleration of the target it chases to hold a small miss against its
manoeuvre (P. Zarchan, *Tactical and Strategic Missile Guidance*, AIAA Progress in
Astronautics and Aeronautics, the "3:1 acceleration advantage" of proportional navigation
against a weaving target). goldendome turns it into a factor on the single-shot kill
probability:

    f = min(1, a_interceptor / (ratio * a_target)),

1 for an interceptor that pulls at least ``ratio`` times the target's acceleration, falling
linearly to 0 below it (the linear fall-off is a goldendome assumption; the literature gives
the threshold, not the shape). A ballistic target does not manoeuvre (``a_target = 0``:
f = 1). The target's acceleration is an assumed figure per regime (glide, air-breathing;
``interceptors.toml``, ``[manoeuvre]``), not a class's own: no class publishes one.
"""

from dataclasses import dataclass

import numpy as np

from goldendome.physics._types import ArrayLike, FloatArray


@dataclass(frozen=True)
class ManoeuvreRule:
    """The acceleration-ratio rule and each target regime's assumed manoeuvre.

    Attributes
    ----------
    ratio : float
        Lateral acceleration the interceptor needs, in multiples of the target's (> 0).
    glide_accel_g, cruise_accel_g : float, g
        Lateral acceleration a glide vehicle and a cruise missile pull (>= 0).
    """

    ratio: float = 3.0
    glide_accel_g: float = 0.0
    cruise_accel_g: float = 0.0

    def __post_init__(self) -> None:
        if not self.ratio > 0.0:
            raise ValueError(f"manoeuvre ratio = {self.ratio:g} must be > 0; fix the value.")
        for key in ("glide_accel_g", "cruise_accel_g"):
            if not getattr(self, key) >= 0.0:
                raise ValueError(f"manoeuvre {key} = {getattr(self, key):g} g must be >= 0.")

    @property
    def target_accel_g(self) -> FloatArray:
        """Each target regime's lateral acceleration (ballistic, glide, air-breathing), g."""
        return np.array([0.0, self.glide_accel_g, self.cruise_accel_g], np.float64)

    def factor(self, interceptor_accel_g: ArrayLike, regime: ArrayLike) -> FloatArray:
        """The kill-probability factor of interceptors against targets in ``regime``.

        Parameters
        ----------
        interceptor_accel_g : (...) float64, g
            The interceptors' largest lateral acceleration (inf: any manoeuvre out-turned).
        regime : (...) int64
            Target regime codes (0 ballistic, 1 glide, 2 air-breathing); they broadcast.

        Returns
        -------
        (...) float64 in [0, 1]
        """
        a_i = np.asarray(interceptor_accel_g, np.float64)
        a_t = self.target_accel_g[np.asarray(regime, np.int64)]
        with np.errstate(divide="ignore", invalid="ignore"):
            f = np.where(a_t > 0.0, a_i / (self.ratio * a_t), 1.0)
        return np.asarray(np.clip(np.nan_to_num(f, nan=1.0), 0.0, 1.0), np.float64)
