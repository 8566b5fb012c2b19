"""Take it home: QR codes that open the same page on a person's own phone.

A kiosk is shared, so what a person read or was told has to leave with them.
Each explanation page and each checker result shows a QR code for the public
site (``PUBLIC_BASE_URL``), drawn on the server as inline SVG, so it needs no
script, no image request and no outside service.

A result's code carries only the level, the condition pages and, for some
results, the kind of place to go, never the answers behind them: anyone who
photographs the screen learns no more than "urgent: read about kidney
infection" or "urgent: go to the maternity unit".
"""

import functools
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.urls import reverse

# Enough for every page a result can list (the checker links at most the seven
# conditions and the hub), while a bound keeps a typed-in link from growing the code.
MAX_PAGES = 8


def public_url(path: str, query: dict[str, str] | None = None) -> str:
    """The address of ``path`` on the public site, for a phone outside the clinic."""
    url = settings.PUBLIC_BASE_URL + path
    if query:
        # Commas stay readable: the address is printed under the code too.
        url += "?" + urlencode(query, safe=",")
    return url


def result_url(level: str, conditions: tuple[str, ...], go_to: str = "") -> str:
    """The public address of a result summary: the level, the pages and where to go
    (a hospital, the maternity unit), nothing else."""
    query = {"level": level}
    if conditions:
        query["pages"] = ",".join(conditions[:MAX_PAGES])
    if go_to:
        query["go"] = go_to
    return public_url(reverse("triage:handoff"), query)


# Drawing a code was over half of a checker result's time (docs/benchmarks.md,
# "Checker step profile"), and a few dozen addresses cover every result: each
# process keeps the codes it drew. They hold no answers (see above).
@functools.lru_cache(maxsize=256)
def qr_svg(url: str) -> str:
    """An inline SVG QR code for ``url``; it scales with CSS and prints crisply."""
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(
        scale=1, border=4, omitsize=True, svgclass="qr__code", dark="#000", light="#fff"
    )
