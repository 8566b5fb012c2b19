"""The staff PIN that turns kiosk mode on and off.

The PIN keeps patients from leaving kiosk mode on a shared screen; it guards
no patient data (there is none to guard). Wrong tries are still limited, per
address, so the PIN cannot be found by trying every number.
"""

import secrets

from django.conf import settings
from django.core.cache import cache

MAX_LENGTH = 12
MAX_WRONG_TRIES = 5
LOCKOUT_SECONDS = 5 * 60


def is_configured() -> bool:
    return bool(settings.KIOSK_PIN)


def _tries_key(address: str) -> str:
    return f"kiosk-pin-wrong-tries:{address}"


def client_address(request) -> str:
    """Who is trying PINs, as far as we can tell.

    Behind a proxy every request shares the proxy's address, so the forwarded
    chain is part of the key: otherwise one person's wrong tries anywhere would
    lock every kiosk. Someone could forge the header to dodge the count, but
    the PIN only guards leaving kiosk mode, and a patient at a kiosk cannot
    set headers.
    """
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")[:200]
    return f"{request.META.get('REMOTE_ADDR', '')}|{forwarded}"


def is_locked_out(address: str) -> bool:
    return cache.get(_tries_key(address), 0) >= MAX_WRONG_TRIES


def check(entered: str, address: str) -> bool:
    """True when ``entered`` is the PIN. Counts wrong tries for ``address``.

    Compared in constant time, so timing does not give the PIN away digit by digit.
    """
    if not settings.KIOSK_PIN or is_locked_out(address):
        return False
    if secrets.compare_digest(entered.encode(), settings.KIOSK_PIN.encode()):
        cache.delete(_tries_key(address))
        return True
    key = _tries_key(address)
    cache.add(key, 0, LOCKOUT_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, LOCKOUT_SECONDS)
    return False
