"""Bounded numbers that explain their rule in the user's units (defined in
:mod:`goldendome.data.quantities`, which data catalogs share; re-exported here)."""

from goldendome.data.quantities import Bounded as Bounded
