"""Bounds name the rule broken: the lower one, the upper one, even for a wrong-kind number."""

from typing import Annotated

import pytest
from pydantic import ValidationError

from goldendome.data.problems import problems_from_errors
from goldendome.data.quantities import Bounded
from goldendome.data.spec_model import SpecModel


class Counts(SpecModel):
    satellites: Annotated[
        int,
        Bounded(
            "a constellation needs at least one satellite",
            ge=1,
            le=1_000_000,
            upper="a constellation holds at most {bound} satellites",
        ),
    ]
    altitude_km: Annotated[float, Bounded("altitude must be positive", "km", gt=0, lt=384_400)] = (
        1.0
    )


def problem(**values: object) -> str:
    with pytest.raises(ValidationError) as info:
        Counts.model_validate({"satellites": 1, **values})
    (found,) = problems_from_errors(Counts, info.value.errors())
    return str(found)


def test_below_the_lower_bound_names_the_rule_and_bounds():
    assert problem(satellites=0) == (
        "satellites = 0: a constellation needs at least one satellite (>= 1 and <= 1,000,000)"
    )


def test_above_the_upper_bound_names_the_upper_rule():
    assert problem(satellites=10_000_000) == (
        "satellites = 10000000: a constellation holds at most 1,000,000 satellites"
    )


def test_the_default_upper_rule_gives_the_bound_and_unit():
    assert problem(altitude_km=1e6) == "altitude_km = 1000000.0: must be less than 384,400 km"


def test_a_number_far_out_of_range_breaks_the_bound_before_the_type():
    assert problem(satellites=1e20) == (
        "satellites = 1e20: a constellation holds at most 1,000,000 satellites"
    )
    assert problem(satellites=-2.5) == (
        "satellites = -2.5: a constellation needs at least one satellite (>= 1 and <= 1,000,000)"
    )
    assert problem(satellites=2.5) == "satellites = 2.5: expected a whole number"
    assert problem(satellites=float("nan")) == "satellites = nan: must be a finite number"
    assert problem(altitude_km=10**400) == (
        "altitude_km = a whole number of about 401 digits: must be less than 384,400 km"
    )


def test_json_schema_keeps_the_bounds():
    schema = Counts.model_json_schema()["properties"]
    assert schema["satellites"]["minimum"] == 1
    assert schema["satellites"]["maximum"] == 1_000_000
    assert schema["altitude_km"]["exclusiveMaximum"] == 384_400
