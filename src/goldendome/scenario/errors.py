"""The one exception a scenario problem raises (defined in :mod:`goldendome.data.errors`,
which data catalogs share; re-exported here)."""

from goldendome.data.errors import Problem as Problem
from goldendome.data.errors import ScenarioError as ScenarioError
