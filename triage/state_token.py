"""The checker's answers as a signed token in a hidden form field, read back with limits.

The token is Django's signed, compressed JSON (the same format as
``signing.dumps(..., compress=True)``). A good signature proves we wrote it,
but not that it is well-formed: a token from an older release, or one signed
with a leaked key, must still be refused cleanly. So the token's length is
capped before anything else, the decompressed size is capped while inflating
(a small token could otherwise inflate to gigabytes), and anything that does
not decode is a ``BadStateToken``, which the checker answers with a 400 and a
fresh start, never a 500.

Every checker step reads one token and writes the next, inside a server
thread that shares the interpreter with seven others (config/serve.py), so
how the work is done matters as much as how much there is:

- The signer and its derived HMAC key are worked out once per salt and secret,
  not on every call, and signing uses ``hmac.new``, which keeps the GIL for a
  short message. ``hmac.digest`` gives it up on every call; under load each
  such call can leave the request waiting behind another thread for up to
  the 5 ms switch interval.
- zlib gives up the GIL too, and ``zlib.compress`` sets up about 256 KB of
  state for every call (about 50 µs a call for a 50-byte state in a plain
  script here, against 3 µs with the settings below). So a state too small
  to shrink is not compressed at all, and a larger one is compressed with a
  1 KB window and small hash tables, which shrink a whole check's answers
  just as well.

The tokens keep Django's format, so ``signing.loads`` reads them, and tokens
written by ``signing.dumps`` (an older release's) are read here. The JSON inside is
written and read with orjson, as the API's answers are (config/json_response.py):
a state holds only ASCII codes, numbers and booleans, for which orjson writes the
same compact bytes as Django's ``JSONSerializer``, in a twentieth of the time, and
reads them in a quarter.
"""

import functools
import hashlib
import hmac
import zlib

import orjson
from django.conf import settings
from django.core import signing

# A full check (every question answered) is well under 1 KB of token and 2 KB
# of JSON; these leave room for growth and still bound the work per request.
MAX_TOKEN_CHARACTERS = 8 * 1024
MAX_JSON_BYTES = 16 * 1024


class BadStateToken(ValueError):
    """The token is missing, not ours, expired, too large or not readable."""


# A state this small (the first two screens') has too little repetition for
# zlib to shorten it; from the third screen on, states are several times larger.
COMPRESS_FROM_BYTES = 128
# A 1 KB window and the smallest hash tables that still find a whole check's
# repetitions: about 5 KB of zlib state instead of 256 KB (see the docstring).
DEFLATE_WINDOW_BITS = 10
DEFLATE_MEMORY_LEVEL = 2


class _StateSigner(signing.TimestampSigner):
    """Django's TimestampSigner (SHA-256) with its derived keys remembered.

    ``signing.Signer.signature`` derives an HMAC key from the salt and the secret
    with a SHA-256 on every call (django.utils.crypto.salted_hmac); this derives it
    once. Same signatures.
    """

    def signature(self, value: str, key=None) -> str:
        derived = _derived_key(self.salt, key or self.key)
        mac = hmac.new(derived, value.encode(), hashlib.sha256).digest()
        return signing.b64_encode(mac).decode()


@functools.lru_cache(maxsize=256)
def _derived_key(salt: str, secret: str | bytes) -> bytes:
    # salted_hmac's derivation, with the key salt Signer.signature passes it.
    secret = secret if isinstance(secret, bytes) else secret.encode()
    return hashlib.sha256((salt + "signer").encode() + secret).digest()


# Salts differ per kiosk turn (triage.views._state_salt), so a few hundred at most
# are in use at once; the secrets are part of the key so a rotated one is never reused.
@functools.lru_cache(maxsize=256)
def _signer(salt: str, secret: str, fallbacks: tuple) -> _StateSigner:
    return _StateSigner(key=secret, salt=salt, fallback_keys=fallbacks)


def _signer_for(salt: str) -> _StateSigner:
    return _signer(salt, settings.SECRET_KEY, tuple(settings.SECRET_KEY_FALLBACKS))


def _deflate(raw: bytes) -> bytes:
    deflater = zlib.compressobj(
        zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, DEFLATE_WINDOW_BITS, DEFLATE_MEMORY_LEVEL
    )
    return deflater.compress(raw) + deflater.flush()


def dump(data: object, salt: str) -> str:
    """``data`` signed in the format of ``signing.dumps(data, salt=salt, compress=True)``:
    JSON, compressed when that makes it shorter (marked by a leading "."), base64."""
    raw = orjson.dumps(data)
    if len(raw) >= COMPRESS_FROM_BYTES and len(compressed := _deflate(raw)) < len(raw) - 1:
        body = "." + signing.b64_encode(compressed).decode()
    else:
        body = signing.b64_encode(raw).decode()
    return _signer_for(salt).sign(body)


def load(token: str, salt: str, max_age: int) -> object:
    if not token or len(token) > MAX_TOKEN_CHARACTERS:
        raise BadStateToken("no token, or too long")
    try:
        payload = _signer_for(salt).unsign(token, max_age=max_age).encode()
        compressed = payload[:1] == b"."
        raw = signing.b64_decode(payload[1:] if compressed else payload)
        if compressed:
            inflater = zlib.decompressobj()
            raw = inflater.decompress(raw, MAX_JSON_BYTES)
            if inflater.unconsumed_tail or not inflater.eof:
                raise BadStateToken("inflates past the limit, or is cut short")
        if len(raw) > MAX_JSON_BYTES:
            raise BadStateToken("too large")
        # orjson.JSONDecodeError, for bad JSON or bad UTF-8, is a ValueError.
        return orjson.loads(raw)
    except BadStateToken:
        raise
    except (signing.BadSignature, ValueError, TypeError, zlib.error, RecursionError) as error:
        raise BadStateToken(str(error)) from error
