"""Conformance: every constellation kind of the scenario registry builds a model that keeps
the Constellation contract and gives physical elements at the epoch."""

import typing
from datetime import UTC, datetime

import numpy as np
import pytest
from pydantic import TypeAdapter

from goldendome.orbits.base import Constellation
from goldendome.physics.constants import WGS84_A_M
from goldendome.physics.elements import OrbitalElements
from goldendome.scenario.constellations import ConstellationSpec

ISS = (
    "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927",
    "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537",
)
GPS_LIKE = {
    "semi_major_axis_km": 26560.0,
    "eccentricity": 0.01,
    "inclination_deg": 55.0,
    "raan_deg": -30.0,
    "arg_perigee_deg": 45.0,
    "mean_anomaly_deg": 0.0,
}
LEO = {"altitude_km": 500.0, "inclination_deg": 53.0, "raan_deg": 10.0, "mean_anomaly_deg": 90.0}
#: One spec (as a scenario file gives it) per constellation kind.
SPECS = {
    "walker_delta": {
        "kind": "walker_delta",
        "role": "interceptor",
        "altitude_km": 500.0,
        "inclination_deg": 53.0,
        "satellites": 24,
        "planes": 6,
        "phasing": 1,
    },
    "walker_star": {
        "kind": "walker_star",
        "role": "tracking",
        "altitude_km": 1000.0,
        "inclination_deg": 87.0,
        "satellites": 12,
        "planes": 3,
    },
    "geostationary": {
        "kind": "geostationary",
        "role": "early_warning",
        "longitudes_deg": [-100.0, 10.0, 120.0],
    },
    "molniya": {
        "kind": "molniya",
        "role": "early_warning",
        "apogee_longitudes_deg": [-100.0, 60.0],
    },
    "elements": {"kind": "elements", "role": "tracking", "satellites": [LEO, GPS_LIKE]},
    "tle": {"kind": "tle", "role": "tracking", "tle": f"ISS\n{ISS[0]}\n{ISS[1]}\n"},
}
EPOCH = datetime(2008, 9, 21, 12, 0, tzinfo=UTC)  # near the TLE's own epoch


def _registry_kinds() -> set[str]:
    members = typing.get_args(typing.get_args(ConstellationSpec)[0])
    return {typing.get_args(m.model_fields["kind"].annotation)[0] for m in members}


def test_every_kind_of_the_registry_is_checked():
    assert _registry_kinds() == set(SPECS)


@pytest.fixture(params=sorted(SPECS), name="case")
def _case(request: pytest.FixtureRequest) -> tuple[dict, Constellation]:
    spec = TypeAdapter(ConstellationSpec).validate_python(SPECS[request.param])
    return SPECS[request.param], spec.build(f"{request.param}_layer")


def test_satisfies_the_protocol_with_its_name_and_role(case):
    given, model = case
    assert isinstance(model, Constellation)
    assert model.name == f"{given['kind']}_layer"
    assert model.role == given["role"]


def test_elements_are_physical_and_as_many_as_satellites(case):
    _, model = case
    elements = model.initial_elements(EPOCH)
    assert isinstance(elements, OrbitalElements)
    assert model.n_satellites == len(elements) >= 1
    for name in OrbitalElements.__dataclass_fields__:
        values = getattr(elements, name)
        assert values.shape == (len(elements),), name
        assert values.dtype == np.float64, name
        assert np.isfinite(values).all(), name
    a, e = elements.semi_major_axis_m, elements.eccentricity
    assert np.all(a > WGS84_A_M)
    assert np.all((e >= 0.0) & (e < 1.0))
    assert np.all(a * (1.0 - e) > WGS84_A_M)  # perigee above the surface
    assert np.all((elements.inclination_rad >= 0.0) & (elements.inclination_rad <= np.pi))
    assert np.isfinite(elements.states_eci()).all()
