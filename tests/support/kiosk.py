"""Kiosk test helpers: make a test client a kiosk as staff do, and check where its links go."""

from html.parser import HTMLParser

from django.conf import settings

from kiosk.device import COOKIE_NAME

# One check that ends at each level, answered by form as a person would.
CHECK_FOR_LEVEL = {
    "emergency": (45, {"confusion"}),
    "urgent": (58, {"fever", "back_pain", "weakened_immunity"}),
    "soon": (40, {"back_pain", "night_pain"}),
    "routine": (45, {"back_pain", "pain_over_six_weeks"}),
    "self_care": (34, {"back_pain"}),
}


def turn_on_kiosk(client):
    """Enter the staff PIN at /kiosk/, as staff setting up a screen do."""
    response = client.post("/kiosk/", {"pin": settings.KIOSK_PIN, "action": "enter"})
    assert response.status_code == 303, response.content.decode()[:500]
    assert COOKIE_NAME in response.cookies
    return client


def kiosk_cookie(client) -> str:
    """The kiosk cookie as the browser holds it (signed; it changes with each new turn)."""
    return client.cookies[COOKIE_NAME].value


# --- Links and forms ----------------------------------------------------------------------

URL_ATTRIBUTES = ("href", "action", "src", "formaction")


class _Addresses(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value is not None:
                self.found.append((tag, name, value))

    handle_startendtag = handle_starttag


def addresses(html: str) -> list[tuple[str, str, str]]:
    """Every (tag, attribute, value) for href, action, src and formaction in ``html``."""
    parser = _Addresses()
    parser.feed(html)
    parser.close()
    return parser.found


def stays_on_site(address: str) -> bool:
    """A path on this site ("/conditions/", "/check/?x") or an anchor on this page ("#main")."""
    if address.startswith("#"):
        return True
    return address.startswith("/") and not address.startswith("//") and "\\" not in address
