"""A round-number interceptor type shared by the interceptor tests."""

from goldendome.interceptors.ground_based import InterceptorType

# 40 s burn to 4 km/s (80 km by burnout), engaging from 100 to 1,000 km up, 2,000 km out.
ROUND_KIND = InterceptorType(
    name="round",
    phase="midcourse",
    burn_time_s=40.0,
    burnout_speed_m_s=4_000.0,
    min_intercept_altitude_m=100e3,
    max_intercept_altitude_m=1_000e3,
    max_range_m=2_000e3,
    sspk_rv=0.5,
    sspk_decoy=0.5,
)
