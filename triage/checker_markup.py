"""What a checker page tells a client that walks it without a browser, and what it posts back.

templates/triage/checker.html marks its box with ``data-step="<step>"`` and
keeps the signed answers so far in a hidden ``state`` field. The clients that
walk the checker over plain HTTP read those two things and post a step's
answers as a person's form would: the test driver (tests/support/checker.py)
and `make bench` (scripts/bench/). One place, so that a change to the markup
is one change. Plain Python, no Django.
"""

import re

from triage.flow import STEPS

STATE = re.compile(r'name="state" value="([^"]+)"')
STEP = re.compile(r'data-step="(\w+)"')


def read_page(html: str) -> tuple[str, str]:
    """The step a checker page shows and its signed state; "" for either it lacks."""
    step, state = STEP.search(html), STATE.search(html)
    return (step.group(1) if step else ""), (state.group(1) if state else "")


def answers_for(step: str, yes: set[str] = frozenset(), unsure: set[str] = frozenset()) -> dict:
    """The form a person posts on a step after the age: yes to ``yes``, not sure to
    ``unsure``, no to the rest. The age step takes the age itself."""
    if step == "review":
        return {}
    if step == "red_flags":
        signs = [code for code in STEPS[step].findings if code in yes or code in unsure]
        return {"signs": signs} if signs else {"none": "on"}
    return {
        code: "yes" if code in yes else "unsure" if code in unsure else "no"
        for code in STEPS[step].findings
    }
