"""Answers to feed the engine in property tests, and a short way to ask for a level."""

from hypothesis import strategies as st

from triage.engine import assess
from triage.vocabulary import EMERGENCY_FINDINGS, FINDINGS

CODES = tuple(FINDINGS)
NON_EMERGENCY_CODES = tuple(c for c in CODES if c not in EMERGENCY_FINDINGS)

# Written out, not read from the engine: the tests pin the contract's range (0 to 120, adult at 16).
ages = st.integers(min_value=0, max_value=120)
adult_ages = st.integers(min_value=16, max_value=120)
child_ages = st.integers(min_value=0, max_value=15)
finding_sets = st.frozensets(st.sampled_from(CODES))


def level_of(age, findings):
    return assess(age, findings).level
