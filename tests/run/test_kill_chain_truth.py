"""The engagement picture keeps the raid's truth out of the battle manager's plan: the
intercept windows are kinematic (no regime), and each object's true regime, which only
scores the kills, follows the physical glide rule (goldendome.tracking.regime).

On the glide-defense picture (tests/run/test_glide_defense.py): two Avangard-class gliders
and two Kh-101-class cruise missiles on Anchorage, GPI and SM-6 off Seward, a NASAMS battery
in the city. No sensing pass: the windows and the truth need none.
"""

import numpy as np
import pytest

from goldendome.physics.atmosphere import us76_density_kg_m3
from goldendome.physics.constants import MU_EARTH_M3_S2
from goldendome.physics.frames import state_eci_to_ecef
from goldendome.physics.geodetic import ecef_to_geodetic
from goldendome.tracking.regime import GLIDE_DENSITY_MARGIN, GLIDE_WING_LOADING_KG_M2, Regime
from tests.run.stages.conftest import run_stages
from tests.run.test_glide_defense import DEFENDED
from tests.small_scenario import small_spec


@pytest.fixture(scope="module")
def staged():
    return run_stages(small_spec(DEFENDED), ("architecture", "raid", "kill_chain"))


def _gliders(staged):
    return np.flatnonzero(staged.ctx.raid.gliding_objects)


def test_nasams_windows_reach_a_glider_though_it_cannot_kill_one(staged):
    # NASAMS (sspk_glide = 0) meets the gliders' dive onto the city below 20 km: a window
    # of geometry alone. With the truth's regime in the windows it had none.
    setup = staged.setup
    nasams = [k for k, b in enumerate(setup.batteries) if b.kind.name == "nasams"]
    assert nasams
    assert setup.batteries[nasams[0]].kind.sspk_glide == 0.0
    g = _gliders(staged)
    assert g.size == 2
    feasible = np.isfinite(setup.windows.launch_by_s[nasams[0]][g])
    assert feasible.any(axis=-1).all()
    # ... and the truth there, which scores such a shot, is the glide.
    assert np.all(setup.object_regime[g][feasible] == Regime.GLIDE)


def test_a_glider_is_ballistic_in_its_coast_and_glides_only_in_air_that_holds_it(staged):
    setup, raid = staged.setup, staged.ctx.raid
    f = raid.deployment.flight
    g = _gliders(staged)
    truth = setup.object_regime[g]
    theta = np.broadcast_to(f.theta_rad(f.t_s), (g.size, f.t_s.size))
    fixed = state_eci_to_ecef(f.y_eci[g], theta)
    r = np.linalg.norm(fixed[..., :3], axis=-1)
    v = np.linalg.norm(fixed[..., 3:], axis=-1)
    altitude = ecef_to_geodetic(fixed[..., :3])[2]
    glide = truth == Regime.GLIDE
    assert glide.any(axis=-1).all()
    assert (truth == Regime.BALLISTIC).any(axis=-1).all()
    # Where it glides the air is within the rule's margin of the equilibrium-glide density
    # (rho v^2 / 2w = g - v^2 / r, Tracy & Wright 2020), and no glide lies above 80 km.
    need = 2 * GLIDE_WING_LOADING_KG_M2 * (MU_EARTH_M3_S2 / r**2 - v**2 / r) / v**2
    have = us76_density_kg_m3(np.clip(np.nan_to_num(altitude), 0.0, 1e6))
    assert np.all(have[glide] * GLIDE_DENSITY_MARGIN >= need[glide] * (1 - 1e-9))
    assert np.nanmax(np.where(glide, altitude, np.nan)) < 80e3
    # The cruise missiles are air-breathing throughout, nothing else glides.
    cruising = staged.ctx.raid.cruising[raid.deployment.missile]
    assert np.all(setup.object_regime[cruising] == Regime.AIR_BREATHING)
    others = ~(cruising | raid.gliding_objects)
    assert np.all(setup.object_regime[others] == Regime.BALLISTIC)
