"""Pages made for one screen: how a mode that changes the site for a device tells the other apps.

The clinic kiosk is such a mode: it decorates the explanation pages and the
checker, and they never import it (tests/test_import_direction.py). Its
middleware marks each of its requests with :func:`personalise`, and the other
apps ask only the two questions below, which they understand without knowing
why the answer is what it is:

- :func:`is_personalised`: this response is made for this one device (it may
  differ from the public page at the same address), so it is rendered afresh,
  never stored and never revalidated (education.caching);
- :func:`turn`: a text that changes whenever the person in front of the screen
  may have changed. Data signed for one turn (the checker's hidden answers) is
  unreadable in the next, so nothing carries over to the next person.

A request nothing marked is public: not personalised, and all one turn ("").
"""

from django.http import HttpRequest

_TURN = "personalised_turn"


def personalise(request: HttpRequest, *, turn: str) -> None:
    """Mark ``request`` as made for this device only, during the person's ``turn``."""
    if not turn:
        raise ValueError("A personalised request needs a turn that is not empty.")
    setattr(request, _TURN, turn)


def is_personalised(request: HttpRequest) -> bool:
    return bool(getattr(request, _TURN, ""))


def turn(request: HttpRequest) -> str:
    """The current person's turn on this device; "" on a public page (one everlasting turn)."""
    return getattr(request, _TURN, "")
