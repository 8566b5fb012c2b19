"""The checker's answers as a signed token in a hidden form field, read back with limits.

The token is Django's signed, compressed JSON (the same format as
``signing.dumps(..., compress=True)``). A good signature proves we wrote it,
but not that it is well-formed: a token from an older release, or one signed
with a leaked key, must still be refused cleanly. So the token's length is
capped before anything else, the decompressed size is capped while inflating
(a small token could otherwise inflate to gigabytes), and anything that does
not decode is a ``BadStateToken``, which the checker answers with a 400 and a
fresh start, never a 500.
"""

import json
import zlib

from django.core import signing

# A full check (every question answered) is well under 1 KB of token and 2 KB
# of JSON; these leave room for growth and still bound the work per request.
MAX_TOKEN_CHARACTERS = 8 * 1024
MAX_JSON_BYTES = 16 * 1024


class BadStateToken(ValueError):
    """The token is missing, not ours, expired, too large or not readable."""


def dump(data: object, salt: str) -> str:
    return signing.dumps(data, salt=salt, compress=True)


def load(token: str, salt: str, max_age: int) -> object:
    if not token or len(token) > MAX_TOKEN_CHARACTERS:
        raise BadStateToken("no token, or too long")
    try:
        payload = signing.TimestampSigner(salt=salt).unsign(token, max_age=max_age).encode()
        compressed = payload[:1] == b"."
        raw = signing.b64_decode(payload[1:] if compressed else payload)
        if compressed:
            inflater = zlib.decompressobj()
            raw = inflater.decompress(raw, MAX_JSON_BYTES)
            if inflater.unconsumed_tail or not inflater.eof:
                raise BadStateToken("inflates past the limit, or is cut short")
        if len(raw) > MAX_JSON_BYTES:
            raise BadStateToken("too large")
        return json.loads(raw.decode("utf-8"))
    except BadStateToken:
        raise
    except (signing.BadSignature, ValueError, TypeError, zlib.error, RecursionError) as error:
        raise BadStateToken(str(error)) from error
