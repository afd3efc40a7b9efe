"""The United States and its treaty allies, by ISO 3166-1 alpha-2 code.

Source: U.S. Department of State, "U.S. Collective Defense Arrangements" (the seven treaties
it lists): the North Atlantic Treaty (NATO, 32 members since Sweden's accession on
7 March 2024, per NATO's "Member countries" page), the ANZUS Treaty (Australia, New
Zealand), the mutual defense treaties with Japan, the Republic of Korea and the Philippines,
the Southeast Asia Collective Defense Treaty (the Philippines and Thailand remain), and the
Inter-American Treaty of Reciprocal Assistance (Rio Treaty; its current parties are
goldendome's reading of the OAS treaty status page, B-29: Mexico, Bolivia, Ecuador and
Nicaragua have withdrawn, and Venezuela's status is disputed and left out).

Territory is judged by the sovereign (:attr:`goldendome.geography.borders.Territory.
sovereign`): Guam, Puerto Rico, Alaska and Hawaii are the United States'; Greenland and the
Faroe Islands are Denmark's, hence NATO's.
"""

import numpy as np

from goldendome.physics._types import ArrayLike, BoolArray

UNITED_STATES = "US"
NATO = (
    "AL", "BE", "BG", "CA", "HR", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IS", "IT",
    "LV", "LT", "LU", "ME", "NL", "MK", "NO", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "TR",
    "GB", "US",
)  # fmt: skip
ANZUS = ("AU", "NZ", "US")
BILATERAL_PACIFIC = ("JP", "KR", "PH", "US")
SOUTHEAST_ASIA = ("PH", "TH", "US")
RIO_TREATY = (
    "AR", "BS", "BR", "CL", "CO", "CR", "DO", "SV", "GT", "HT", "HN", "PA", "PY", "PE", "TT",
    "US", "UY",
)  # fmt: skip
#: Every treaty ally of the United States, and the United States itself.
US_AND_ALLIES = frozenset(NATO + ANZUS + BILATERAL_PACIFIC + SOUTHEAST_ASIA + RIO_TREATY)


def is_us_or_ally(sovereign: ArrayLike) -> BoolArray:
    """Whether sovereign codes are the United States' or a treaty ally's.

    Parameters
    ----------
    sovereign : (n,) str, ISO 3166-1 alpha-2
        ``Territory.sovereign``; ``""`` (open sea) is neither.

    Returns
    -------
    (n,) bool
    """
    codes = np.asarray(sovereign, dtype=str)
    return np.isin(codes, sorted(US_AND_ALLIES))


__all__ = [
    "ANZUS",
    "BILATERAL_PACIFIC",
    "NATO",
    "RIO_TREATY",
    "SOUTHEAST_ASIA",
    "UNITED_STATES",
    "US_AND_ALLIES",
    "is_us_or_ally",
]
