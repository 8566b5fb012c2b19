"""Fixtures shared by the browser tests: a touch-screen kiosk with kiosk mode turned on."""

import pytest

from tests.support.browser_kiosk import KIOSK_VIEWPORT, turn_on_kiosk


@pytest.fixture
def kiosk_context(browser, live_server, pages):
    # bypass_csp only so axe-core can be injected; the site's policy is unchanged.
    context = browser.new_context(has_touch=True, viewport=KIOSK_VIEWPORT, bypass_csp=True)
    yield context
    context.close()


@pytest.fixture
def kiosk(kiosk_context, live_server):
    """A kiosk screen with kiosk mode on. The clock is Playwright's fake one, so idle
    timers and the offline page's checks run only when a test moves it."""
    page = kiosk_context.new_page()
    page.clock.install()
    turn_on_kiosk(page, live_server.url)
    return page
