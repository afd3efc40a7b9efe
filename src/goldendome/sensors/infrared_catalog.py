"""Space infrared sensor types: the model of ``goldendome/data/infrared_sensors.toml``.

Values stay in the file's units (their names say which); the infrared layer converts them
where it uses them.
"""

from typing import Annotated

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from goldendome.data.loader import load_catalog
from goldendome.data.quantities import Bounded
from goldendome.data.spec_model import SpecModel
from goldendome.sensors.kind_values import KindValues

DATA_FILE = "infrared_sensors.toml"
#: Keys an infrared sensor type needs exactly when it has ``cold_detection = true``.
COLD_KEYS = (
    "cold_reference_range_space_km",
    "cold_reference_range_earth_km",
    "limb_altitude_km",
)

RangeKm = Annotated[float, Bounded("a detection range must be positive", "km", gt=0, le=1e6)]


class InfraredSensorType(SpecModel):
    """One ``[[sensor]]`` entry: a kind of space infrared payload (see the file's sources)."""

    name: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]
    frame_time_s: Annotated[float, Bounded("a frame takes time", "s", gt=0, le=3_600)]
    report_latency_s: Annotated[
        float, Bounded("a report latency cannot be negative", "s", ge=0, le=3_600)
    ]
    angle_sigma_urad: Annotated[
        float, Bounded("an angle noise sigma must be positive", "urad", gt=0, le=1e5)
    ]
    cloud_top_km: Annotated[
        float, Bounded("cloud tops lie between the ground and 30 km", "km", ge=0, le=30)
    ]
    boost_detection_probability: Annotated[
        float, Bounded("a probability lies in [0, 1]", ge=0, le=1)
    ]
    boost_reference_range_km: RangeKm
    cold_detection: bool
    cold_reference_range_space_km: RangeKm | None = None
    cold_reference_range_earth_km: RangeKm | None = None
    limb_altitude_km: (
        Annotated[
            float, Bounded("the limb lies between the ground and 1,000 km", "km", ge=0, le=1_000)
        ]
        | None
    ) = None
    max_off_nadir_deg: Annotated[
        float, Bounded("the field of regard must be wider than zero", "deg", gt=0, le=180)
    ]
    #: Range of Pd 0.9 against a glider in full glide (relative glide signature 1); None:
    #: the sensor does not see a glider's aero-heated glow.
    glide_reference_range_km: RangeKm | None = None

    @model_validator(mode="after")
    def _cold_keys_with_cold_detection(self) -> "InfraredSensorType":
        given = [k for k in COLD_KEYS if getattr(self, k) is not None]
        if self.cold_detection and len(given) < len(COLD_KEYS):
            missing = ", ".join(k for k in COLD_KEYS if k not in given)
            raise PydanticCustomError(
                "cold_keys",
                "cold_detection = true needs {missing}",
                {"missing": missing},
            )
        if not self.cold_detection and given:
            raise PydanticCustomError(
                "cold_keys",
                "{given} apply only with cold_detection = true; remove them or set it",
                {"given": ", ".join(given)},
            )
        return self

    def cold_ranges_km(self) -> tuple[float, float, float]:
        """Reference ranges against space and the Earth, and the limb altitude, km.

        Raises
        ------
        ValueError
            For a type without cold detection.
        """
        space, earth = self.cold_reference_range_space_km, self.cold_reference_range_earth_km
        limb = self.limb_altitude_km
        if space is None or earth is None or limb is None:
            raise ValueError(f"infrared sensor type '{self.name}' does not detect cold bodies.")
        return space, earth, limb


Temperature = Annotated[float, Bounded("a temperature", "K", gt=0, le=10_000)]
Wavelength = Annotated[float, Bounded("an infrared wavelength", "um", gt=0, le=100)]


class GlideSignatureSpec(SpecModel):
    """``[glide_signature]``: the aero-heated glow of a glider
    (:mod:`goldendome.sensors.aero_heating`)."""

    recovery_factor: Annotated[float, Bounded("a recovery factor", gt=0, le=1)]
    max_skin_temperature_k: Temperature
    reference_skin_temperature_k: Temperature
    band_low_um: Wavelength
    band_high_um: Wavelength

    @model_validator(mode="after")
    def _band_ordered(self) -> "GlideSignatureSpec":
        if not self.band_low_um < self.band_high_um:
            raise PydanticCustomError(
                "band",
                "band_low_um = {low} must be below band_high_um = {high}",
                {"low": self.band_low_um, "high": self.band_high_um},
            )
        return self


class InfraredCatalog(SpecModel):
    """``infrared_sensors.toml``: sensor types, the relative signature of each kind and a
    glider's glow."""

    sensor: Annotated[list[InfraredSensorType], Field(min_length=1)]
    signature: KindValues
    glide_signature: GlideSignatureSpec

    @model_validator(mode="after")
    def _names_are_unique(self) -> "InfraredCatalog":
        names = [s.name for s in self.sensor]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise PydanticCustomError(
                "unique_names",
                "sensor names must be unique; given twice: {twice}",
                {"twice": ", ".join(twice)},
            )
        return self


def infrared_types() -> dict[str, InfraredSensorType]:
    """Every infrared sensor type of the embedded catalog, by name, in file order."""
    return {s.name: s for s in load_catalog(DATA_FILE, InfraredCatalog).sensor}


def infrared_signatures() -> KindValues:
    """Relative infrared signature of each object kind (1 = a reentry vehicle)."""
    return load_catalog(DATA_FILE, InfraredCatalog).signature


def glide_signature_model() -> GlideSignatureSpec:
    """The glide-signature model of the embedded catalog (``[glide_signature]``)."""
    return load_catalog(DATA_FILE, InfraredCatalog).glide_signature
