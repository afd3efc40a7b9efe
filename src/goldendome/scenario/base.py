"""The base of every scenario spec model and the unit conversions (defined in
:mod:`goldendome.data.spec_model`, which data catalogs share; re-exported here)."""

from goldendome.data.spec_model import DEG_TO_RAD as DEG_TO_RAD
from goldendome.data.spec_model import KM_TO_M as KM_TO_M
from goldendome.data.spec_model import MILLIONS as MILLIONS
from goldendome.data.spec_model import MIN_TO_S as MIN_TO_S
from goldendome.data.spec_model import SpecModel as SpecModel
