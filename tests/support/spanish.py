"""Spanish in the tests: a small Spanish page, and the English a Spanish page must not show.

tests/fixtures/pages/es/pyelonephritis.toml translates the shipped
pyelonephritis page. It lives in the tests, not in education/content, so it is
never loaded by `make run`. english_left_in() finds catalog strings left in
English on a page meant to be in Spanish.
"""

import functools
import re
from html import unescape
from pathlib import Path

from django.utils import translation

from education.content_files import PageContent, read_page_file

FIXTURE_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
SPANISH_SLUG = "pyelonephritis"
SPANISH_TITLE = "Infección de riñón (pielonefritis)"


def spanish_fixture_page() -> PageContent:
    return read_page_file(FIXTURE_DIR / "es" / f"{SPANISH_SLUG}.toml", where="es fixture")


# Catalog strings shorter than this are words both languages share ("No", "Error:").
_SHORTEST_TELLING_STRING = 16
_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


@functools.cache
def _english_phrases(language: str = "es") -> tuple[str, ...]:
    """Every English phrase the catalog translates into something else, long enough to tell.

    A string with placeholders is split at them, so a sentence built from a
    translated frame but English pieces is still caught by its pieces."""
    catalog = translation.trans_real.translation(language)._catalog
    phrases = set()
    for msgid, msgstr in catalog.items():
        if not isinstance(msgid, str) or msgid == msgstr:
            continue
        for piece in _PLACEHOLDER.split(msgid):
            piece = piece.strip()
            if len(piece) >= _SHORTEST_TELLING_STRING and piece not in msgstr:
                phrases.add(piece)
    return tuple(sorted(phrases))


def visible_text(html: str) -> str:
    """The words a page shows (tags, scripts and the QR code's SVG left out)."""
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    return re.sub(r"\s+", " ", text)


def english_left_in(html: str) -> list[str]:
    """The English catalog phrases a page meant to be in Spanish still shows."""
    text = visible_text(html)
    return [phrase for phrase in _english_phrases() if phrase in text]
