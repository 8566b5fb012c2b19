"""Browser-test helpers for kiosk mode: tapping through a kiosk as a person and as staff do."""

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.support.browser import NEXT_BUTTON, WCAG_22_AA

STAFF_PIN = "2468"  # tests/settings.py
KIOSK_VIEWPORT = {"width": 1080, "height": 1920}  # a portrait 1080p touch screen
MIN_TARGET_PX = 48


def turn_on_kiosk(page, base_url: str) -> None:
    page.goto(base_url + "/kiosk/")
    for digit in STAFF_PIN:
        page.locator(f".keypad [data-keypad-key='{digit}']").tap()
    with page.expect_navigation():
        page.get_by_role("button", name="Turn on kiosk mode").tap()
    expect(page.get_by_text("Touch to start.")).to_be_visible()


def step(page) -> str:
    return page.locator("#checker").get_attribute("data-step")


def tap_continue(page) -> None:
    before = page.locator("#checker input[name=state]").first.get_attribute("value")
    page.locator(NEXT_BUTTON).tap()  # "Continue" in whatever language the turn is in
    page.wait_for_function(
        "before => { const s = document.querySelector('#checker input[name=state]');"
        " return !s || s.value !== before; }",
        arg=before,
    )


def tap_age(page, age: int) -> None:
    for digit in str(age):
        page.locator(f".keypad [data-keypad-key='{digit}']").tap()
    tap_continue(page)


def tap_label(page, input_selector: str) -> None:
    input_id = page.locator(input_selector).get_attribute("id")
    page.locator(f"label[for='{input_id}']").tap()


def answer_by_touch(page, yes: set[str]) -> None:
    """Answer the current question screen by tapping labels: yes to codes in ``yes``."""
    if step(page) == "red_flags":
        ticked = [el.get_attribute("value") for el in page.locator("input[name=signs]").all()]
        ticked = [code for code in ticked if code in yes]
        for code in ticked:
            tap_label(page, f"input[name=signs][value={code}]")
        if not ticked:
            tap_label(page, "input[name=none]")
    else:
        names = {
            el.get_attribute("name") for el in page.locator("#checker input[type=radio]").all()
        }
        for name in sorted(names):
            tap_label(page, f"input[name={name}][value={'yes' if name in yes else 'no'}]")
    tap_continue(page)


def check_by_touch(page, age: int, yes: set[str], visit=None) -> None:
    """From the attract screen to a result, by touch alone; ``visit`` sees every screen."""
    page.get_by_role("link", name=re.compile("Check my symptoms")).first.tap()
    answer_check_by_touch(page, age, yes, visit)


def answer_check_by_touch(page, age: int, yes: set[str], visit=None) -> None:
    """From the checker's first screen to a result, by touch, in any language."""
    page.wait_for_selector("#checker[data-step=age]")
    if visit:
        visit(page)
    tap_age(page, age)
    for _ in range(15):
        if visit:
            visit(page)
        if step(page) == "result":
            return
        if step(page) == "review":
            page.locator(NEXT_BUTTON).tap()  # "See my result"
            page.wait_for_selector("#checker[data-step=result]")
            continue
        answer_by_touch(page, yes)
    raise AssertionError("never reached the result")


def assert_attract_screen(page, base_url: str) -> None:
    page.wait_for_url(base_url + "/kiosk/")
    expect(page.get_by_text("Touch to start.")).to_be_visible()
    assert page.locator("#checker").count() == 0


def start_check_and_tick_a_sign(page, base_url: str) -> str:
    """Age 60, then tick a warning sign without continuing; returns the sign's code."""
    page.get_by_role("link", name=re.compile("Check my symptoms")).first.tap()
    page.wait_for_selector("#checker[data-step=age]")
    tap_age(page, 60)
    assert step(page) == "red_flags"
    code = page.locator("input[name=signs]").first.get_attribute("value")
    tap_label(page, f"input[name=signs][value={code}]")
    return code


TARGETS_TOO_SMALL = """min => {
  const visible = el => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  };
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  return [...document.querySelectorAll(selector)].filter(visible).map(el => {
    const r = el.getBoundingClientRect();
    return {what: el.outerHTML.slice(0, 90), width: r.width, height: r.height};
  }).filter(t => t.width < min || t.height < min);
}"""


LINKS_LEAVING = """() => {
  const bad = [];
  for (const a of document.querySelectorAll('a[href]')) {
    const url = new URL(a.getAttribute('href'), location.href);
    if (url.origin !== location.origin || a.target) bad.push(a.outerHTML.slice(0, 120));
  }
  for (const f of document.querySelectorAll('form')) {
    const url = new URL(f.getAttribute('action') || location.href, location.href);
    if (url.origin !== location.origin) bad.push(f.outerHTML.slice(0, 120));
  }
  return bad;
}"""


def screen_name(page) -> str:
    checker = page.locator("#checker")
    if checker.count():
        return "check:" + checker.get_attribute("data-step")
    return page.url


def check_screen(page, problems: dict) -> None:
    name = screen_name(page)
    if name in problems:
        return
    small = page.evaluate(TARGETS_TOO_SMALL, MIN_TARGET_PX)
    leaving = page.evaluate(LINKS_LEAVING)
    axe = Axe().run(page, options=WCAG_22_AA)
    problems[name] = {
        "small targets": small,
        "links leaving": leaving,
        "axe": axe.generate_report() if axe.violations_count else "",
    }
