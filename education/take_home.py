"""Take it home: QR codes that open the same page on a person's own phone.

A clinic kiosk is shared, and a phone is easier to read later than a screen
in a waiting room, so what a person read has to be able to leave with them.
Each explanation page (and, through triage.take_home, each checker result)
shows a QR code for the public site (``PUBLIC_BASE_URL``), drawn on the server
as inline SVG, so it needs no script, no image request and no outside service.
The templates draw it with the ``take_home`` tag library.
"""

import functools
from urllib.parse import urlencode

import segno
from django.conf import settings


def public_url(path: str, query: dict[str, str] | None = None) -> str:
    """The address of ``path`` on the public site, for a phone outside the clinic."""
    url = settings.PUBLIC_BASE_URL + path
    if query:
        # Commas stay readable: the address is printed under the code too.
        url += "?" + urlencode(query, safe=",")
    return url


# Drawing a code was over half of a checker result's time (docs/benchmarks.md,
# "Checker step profile"), and a few dozen addresses cover every result: each
# process keeps the codes it drew. They hold no answers: an address names only
# a page, or a result's level, pages and place.
@functools.lru_cache(maxsize=256)
def qr_svg(url: str) -> str:
    """An inline SVG QR code for ``url``; it scales with CSS and prints crisply."""
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(
        scale=1, border=4, omitsize=True, svgclass="qr__code", dark="#000", light="#fff"
    )
