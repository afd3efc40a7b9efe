"""The offense-defense exchange: what salvo or decoys restore an adversary's penetration,
what each side pays for it, and the step curve of a published arsenal projection."""

from goldendome.studies.exchange.model import ExchangeModel, Penetration
from goldendome.studies.exchange.search import DefenseAnswer, ExchangeResult, Goal
from goldendome.studies.exchange.study import run_exchange

__all__ = [
    "DefenseAnswer",
    "ExchangeModel",
    "ExchangeResult",
    "Goal",
    "Penetration",
    "run_exchange",
]
