"""Pydantic errors as problems a person can act on (defined in
:mod:`goldendome.data.problems`, which data catalogs share; re-exported here)."""

from goldendome.data.problems import known_keys as known_keys
from goldendome.data.problems import problems_from_errors as problems_from_errors
from goldendome.data.problems import show_value as show_value
