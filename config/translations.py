"""The translation catalogs: which languages have one, and how they are built.

English is the source language: the strings marked in the code and templates are
English, and every other language in ``settings.LANGUAGES`` has a catalog in
``locale/<code>/LC_MESSAGES/django.po`` with its compiled ``django.mo`` beside it.
Both are committed, so ``make run`` needs no gettext; ``make messages`` (this
module) brings them up to date. ``tests/config/test_translations_catalog.py``
collects the strings with the same options into a copy of the catalogs, so a
string marked since the last ``make messages`` fails the tests, not the reader.

Run from the project folder: ``python -m config.translations``.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

# Test modules mark strings of their own to test the marking; scripts/ holds the
# benchmark tools and Lighthouse's node_modules, which have nothing to translate.
IGNORE_PATTERNS = ("tests/*", "scripts/*")

MAKEMESSAGES_OPTIONS = {
    "ignore_patterns": list(IGNORE_PATTERNS),
    # A string no longer in the code leaves the catalog instead of lingering as "#~".
    "no_obsolete": True,
    # File names without line numbers: moving code does not rewrite the catalog.
    "add_location": "file",
}


def catalog_languages() -> list[str]:
    """Every language of the site except the source language, English."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalog_path(language: str, suffix: str = ".po") -> Path:
    return Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / f"django{suffix}"


def collect_messages(**options) -> None:
    """Add newly marked strings to every catalog and drop the ones no longer used.

    A new string arrives with an empty translation (or a "fuzzy" guess from a similar
    string, which is not used until someone checks it and removes the flag).
    """
    call_command("makemessages", locale=catalog_languages(), **MAKEMESSAGES_OPTIONS, **options)


def compile_messages(**options) -> None:
    # compilemessages compiles every locale/ folder it finds under the current one;
    # ".*" keeps it out of .venv, whose packages ship their own catalogs.
    call_command(
        "compilemessages",
        locale=catalog_languages(),
        ignore_patterns=[".*", *IGNORE_PATTERNS],
        **options,
    )


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    collect_messages()
    compile_messages()
