"""Diagnosis codes for each condition page, so health records can link to the right page.

Records systems name a diagnosis by a code in a code system, each code system
by its HL7 OID. This module holds, as plain data, which ICD-10-CM and SNOMED CT
codes each of our condition pages explains, and answers "which page explains
this code?" for the Infobutton endpoint (education.infobutton), the
"For clinicians: codes" block on each page, and the pages' schema.org data.

Where the codes come from:

- ICD-10-CM: the CMS/NCHS ICD-10-CM tabular list, April 1, 2026 release.
  Every code and title here is checked against that release in
  tests/education/test_clinical_codes.py (through the simple-icd-10-cm
  package, which ships the CMS files). A code marked ``family`` also covers
  every code under it in the tabular list (A41 covers A41.9, A41.51...), the
  way MedlinePlus Connect falls back to a code's parent.
- SNOMED CT: International Edition concept identifiers. We could not reach a
  SNOMED CT browser while writing this, so a concept is listed only when two
  or more independent published code tables agreed on its identifier and
  term, and its Verhoeff check digit is valid (checked in the tests). We found
  no such agreement for spinal epidural abscess, vertebral osteomyelitis or
  discitis, so those pages list no SNOMED CT concept yet; records systems can
  link to them by ICD-10-CM. (The identifier 70925003, once suggested for
  spinal epidural abscess, is "Bone structure of maxilla"; 75607008, seen in
  one table, fails the check digit.) A clinician with SNOMED CT browser
  access should add them.

Deliberately not mapped: codes whose page would not fit the person, such as
neonatal sepsis (P36), puerperal sepsis (O85), sepsis after a procedure
(T81.44) and tuberculosis of the spine (A18.01, A17.81).
"""

import hashlib
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class CodeSystem:
    key: str
    name: str  # what people call it
    oid: str  # what Infobutton requests send in mainSearchCriteria.v.cs
    schema_org_name: str  # schema.org MedicalCode.codingSystem
    uri: str  # the FHIR system URI, for readers who think in FHIR


ICD_10_CM = CodeSystem(
    key="icd10cm",
    name="ICD-10-CM",
    oid="2.16.840.1.113883.6.90",
    schema_org_name="ICD-10-CM",
    uri="http://hl7.org/fhir/sid/icd-10-cm",
)
SNOMED_CT = CodeSystem(
    key="snomedct",
    name="SNOMED CT",
    oid="2.16.840.1.113883.6.96",
    schema_org_name="SNOMED-CT",
    uri="http://snomed.info/sct",
)
CODE_SYSTEMS = (ICD_10_CM, SNOMED_CT)
SYSTEMS_BY_OID = {system.oid: system for system in CODE_SYSTEMS}

# Other code systems records systems send, named so an answer can say which one
# it got (MedlinePlus Connect also takes these; we have no map for them).
OTHER_KNOWN_OIDS = {
    "2.16.840.1.113883.6.103": "ICD-9-CM",
    "2.16.840.1.113883.6.3": "ICD-10",
    "2.16.840.1.113883.6.88": "RxNorm",
    "2.16.840.1.113883.6.1": "LOINC",
    "2.16.840.1.113883.6.12": "CPT",
    "2.16.840.1.113883.6.69": "NDC",
}


@dataclass(frozen=True)
class ClinicalCode:
    system: CodeSystem
    code: str
    title: str  # the code system's own title for it
    family: bool = False  # also covers every code under this one

    @property
    def display(self) -> str:
        """As ICD-10-CM writes a code with everything under it: A41.- and M46.2-."""
        if not self.family:
            return self.code
        return f"{self.code}-" if "." in self.code else f"{self.code}.-"


def _icd(code: str, title: str, family: bool = False) -> ClinicalCode:
    return ClinicalCode(ICD_10_CM, code, title, family)


def _sct(code: str, title: str) -> ClinicalCode:
    return ClinicalCode(SNOMED_CT, code, title)


