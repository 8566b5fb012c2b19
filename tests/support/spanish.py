"""A small Spanish page for the tests, until the shipped Spanish pages are used instead.

tests/fixtures/pages/es/pyelonephritis.toml translates the shipped
pyelonephritis page. It lives in the tests, not in education/content, so it is
never loaded by `make run`.
"""

from pathlib import Path

from education.content_files import PageContent, read_page_file

FIXTURE_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
SPANISH_SLUG = "pyelonephritis"
SPANISH_TITLE = "Infección de riñón (pielonefritis)"


def spanish_fixture_page() -> PageContent:
    return read_page_file(FIXTURE_DIR / "es" / f"{SPANISH_SLUG}.toml", where="es fixture")
