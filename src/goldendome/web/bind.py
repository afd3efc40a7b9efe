"""Where the server listens: loopback unless told otherwise, and a warning when told."""

import ipaddress

#: The address the server binds when no host is given.
DEFAULT_HOST = "127.0.0.1"


class BindError(ValueError):
    """An address the server refuses to listen on (the message says why)."""


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address (``127.0.0.0/8``, ``::1``) or ``localhost``."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind_host(host: str | None, explicit: bool) -> tuple[str, str | None]:
    """The host to bind and the warning to print (None on loopback).

    Parameters
    ----------
    host : str or None
        The address asked for; None means :data:`DEFAULT_HOST`.
    explicit : bool
        Whether a person asked for this address (``--host`` on the command line,
        ``allow_remote=True`` in the API).

    Raises
    ------
    BindError
        If ``host`` is not loopback and was not asked for explicitly.
    """
    chosen = DEFAULT_HOST if host is None else host
    if is_loopback(chosen):
        return chosen, None
    if not explicit:
        raise BindError(
            f"Refusing to listen on {chosen}: it is not a loopback address, so other machines "
            "could read every run. Give --host explicitly to mean it (the server then warns), "
            f"or leave it out to serve on {DEFAULT_HOST} only."
        )
    return chosen, (
        f"Warning: listening on {chosen}, which other machines can reach: anyone who can "
        "connect can read every run under the runs directory (the server only reads, and "
        "has no login)."
    )
