"""The checker's steps over HTTP, with and without htmx."""

import re

import pytest
from django.core import signing

from education.models import PageRevision
from tests.support.checker import Checker
from triage.flow import STEPS
from triage.views import STATE_SALT

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[False, True], ids=["full-page", "htmx"])
def checker(request, pages, client):
    return Checker(client, htmx=request.param)


def test_the_checker_starts_by_asking_age(checker):
    checker.start()
    assert checker.status == 200
    assert checker.step == "age"
    assert "How old are you?" in checker.html


def test_htmx_requests_get_only_the_step_and_full_requests_the_whole_page(pages, client):
    full = Checker(client).start()
    partial = Checker(client, htmx=True).start()
    assert "<html" in full.html and 'id="checker"' in full.html
    assert "<html" not in partial.html and partial.html.lstrip().startswith('<div id="checker"')
    assert full.response["Vary"].startswith("HX-Request") or "HX-Request" in full.response["Vary"]


def test_every_step_is_a_real_form_that_posts_to_the_same_url(checker):
    checker.start().post({"age": "40"})
    for _ in range(8):
        assert '<form class="checker-form" method="post" action="/check/"' in checker.html
        assert 'hx-post="/check/"' in checker.html
        if checker.step == "red_flags":
            checker.post({"none": "on"})
        elif checker.step == "review":
            break
        else:
            checker.answer_all("no")
    assert checker.step == "review"


@pytest.mark.parametrize(
    ("age", "message"),
    [
        ("", "Enter your age in years"),
        ("forty", "Enter your age as a whole number"),
        ("4.5", "Enter your age as a whole number"),
        ("130", "Enter an age from 0 to 120"),
        ("-3", "Enter an age from 0 to 120"),
    ],
)
def test_a_bad_age_shows_a_plain_error_and_keeps_what_was_typed(checker, age, message):
    checker.start().post({"age": age})
    assert checker.step == "age"
    assert message in checker.html
    assert 'aria-invalid="true"' in checker.html
    assert f'value="{age}"' in checker.html
    assert "There is a problem" in checker.html


def test_the_red_flag_screen_needs_a_tick_or_none_of_these(checker):
    checker.start().post({"age": "70"})
    checker.post({})
    assert checker.step == "red_flags"
    assert "or tick “None of these”" in checker.html


def test_none_of_these_with_a_sign_ticked_is_questioned(checker):
    checker.start().post({"age": "70"})
    checker.post({"none": "on", "signs": ["confusion"]})
    assert checker.step == "red_flags"
    assert "You ticked “None of these” and also a warning sign" in checker.html


def test_an_unanswered_question_is_flagged_and_other_answers_kept(checker):
    checker.start().post({"age": "70"})
    checker.post({"none": "on"})
    assert checker.step == "fever"
    checker.post({"fever": "yes"})
    assert checker.step == "fever"
    assert "Choose Yes, No or Not sure." in checker.html
    assert re.search(
        r'value="yes"[^>]*id="id_fever_0"[^>]*checked|checked[^>]*value="yes"', checker.html
    ) or ('name="fever" value="yes"' in checker.html and "checked" in checker.html)


def test_an_emergency_sign_goes_straight_to_an_emergency_result(checker):
    checker.start().post({"age": "45"})
    checker.post({"pregnant": "no"})
    checker.post({"signs": ["breathless"]})
    assert checker.step == "result"
    assert "Emergency" in checker.html
    assert "Call 911 now" in checker.html
    assert 'href="tel:911"' in checker.html
    assert "/conditions/sepsis/#emergency-signs" in checker.html


def test_the_back_button_keeps_earlier_answers(checker):
    checker.start().post({"age": "70"})
    checker.post({"none": "on"})
    checker.answer_all("no", fever="yes")
    assert checker.step == "back"
    checker.post(action="back")
    assert checker.step == "fever"
    assert re.search(r'name="fever" value="yes"[^>]*checked', checker.html)
    checker.post(action="back")
    assert checker.step == "red_flags"
    assert re.search(r'name="none"[^>]*checked', checker.html)
    checker.post(action="back")
    assert checker.step == "age"
    assert 'value="70"' in checker.html


def test_the_summary_lists_answers_with_change_buttons_that_return_to_it(checker):
    checker.run(age=70, yes={"back_pain"})
    checker.post(action="change:review")
    assert checker.step == "review"
    assert "Check your answers" in checker.html
    for key in ("age", "red_flags", "fever", "back", "back_details", "health"):
        assert f'value="change:{key}"' in checker.html
    checker.post(action="change:fever")
    assert checker.step == "fever"
    checker.answer_all("no", fever="yes")
    assert checker.step == "review"
    checker.post()
    assert checker.step == "result"
    assert "Urgent" in checker.html


def test_an_urgent_result_links_to_the_same_day_signs_and_mentions_urgent_care(checker):
    checker.run(age=29, yes={"fever", "back_pain"})
    assert checker.step == "result"
    assert "Urgent" in checker.html
    assert "/conditions/spinal-epidural-abscess/#urgent-signs" in checker.html
    assert "urgent care center" in what_to_do(checker.html)


