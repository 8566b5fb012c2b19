"""Admin sign-in under attack: lockout after repeated failures, a gate on password checks."""

import io
import logging
from unittest.mock import patch

import pytest
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from config import sign_in

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
LIMIT = 5  # settings.AXES_FAILURE_LIMIT
LOCKED_OUT = "Too many failed sign-ins"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "right-pw")


def sign_in_as(client, password: str, username: str = "editor", **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def fail(client, count: int, username: str = "editor", **extra):
    """Wrong passwords; the one that reaches the limit already gets the lockout page."""
    response = None
    for _ in range(count):
        response = sign_in_as(client, "wrong-pw", username, **extra)
        assert response.status_code in {200, 429}
    return response


def test_the_right_password_signs_in(client, editor):
    response = sign_in_as(client, "right-pw")
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_after_the_limit_the_next_try_is_refused_without_checking_the_password(client, editor):
    assert fail(client, LIMIT).status_code == 429
    with patch.object(ModelBackend, "authenticate") as authenticate:
        response = sign_in_as(client, "right-pw")
    authenticate.assert_not_called()
    assert response.status_code == 429
    assert LOCKED_OUT in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_says_how_long_to_wait(client, editor, settings):
    fail(client, LIMIT)
    html = sign_in_as(client, "right-pw").content.decode()
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    assert f"paused for {minutes} minutes" in html


def test_fewer_failures_than_the_limit_do_not_lock_out(client, editor):
    assert fail(client, LIMIT - 1).status_code == 200  # the form again, with its error
    assert sign_in_as(client, "right-pw").status_code == 302


def test_a_success_clears_the_count(client, editor):
    fail(client, LIMIT - 1)
    assert sign_in_as(client, "right-pw").status_code == 302
    client.logout()
    fail(client, LIMIT - 1)
    assert sign_in_as(client, "right-pw").status_code == 302


def test_the_lockout_holds_for_a_second_browser(client, editor):
    fail(client, LIMIT - 2)
    fail(Client(), 2)
    assert sign_in_as(Client(), "right-pw").status_code == 429
    assert sign_in_as(client, "right-pw").status_code == 429


def test_a_forged_forwarded_for_header_does_not_get_around_the_lockout(client, editor):
    for number in range(LIMIT):
        fail(client, 1, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    response = sign_in_as(client, "right-pw", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_lockout_is_for_the_client_behind_it(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    fail(client, LIMIT, HTTP_X_FORWARDED_FOR="192.0.2.10", **proxy)
    locked = sign_in_as(client, "right-pw", HTTP_X_FORWARDED_FOR="192.0.2.10", **proxy)
    assert locked.status_code == 429
    other = sign_in_as(Client(), "right-pw", HTTP_X_FORWARDED_FOR="192.0.2.11", **proxy)
    assert other.status_code == 302


def test_the_lockout_is_for_the_username_and_address_together(client, editor):
    fail(client, LIMIT, username="someone-else")
    assert sign_in_as(client, "right-pw").status_code == 302
    response = sign_in_as(Client(REMOTE_ADDR="10.9.9.9"), "right-pw")
    assert response.status_code == 302


def test_failed_sign_ins_leave_no_address_or_typed_name_in_the_logs(client, editor, caplog):
    with caplog.at_level(logging.DEBUG):
        fail(client, LIMIT, username="typed-Secret-9", REMOTE_ADDR="192.0.2.77")
        sign_in_as(client, "right-pw", "typed-Secret-9", REMOTE_ADDR="192.0.2.77")
    assert "192.0.2.77" not in caplog.text
    assert "typed-Secret-9" not in caplog.text
    assert "Locking out" in caplog.text  # axes did log, without them


# --- The gate: only so many password checks at once, site-wide ---------------------------


def take_every_slot(settings) -> None:
    for number in range(settings.ADMIN_SIGN_IN_CONCURRENCY):
        assert cache.add(f"admin-sign-in-slot:{number}", True, 60)


def test_while_the_checks_are_busy_a_sign_in_is_turned_away_unchecked(client, editor, settings):
    take_every_slot(settings)
    with patch.object(ModelBackend, "authenticate") as authenticate:
        response = sign_in_as(client, "right-pw")
    authenticate.assert_not_called()
    assert response.status_code == 429
    assert response["Retry-After"] == str(sign_in.RETRY_AFTER_SECONDS)
    assert "Wait a few seconds" in response.content.decode()


def test_while_the_checks_are_busy_pages_and_the_sign_in_form_are_still_served(
    client, editor, settings, pages
):
    take_every_slot(settings)
    assert client.get("/").status_code == 200
    assert client.get("/conditions/sepsis/").status_code == 200
    assert client.get(LOGIN).status_code == 200


def test_the_gate_frees_its_slot_after_each_sign_in(client, editor, settings):
    for _ in range(3):
        fail(client, 1)
    assert sign_in_as(client, "right-pw").status_code == 302
    keys = [f"admin-sign-in-slot:{n}" for n in range(settings.ADMIN_SIGN_IN_CONCURRENCY)]
    assert cache.get_many(keys) == {}


def test_the_gate_frees_its_slot_when_the_check_fails_with_an_error(client, editor, settings):
    with (
        patch.object(ModelBackend, "authenticate", side_effect=RuntimeError),
        pytest.raises(RuntimeError),
    ):
        sign_in_as(client, "right-pw")
    assert sign_in_as(client, "right-pw").status_code == 302


def test_a_crashed_worker_cannot_hold_a_slot_for_long():
    assert sign_in.SLOT_SECONDS <= 30


def test_staff_can_lift_a_pause_early_with_axes_reset_ip_username(client, editor):
    fail(client, LIMIT)
    call_command("axes_reset_ip_username", "127.0.0.1", "editor", stdout=io.StringIO())
    assert sign_in_as(client, "right-pw").status_code == 302
