"""The base of every scenario spec model and the unit conversions (defined in
:mod:`goldendome.data.spec_model`, which data catalogs share; re-exported here), and the
error a rule across several keys raises.

Cross-field rules are written once, as functions of the values they compare that return
the broken rule's sentence (or None). A spec's model validator calls them through
:func:`cross_field_error`, so a spec built in Python is checked too; the scenario loader
runs the same functions from :mod:`goldendome.scenario.consistency` on the parsed file,
whatever else is wrong in it, and drops the model validators' errors of type
:data:`CROSS_FIELD`, which would only repeat them.
"""

from pydantic_core import PydanticCustomError

from goldendome.data.spec_model import DEG_TO_RAD as DEG_TO_RAD
from goldendome.data.spec_model import KM_TO_M as KM_TO_M
from goldendome.data.spec_model import MILLIONS as MILLIONS
from goldendome.data.spec_model import MIN_TO_S as MIN_TO_S
from goldendome.data.spec_model import SpecModel as SpecModel

#: The pydantic error type of every rule across several keys.
CROSS_FIELD = "cross_field"


def cross_field_error(rule: str) -> PydanticCustomError:
    """The error a model validator raises for a broken cross-field ``rule`` (a sentence)."""
    return PydanticCustomError(CROSS_FIELD, "{rule}", {"rule": rule})