def what_to_do(html: str) -> str:
    """The result's level box: its title and what to do now (the footer is left out)."""
    return html.split("result__level", 1)[1].split("</section>", 1)[0]


def test_a_suspected_spine_infection_is_sent_to_a_hospital_not_urgent_care(checker):
    checker.run(age=58, yes={"fever", "back_pain", "weakened_immunity"})
    assert checker.step == "result"
    assert "Urgent" in checker.html
    assert "Go to the emergency department today, or to a hospital same-day service" in (
        checker.html
    )
    assert "urgent care center" not in what_to_do(checker.html)


def test_a_pregnant_person_with_kidney_signs_is_sent_to_maternity_care(checker):
    checker.run(age=28, yes={"pregnant", "fever", "flank_pain", "painful_urination"})
    assert checker.step == "result"
    assert "Call your maternity unit (maternity triage) now" in checker.html
    assert "your baby is moving less than usual" in checker.html
    assert "urgent care center" not in what_to_do(checker.html)


def test_plain_back_pain_ends_in_self_care_with_a_safety_net(checker):
    checker.run(age=34, yes={"back_pain"})
    assert 'href="/conditions/back-pain-and-fever/"' in checker.html
    assert "Self-care" in checker.html
    assert "Get help faster if things change" in checker.html
    assert "Because you said" in checker.html
    assert "Rules version" in checker.html
    assert "not a diagnosis" in checker.html


def test_not_sure_is_counted_as_yes_and_said_so(checker):
    checker.run(age=40, yes={"back_pain"}, unsure={"fever"})
    assert "Urgent" in checker.html
    assert "not sure" in checker.html.lower()


def test_a_child_gets_a_see_a_doctor_result(checker):
    checker.run(age=12, yes={"back_pain"})
    assert "made for adults" in checker.html
    assert "Urgent" in checker.html


def test_a_floppy_baby_is_an_emergency_from_the_childrens_screen(checker):
    checker.run(age=1, unsure={"floppy_or_bulging_soft_spot"})
    assert checker.history[-3:] == ["red_flags", "child_signs", "result"]
    assert "Emergency" in checker.html
    assert "soft spot" in checker.pages[-2]


def test_an_adult_is_not_asked_the_signs_in_children(checker):
    checker.run(age=30)
    assert "child_signs" not in checker.history


def test_the_clinic_emergency_number_is_used(checker, settings):
    settings.EMERGENCY_NUMBER = "999"
    checker.run(age=40, yes={"confusion"})
    assert "Call 999 now" in checker.html
    assert "911" not in checker.html


def test_tampered_state_restarts_with_a_clear_message(pages, client):
    response = client.post("/check/", {"state": "not-a-real-token", "action": "next", "age": "40"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "started again" in html
    assert 'data-step="age"' in html


def test_a_forged_state_with_a_valid_signature_but_bad_content_restarts(pages, client):
    token = signing.dumps({"s": "result", "a": "x"}, salt=STATE_SALT, compress=True)
    response = client.post("/check/", {"state": token})
    assert response.status_code == 400


def test_an_unknown_action_or_field_is_harmless(checker):
    checker.start().post({"age": "40", "surprise": "x" * 5000}, action="explode")
    assert checker.status == 200
    assert checker.step in ("age", "pregnancy")


def test_a_step_cannot_be_skipped_by_asking_for_it(checker):
    checker.start().post({"age": "40"})
    checker.post(action="change:health")
    assert checker.step == "pregnancy"


def test_other_methods_are_refused(pages, client):
    assert client.put("/check/").status_code == 405
    assert client.delete("/check/").status_code == 405


def test_checker_pages_are_never_cached_and_set_no_cookie(checker):
    checker.run(age=40, yes={"back_pain"})
    for header in ("no-store", "private"):
        assert header in checker.response["Cache-Control"]
    assert not checker.response.cookies


def test_a_full_check_writes_nothing_to_the_database(checker, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    before = PageRevision.objects.count()
    with CaptureQueriesContext(connection) as queries:
        checker.run(age=58, yes={"fever", "back_pain", "limb_numbness"})
        checker.run(age=30, yes={"back_pain"}, unsure={"painful_urination"})
    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert PageRevision.objects.count() == before


def test_question_steps_offer_yes_no_and_not_sure(checker):
    checker.start().post({"age": "70"})
    checker.post({"none": "on"})
    for code in STEPS["fever"].findings:
        for value in ("yes", "no", "unsure"):
            assert f'name="{code}" value="{value}"' in checker.html
    assert "Not sure" in checker.html


def test_a_whole_check_asks_the_database_nothing(checker, django_assert_num_queries):
    # The rules need no database, and the result's page links are kept per process
    # (education.selectors.page_links): once loaded, no step reads the database.
    Checker(checker.client, htmx=checker.htmx).run(58, yes={"fever", "back_pain"})
    with django_assert_num_queries(0):
        checker.run(58, yes={"fever", "back_pain", "recent_spinal_procedure"})
        checker.post(action="change:review")
        checker.post()
    assert checker.history[-3:] == ["result", "review", "result"]
    assert "/conditions/spinal-epidural-abscess/" in checker.html
