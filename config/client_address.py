"""Who sent a request, for the limits that count wrong tries (kiosk PIN, admin sign-in).

``X-Forwarded-For`` is whatever the client wrote, plus one address for each
proxy the request passed through. Only the entries our own proxies appended can
be believed, so the header is used only when ``TRUSTED_PROXY_COUNT`` says how
many proxies stand in front of the app; otherwise a client could dodge a
limit, or lock someone else out, by writing any address it likes.

The address is used as a key for a short-lived counter and never logged.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the one our N-th proxy saw when N are trusted.

    With N trusted proxies, the N-th entry from the right of X-Forwarded-For was
    appended by the outermost of them and is the address it was connected to.
    Anything left of it came from the client. A request with fewer entries than
    that did not pass through every proxy, and a malformed entry is not an
    address: both fall back to REMOTE_ADDR, the one thing a client cannot forge.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    chain = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(chain) < count:
        return remote
    candidate = chain[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
