"""Fire-control velocity limits by the regime a track is predicted in (tracking/tracker.py)."""

import numpy as np

from goldendome.tracking.regime import Regime
from goldendome.tracking.tracker import TrackerSettings, _velocity_limits


def test_each_predicted_regime_has_its_own_velocity_limit() -> None:
    st = TrackerSettings()
    regime = np.array([Regime.BALLISTIC, Regime.GLIDE, Regime.AIR_BREATHING], np.int64)
    # Five live tracks: the last two started in the step, after the regimes were read.
    limits = _velocity_limits(5, regime, st)
    assert limits.tolist() == [
        st.fire_control_velocity_sigma_m_s,
        st.fire_control_glide_velocity_sigma_m_s,
        st.fire_control_level_velocity_sigma_m_s,
        st.fire_control_velocity_sigma_m_s,
        st.fire_control_velocity_sigma_m_s,
    ]
    # A glider's track under 3 g of manoeuvre noise holds a velocity one-sigma of about
    # 90-150 m/s (chinese-raid's DF-17s): inside the glide limit, outside the ballistic one.
    assert (
        st.fire_control_velocity_sigma_m_s < 90.0 < 150.0 < st.fire_control_glide_velocity_sigma_m_s
    )
