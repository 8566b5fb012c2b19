"""Browser-test helpers: axe-core with WCAG 2.2 AA, and walking the checker in Chromium."""

from axe_playwright_python.sync_playwright import Axe

from education.content_files import read_all_pages
from triage.flow import STEPS

WCAG_22_AA = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"],
    }
}


PAGE_URLS = [f"/conditions/{page.slug}/" for page in read_all_pages()]


def assert_no_axe_violations(page) -> None:
    results = Axe().run(page, options=WCAG_22_AA)
    assert results.violations_count == 0, results.generate_report()


# --- The checker ------------------------------------------------------------------------


def current_step(page) -> str:
    return page.locator("#checker").get_attribute("data-step")


# Waits are written as functions, never bare expressions: Playwright polls a bare
# expression with eval(), which the site's Content-Security-Policy forbids, so such a
# wait only passed when its answer was already true on the first look.
FOCUS_ON_STEP_HEADING = "() => document.activeElement?.id === 'step-title'"

# The step's main button ("Continue", "See my result"), in whatever language the page is.
NEXT_BUTTON = "#checker button[name=action][value=next]"


def continue_(page, expected_change: bool = True) -> None:
    before = page.locator("#checker input[name=state]").first.get_attribute("value")
    page.locator(NEXT_BUTTON).click()
    if expected_change:
        page.wait_for_function(
            "before => { const s = document.querySelector('#checker input[name=state]');"
            " return !s || s.value !== before; }",
            arg=before,
        )


def answer_step(page, yes: set[str], unsure: set[str] = frozenset()) -> None:
    step = current_step(page)
    if step == "age":
        raise AssertionError("age is answered separately")
    if step == "red_flags":
        signs = [code for code in STEPS[step].findings if code in yes | unsure]
        for code in signs:
            page.locator(f"input[name=signs][value={code}]").check()
        if not signs:
            page.locator("#checker input[name=none]").check()  # "None of these"
    else:
        for code in STEPS[step].findings:
            value = "yes" if code in yes else "unsure" if code in unsure else "no"
            page.locator(f"input[name={code}][value={value}]").check()
    continue_(page)


def complete_check(
    page,
    base_url: str,
    age: int,
    yes: set[str],
    unsure=frozenset(),
    on_step=None,
    path: str = "/check/",
):
    """Walk a whole check from ``path`` (``/es/check/`` walks it in Spanish)."""
    page.goto(base_url + path)
    if on_step:
        on_step(page)
    page.locator("#checker input[name=age]").fill(str(age))
    continue_(page)
    for _ in range(15):
        if on_step:
            on_step(page)
        step = current_step(page)
        if step == "result":
            return
        if step == "review":
            page.locator(NEXT_BUTTON).click()
            page.wait_for_selector("#checker[data-step=result]")
            continue
        answer_step(page, yes, unsure)
    raise AssertionError("never reached the result")
