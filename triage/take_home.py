"""The take-home page: a checker result without its answers, opened from a QR code or a handout.

Every result shows a QR code (education.take_home) for this page on the public
site, and prints as a one-page handout with the same code. Its address carries
only the level, the condition pages and, for some results, the kind of place
to go (the ``go`` parameter, a ``go_to`` code of the triage contract), never
the answers behind them: anyone who photographs the screen learns no more than
"urgent: read about kidney infection" or "urgent: go to the maternity unit".
"""

from django.urls import reverse

from education.take_home import public_url

# Enough for every page a result can list (the checker links at most the seven
# conditions and the hub), while a bound keeps a typed-in link from growing the code.
MAX_PAGES = 8


def take_home_url(level: str, conditions: tuple[str, ...], go_to: str = "") -> str:
    """The public address of a result's take-home page: the level, the pages and where
    to go (a hospital, the maternity unit), nothing else."""
    query = {"level": level}
    if conditions:
        query["pages"] = ",".join(conditions[:MAX_PAGES])
    if go_to:
        query["go"] = go_to
    return public_url(reverse("triage:take_home"), query)


def requested_pages(pages_parameter: str) -> list[str]:
    """The page slugs a take-home address asks for, at most :data:`MAX_PAGES` of them."""
    return pages_parameter.split(",")[:MAX_PAGES]
