"""The checker's signed state token: validly signed but corrupt or oversized tokens are a 400."""

import threading
import time
import zlib

import pytest
from django.core import signing

from tests.support.checker import Checker
from triage import state_token
from triage.views import STATE_SALT
from triage.vocabulary import FINDINGS

SALT = STATE_SALT
MAX_AGE = 60


def signed(payload: bytes, *, compressed: bool) -> str:
    """A token with a good signature around any bytes we like, as a leaked key would allow."""
    body = signing.b64_encode(payload).decode()
    return signing.TimestampSigner(salt=SALT).sign(("." if compressed else "") + body)


def test_a_state_round_trips():
    data = {"s": "age", "a": None, "r": {}, "d": [], "v": False}
    assert state_token.load(state_token.dump(data, SALT), SALT, MAX_AGE) == data


def test_the_format_is_django_s_signed_compressed_json():
    data = {"s": "review", "r": {"fever": "yes"} | {f"x{n}": "no" for n in range(50)}}
    token = signing.dumps(data, salt=SALT, compress=True)
    assert token.startswith(".")  # compressed
    assert state_token.load(token, SALT, MAX_AGE) == data


def test_a_state_too_small_to_shrink_is_djangos_token_byte_for_byte(monkeypatch):
    data = {"s": "red_flags", "a": 60, "r": {}, "d": ["age"], "v": False}
    monkeypatch.setattr(signing.time, "time", lambda: 1_800_000_000.5)
    token = state_token.dump(data, SALT)
    assert not token.startswith(".")
    assert token == signing.dumps(data, salt=SALT, compress=True)


def test_a_whole_checks_state_is_compressed_and_django_reads_it():
    data = {
        "s": "result",
        "a": 70,
        "r": {code: "yes" if n % 3 else "no" for n, code in enumerate(FINDINGS)},
        "d": ["age", "red_flags", "fever", "back", "urinary", "risk", "review"],
        "v": False,
    }
    token = state_token.dump(data, SALT)
    uncompressed = signing.dumps(data, salt=SALT)
    assert token.startswith(".")
    assert len(token) < len(uncompressed) / 2
    assert signing.loads(token, salt=SALT) == data == state_token.load(token, SALT, MAX_AGE)


def test_django_reads_the_tokens_we_write():
    data = {"s": "review", "a": 40, "r": {"fever": "yes"}, "d": ["age"], "v": True}
    assert signing.loads(state_token.dump(data, SALT), salt=SALT, max_age=MAX_AGE) == data


def test_a_token_signed_for_another_salt_is_refused():
    token = state_token.dump({"s": "age"}, SALT)
    with pytest.raises(state_token.BadStateToken):
        state_token.load(token, SALT + ":kiosk:2", MAX_AGE)


def test_a_rotated_secret_key_still_reads_tokens_signed_with_the_old_one(settings):
    data = {"s": "age", "a": None, "r": {}, "d": [], "v": False}
    old = state_token.dump(data, SALT)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-secret-key-" + "x" * 40
    assert state_token.load(old, SALT, MAX_AGE) == data
    assert signing.loads(state_token.dump(data, SALT), salt=SALT) == data


def test_a_token_signed_with_a_key_no_longer_listed_is_refused(settings):
    old = state_token.dump({"s": "age"}, SALT)
    settings.SECRET_KEY = "a-new-secret-key-" + "x" * 40
    with pytest.raises(state_token.BadStateToken):
        state_token.load(old, SALT, MAX_AGE)


@pytest.mark.parametrize(
    "token",
    [
        "",
        "not-a-real-token",
        "x" * (state_token.MAX_TOKEN_CHARACTERS + 1),
        signed(b"not zlib at all", compressed=True),
        signed(zlib.compress(b'{"s": "age"')[:-4], compressed=True),  # cut short
        signed(zlib.compress(b"\xff\xfe not utf-8"), compressed=True),
        signed(b"{not json", compressed=False),
        signed(b"[" * 100_000 + b"]" * 100_000, compressed=False),
    ],
    ids=["empty", "unsigned", "too-long", "bad-zlib", "truncated", "not-utf8", "bad-json", "deep"],
)
def test_a_corrupt_token_is_refused_as_a_bad_state(token):
    with pytest.raises(state_token.BadStateToken):
        state_token.load(token, SALT, MAX_AGE)


def test_a_small_token_that_inflates_hugely_is_refused_without_inflating_it():
    bomb = zlib.compress(b'{"s": "' + b"a" * 200_000_000 + b'"}', 9)
    token = signed(bomb, compressed=True)
    assert len(token) < state_token.MAX_TOKEN_CHARACTERS * 100
    started = time.perf_counter()
    with pytest.raises(state_token.BadStateToken):
        state_token.load(token[: state_token.MAX_TOKEN_CHARACTERS], SALT, MAX_AGE)
    with pytest.raises(state_token.BadStateToken):
        state_token.load(token, SALT, MAX_AGE)
    assert time.perf_counter() - started < 1


def test_a_bomb_that_fits_the_length_cap_is_stopped_at_the_json_cap():
    bomb = zlib.compress(b" " * 5_000_000, 9)  # about 5 KB that inflates to 5 MB
    token = signed(bomb, compressed=True)
    assert len(token) <= state_token.MAX_TOKEN_CHARACTERS
    with pytest.raises(state_token.BadStateToken, match="limit"):
        state_token.load(token, SALT, MAX_AGE)


def test_a_real_full_check_fits_well_inside_the_limits(pages, client):
    everything = {
        "fever", "back_pain", "limb_numbness", "injects_drugs", "recent_spinal_procedure",
    }  # fmt: skip
    checker = Checker(client).run(age=70, yes=everything, unsure={"night_pain"})
    assert checker.step == "result"
    token = checker.state
    assert len(token) < state_token.MAX_TOKEN_CHARACTERS / 4


@pytest.mark.parametrize(
    "payload,compressed",
    [
        (b"not zlib at all", True),
        (b"{not json", False),
        (zlib.compress(b" " * 5_000_000, 9), True),
        (b"[" * 100_000 + b"]" * 100_000, False),
    ],
    ids=["bad-zlib", "bad-json", "bomb", "deep"],
)
def test_the_checker_answers_a_corrupt_signed_state_with_400_and_a_fresh_start(
    pages, client, payload, compressed
):
    response = client.post("/check/", {"state": signed(payload, compressed=compressed)})
    html = response.content.decode()
    assert response.status_code == 400
    assert "started again" in html
    assert 'data-step="age"' in html


def test_a_first_screens_token_is_written_and_read_without_giving_up_the_gil():
    # The server runs eight Django threads on one interpreter (config/serve.py). A call
    # that gives up the GIL (hmac.digest, zlib) lets another thread run, and under load
    # the request may then wait up to the 5 ms switch interval. Beside a busy thread,
    # such calls made this loop about 20 times slower; without them it barely changes.
    data = {"s": "red_flags", "a": 60, "r": {}, "d": ["age"], "v": False}

    def round_trips() -> float:
        started = time.perf_counter()
        for _ in range(1000):
            state_token.load(state_token.dump(data, SALT), SALT, MAX_AGE)
        return time.perf_counter() - started

    alone = round_trips()
    done = threading.Event()

    def busy():
        while not done.is_set():
            pass

    other_thread = threading.Thread(target=busy)
    other_thread.start()
    try:
        beside_a_busy_thread = round_trips()
    finally:
        done.set()
        other_thread.join()
    assert beside_a_busy_thread < 5 * alone + 0.02
