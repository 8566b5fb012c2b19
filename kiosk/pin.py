"""The staff PIN that turns kiosk mode on and off.

The PIN keeps patients from leaving kiosk mode on a shared screen; it guards
no patient data (there is none to guard). Wrong tries are still limited, per
address, so the PIN cannot be found by trying every number.

The count lives in the shared cache (settings.CACHES), so it holds across
worker processes and servers. Each try first claims one of MAX_WRONG_TRIES
numbered slots with ``cache.add``, which is atomic on every backend we use
(a primary key in the database cache, SET NX in Redis): requests sent in
parallel cannot all read "4 tries so far" and all get a fifth. A right PIN
frees the slots; a wrong one keeps its slot until it expires.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.cache import cache

MAX_LENGTH = 12
MAX_WRONG_TRIES = 5
LOCKOUT_SECONDS = 5 * 60


def is_configured() -> bool:
    return bool(settings.KIOSK_PIN)


def _slot_keys(address: str) -> list[str]:
    # Hashed, so the cache table never holds a client address in the clear.
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return [f"kiosk-pin-try:{digest}:{number}" for number in range(MAX_WRONG_TRIES)]


def _claim_a_try(address: str) -> bool:
    """Take a free try slot for ``address``; False when all are taken (locked out)."""
    return any(cache.add(key, True, LOCKOUT_SECONDS) for key in _slot_keys(address))


def is_locked_out(address: str) -> bool:
    return len(cache.get_many(_slot_keys(address))) >= MAX_WRONG_TRIES


def check(entered: str, address: str) -> bool:
    """True when ``entered`` is the PIN. Counts wrong tries for ``address``.

    A try is claimed before the PIN is compared, so once the slots are taken
    nothing more is compared. Compared in constant time, so timing does not
    give the PIN away digit by digit.
    """
    if not settings.KIOSK_PIN or not _claim_a_try(address):
        return False
    if secrets.compare_digest(entered.encode(), settings.KIOSK_PIN.encode()):
        cache.delete_many(_slot_keys(address))
        return True
    return False
