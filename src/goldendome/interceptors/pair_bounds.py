"""How many (satellite, threat) pairs :mod:`goldendome.interceptors.sbi_reach` checks at once.

Kept apart from the reach model so the run's memory budget can read the bound without
importing SciPy and numba.
"""

#: Most pairs checked together in the sample-by-sample phase.
PAIR_CHUNK = 50_000
#: Most bytes the sample-by-sample phase holds at once: a pair checked over a window of
#: ``w`` samples takes about ``PAIR_SAMPLE_BYTES * w`` bytes (gathered positions, gaps,
#: distances, margins), so fewer pairs are checked together over long windows.
PAIR_BYTES = 64 * 2**20
#: Bytes per (pair, sample) checked.
PAIR_SAMPLE_BYTES = 160