# Page slug -> the codes that page explains. The first code of each system is
# the page's main code (used in examples and structured data).
CONDITION_CODES: dict[str, tuple[ClinicalCode, ...]] = {
    "sepsis": (
        _icd("A41.9", "Sepsis, unspecified organism"),
        _icd("A41", "Other sepsis", family=True),
        _icd("A40", "Streptococcal sepsis", family=True),
        _icd("R65.2", "Severe sepsis", family=True),
        _sct("91302008", "Sepsis"),
        _sct("76571007", "Septic shock"),
    ),
    "spinal-epidural-abscess": (
        # G06.1 includes "Intraspinal epidural abscess or granuloma".
        _icd("G06.1", "Intraspinal abscess and granuloma"),
    ),
    "vertebral-osteomyelitis": (_icd("M46.2", "Osteomyelitis of vertebra", family=True),),
    "discitis": (
        _icd("M46.4", "Discitis, unspecified", family=True),
        _icd("M46.3", "Infection of intervertebral disc (pyogenic)", family=True),
    ),
    "pyelonephritis": (
        _icd("N10", "Acute pyelonephritis"),
        # N12 includes "Pyelonephritis NOS": a kidney infection not called acute or chronic.
        _icd("N12", "Tubulo-interstitial nephritis, not specified as acute or chronic"),
        _sct("36689008", "Acute pyelonephritis"),
        _sct("45816000", "Pyelonephritis"),
    ),
    "cauda-equina-syndrome": (
        _icd("G83.4", "Cauda equina syndrome"),
        _sct("192970008", "Cauda equina syndrome"),
    ),
    "meningitis": (
        _icd("G03.9", "Meningitis, unspecified"),
        _icd("G00", "Bacterial meningitis, not elsewhere classified", family=True),
        _icd("A39.0", "Meningococcal meningitis"),
        _icd("A87", "Viral meningitis", family=True),
        _icd("G03.0", "Nonpyogenic meningitis"),
        _icd("G03.8", "Meningitis due to other specified causes"),
        _sct("7180009", "Meningitis"),
        _sct("95883001", "Bacterial meningitis"),
        _sct("192644005", "Meningococcal meningitis"),
    ),
}

# Changes whenever the table does, so cached pages showing codes are refreshed
# after a deploy that changes them (education.caching).
TABLE_FINGERPRINT = hashlib.sha256(repr(CONDITION_CODES).encode()).hexdigest()[:16]

ICD_10_CM_SHAPE = re.compile(r"[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}")
SNOMED_CT_SHAPE = re.compile(r"[1-9][0-9]{5,17}")


class NotACode(ValueError):
    """The text cannot be a code in that code system at all."""


def normalize(system: CodeSystem, raw: str) -> str:
    """The code in its usual written form (A41.9, 91302008), or NotACode.

    Records systems send ICD-10-CM codes with or without the dot and in either
    case; SNOMED CT identifiers must be digits with a valid check digit.
    """
    text = raw.strip()
    if system is ICD_10_CM:
        bare = text.upper().replace(".", "", 1)
        if not ICD_10_CM_SHAPE.fullmatch(bare):
            raise NotACode(f"“{raw}” is not an ICD-10-CM code (codes look like A41.9 or N10).")
        return bare if len(bare) == 3 else f"{bare[:3]}.{bare[3:]}"
    if system is SNOMED_CT:
        if not SNOMED_CT_SHAPE.fullmatch(text) or not verhoeff_is_valid(text):
            raise NotACode(
                f"“{raw}” is not a SNOMED CT identifier (6 to 18 digits ending in a check digit)."
            )
        return text
    raise ValueError(f"no rules for {system.name}")


@dataclass(frozen=True)
class Match:
    slug: str
    code: ClinicalCode  # the table entry that matched


def find_page(system: CodeSystem, code: str) -> Match | None:
    """The page that explains a normalized code, or None. The most specific entry wins."""
    best: Match | None = None
    for slug, codes in CONDITION_CODES.items():
        for entry in codes:
            if entry.system is not system:
                continue
            matches = code == entry.code or (entry.family and _is_under(code, entry.code))
            if matches and (best is None or len(entry.code) > len(best.code.code)):
                best = Match(slug, entry)
    return best


def _is_under(code: str, family: str) -> bool:
    bare, parent = code.replace(".", ""), family.replace(".", "")
    return bare.startswith(parent) and len(bare) > len(parent)


def codes_for(slug: str, system: CodeSystem | None = None) -> tuple[ClinicalCode, ...]:
    codes = CONDITION_CODES.get(slug, ())
    return tuple(code for code in codes if system is None or code.system is system)


def main_code(slug: str, system: CodeSystem) -> ClinicalCode | None:
    return next(iter(codes_for(slug, system)), None)


# --- SNOMED CT check digit (Verhoeff), so a mistyped identifier is caught ---
# The permutation table is built from its first row rather than typed out:
# a typo in a hand-copied table passes half of all identifiers.
_VERHOEFF_P1 = (1, 5, 7, 6, 2, 8, 3, 0, 9, 4)
_VERHOEFF_P = [tuple(range(10))]
for _ in range(7):
    _VERHOEFF_P.append(tuple(_VERHOEFF_P1[x] for x in _VERHOEFF_P[-1]))


def _dihedral(j: int, k: int) -> int:
    """Multiplication in the dihedral group D5, on the digits 0-9."""
    if j < 5 and k < 5:
        return (j + k) % 5
    if j < 5:
        return 5 + (j + k) % 5
    if k < 5:
        return 5 + (j - k) % 5
    return (j - k) % 5


def verhoeff_is_valid(digits: str) -> bool:
    check = 0
    for position, digit in enumerate(reversed(digits)):
        check = _dihedral(check, _VERHOEFF_P[position % 8][int(digit)])
    return check == 0
