"""A Dask scheduler's address: read it, and make sure a scheduler answers there before a run
starts.

A run that names a scheduler is checked before any work: the address must read
``tcp://host:port`` (``tls://`` too; a bare ``host:port`` means ``tcp://``), and something
must accept a connection there within a few seconds; then a Dask client's handshake
(:func:`goldendome.run.executor.check_scheduler`) makes sure it is a Dask scheduler.
Otherwise :class:`SchedulerError` says which, in a sentence, before the run folder is made.
"""

import re
import socket

#: Seconds to wait for a scheduler to answer before a run starts.
CONNECT_TIMEOUT_S = 5.0
#: Address schemes a scheduler is reached by.
SCHEMES = ("tcp", "tls")

_ADDRESS = re.compile(
    r"^(?:(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*)://)?"
    r"(?P<host>\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+):(?P<port>\d{1,5})/?$"
)
_EXAMPLE = "tcp://host:port, e.g. tcp://10.0.0.5:8786 (the address 'dask scheduler' prints)"


class SchedulerError(ValueError):
    """A scheduler address that cannot be read, or where no Dask scheduler answers."""


def parse_scheduler(address: str) -> str:
    """The scheduler's address in full (``tcp://host:port``), checked for its form.

    Parameters
    ----------
    address : str
        ``tcp://host:port``, ``tls://host:port`` or ``host:port``.

    Raises
    ------
    SchedulerError
        If the address does not have that form or its port is not 1 to 65,535.
    """
    match = _ADDRESS.match(address.strip())
    if match is None:
        raise SchedulerError(f"--scheduler {address!r}: not a scheduler address; give {_EXAMPLE}.")
    scheme = (match["scheme"] or "tcp").lower()
    if scheme not in SCHEMES:
        raise SchedulerError(
            f"--scheduler {address!r}: the scheme '{scheme}://' is not one a scheduler is "
            f"reached by here ({', '.join(s + '://' for s in SCHEMES)}); give {_EXAMPLE}."
        )
    port = int(match["port"])
    if not 1 <= port <= 65_535:
        raise SchedulerError(
            f"--scheduler {address!r}: port {port} is outside 1 to 65,535; give {_EXAMPLE}."
        )
    return f"{scheme}://{match['host']}:{port}"


def reach_scheduler(address: str, timeout_s: float = CONNECT_TIMEOUT_S) -> str:
    """Check the form of ``address`` and that something accepts a connection there; the
    address in full (a refused or unreachable address is reported at once).

    Raises
    ------
    SchedulerError
        If the address cannot be read, or nothing answers within ``timeout_s``.
    """
    full = parse_scheduler(address)
    host, port = full.split("://", 1)[1].rsplit(":", 1)
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout_s):
            pass
    except OSError as exc:
        why = "no answer" if isinstance(exc, TimeoutError) else (exc.strerror or str(exc))
        raise SchedulerError(
            f"--scheduler {full}: cannot connect ({why}); start the scheduler there "
            "('dask scheduler') or give the address it prints. Nothing was run."
        ) from None
    return full
