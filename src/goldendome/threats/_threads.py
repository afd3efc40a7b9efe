"""Small batches on one thread: the compiled kernels' parallel loops cost a fork and join
per call (the OpenMP threading layer), which a batch of a few objects does not repay.

Measured on the two-core project machine with other sessions' work beside it (load
average 5-6, 2026-12-05): a flight kernel call of 3 missiles took 16 ms on two threads and
1.5 ms on one, of 32 missiles 30 ms and 19-28 ms, of 192 missiles the same on either; a
glide kernel call of 3 gliders 83 ms and 1.4 ms. Each object is flown on its own, so the
results do not depend on the number of threads.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import numba

#: Batches smaller than this run on one thread (goldendome choice, from the timings above).
SERIAL_BELOW = 16


@contextmanager
def threads_for(n_objects: int) -> Iterator[None]:
    """Run the enclosed kernel call on one thread when ``n_objects`` is below
    :data:`SERIAL_BELOW`; otherwise leave the thread count as it is."""
    if n_objects >= SERIAL_BELOW:
        yield
        return
    before = numba.get_num_threads()
    numba.set_num_threads(1)
    try:
        yield
    finally:
        numba.set_num_threads(before)
