"""The translation catalogs (locale/<code>/LC_MESSAGES/django.po and .mo) are complete.

A string marked in the code or a template since the last `make messages` fails here
with its text, as does an empty or fuzzy translation, a .mo that is not the .po
compiled, or a translation that drops a placeholder or an HTML tag.

These tests run GNU gettext's xgettext, msgmerge and msgfmt, as `make messages`
does. `make test` installs Debian's gettext when it is missing and you are root;
otherwise the tests fail and name the package to install.
"""

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import override_settings

from config.translations import catalog_languages, catalog_path, collect_messages

LANGUAGES = catalog_languages()
GETTEXT_TOOLS = ("xgettext", "msgmerge", "msgfmt")

# "%(name)s", "%(count)d", "%s" and "{name}": what Python fills in. "%%" is a literal %.
PERCENT_PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[#0 +-]*\d*(?:\.\d+)?[a-zA-Z%]")
BRACE_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
HTML_TAG = re.compile(r"<[^<>]+>")


def require_gettext() -> None:
    missing = [tool for tool in GETTEXT_TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.fail(
            f"GNU gettext is missing ({', '.join(missing)}). Run 'sudo apt-get install -y "
            "gettext', or `make test` as root, which installs it.",
            pytrace=False,
        )


def entry_key(entry: polib._BaseEntry) -> tuple[str, str, str]:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def translations(entry: polib._BaseEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[form] for form in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def describe(keys) -> str:
    return "\n".join(
        f"  {msgid!r}" + (f" (context {ctx!r})" if ctx else "") for ctx, msgid, _ in sorted(keys)
    )


def committed_catalog(language: str) -> polib.POFile:
    return polib.pofile(str(catalog_path(language)))


@pytest.fixture(scope="module")
def collected_catalogs(tmp_path_factory) -> dict[str, polib.POFile]:
    """Run `make messages`' collection on a copy of the project, with no catalog yet.

    A copy, because makemessages writes into every locale/ folder it walks past.
    What it writes is exactly the strings marked in the code today.
    """
    require_gettext()
    project = tmp_path_factory.mktemp("project") / "copy"
    shutil.copytree(
        settings.BASE_DIR,
        project,
        ignore=shutil.ignore_patterns(
            ".*", "__pycache__", "node_modules", "staticfiles", "locale", "db.sqlite3*"
        ),
    )
    locale = project / "locale"
    with pytest.MonkeyPatch.context() as patch, override_settings(LOCALE_PATHS=[locale]):
        patch.chdir(project)
        collect_messages(verbosity=0)
    return {
        language: polib.pofile(str(locale / language / "LC_MESSAGES" / "django.po"))
        for language in LANGUAGES
    }


def test_every_language_but_english_has_a_catalog():
    assert "es" in LANGUAGES
    for language in LANGUAGES:
        assert catalog_path(language).is_file(), f"run `make messages` for {language}"
        assert catalog_path(language, ".mo").is_file(), f"run `make messages` for {language}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_marked_string_is_in_the_catalog(collected_catalogs, language):
    marked = {entry_key(entry) for entry in collected_catalogs[language]}
    in_catalog = {entry_key(entry) for entry in committed_catalog(language)}
    missing = marked - in_catalog
    assert not missing, (
        f"{len(missing)} marked string(s) are not in {catalog_path(language)}. Run "
        f"`make messages`, translate them, run it again and commit the .po and .mo:\n"
        + describe(missing)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalog_has_no_string_the_code_no_longer_marks(collected_catalogs, language):
    marked = {entry_key(entry) for entry in collected_catalogs[language]}
    in_catalog = {entry_key(entry) for entry in committed_catalog(language)}
    stale = in_catalog - marked
    assert not stale, (
        f"{len(stale)} string(s) in {catalog_path(language)} are no longer marked "
        "anywhere. Run `make messages` to drop them:\n" + describe(stale)
    )


def test_the_collection_finds_strings_in_code_and_templates_but_not_in_tests(
    collected_catalogs,
):
    """Guards the collection itself: an empty run would make the tests above pass."""
    files = {path for entry in collected_catalogs["es"] for path, _line in entry.occurrences}
    assert {"triage/vocabulary.py", "triage/rules.py", "templates/base.html"} <= files
    assert not [path for path in files if path.startswith(("tests/", "scripts/"))]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated_and_none_is_fuzzy(language):
    catalog = committed_catalog(language)
    assert not catalog.metadata_is_fuzzy, "the catalog's header is marked fuzzy"
    assert catalog.metadata.get("Language") == language
    fuzzy = {entry_key(entry) for entry in catalog.fuzzy_entries()}
    assert not fuzzy, "fuzzy translations (check them, then remove the flag):\n" + describe(fuzzy)
    empty = {entry_key(entry) for entry in catalog if not all(translations(entry))}
    assert not empty, "strings with no translation:\n" + describe(empty)
    assert not catalog.obsolete_entries(), "run `make messages` to drop obsolete entries"


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_translations_have_every_form_the_language_needs(language):
    catalog = committed_catalog(language)
    forms = int(re.search(r"nplurals=(\d+)", catalog.metadata["Plural-Forms"]).group(1))
    for entry in catalog:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == list(range(forms)), entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_mo_is_the_po_compiled(language, tmp_path):
    require_gettext()
    compiled = tmp_path / "django.mo"
    # --check also checks every python-format and python-brace-format translation.
    msgfmt = [shutil.which("msgfmt"), "--check", "-o", str(compiled), str(catalog_path(language))]
    result = subprocess.run(msgfmt, capture_output=True, text=True)  # noqa: S603 - fixed arguments
    assert result.returncode == 0, result.stderr

    def contents(mo_path: Path) -> dict:
        return {entry_key(entry): translations(entry) for entry in polib.mofile(str(mo_path))}

    committed, expected = contents(catalog_path(language, ".mo")), contents(compiled)
    differ = {
        key for key in committed.keys() | expected.keys() if committed.get(key) != expected.get(key)
    }
    assert not differ, (
        f"{catalog_path(language, '.mo')} is not {catalog_path(language)} compiled: run "
        "`make messages` and commit both. These strings differ:\n" + describe(differ)
    )
    assert (
        polib.mofile(str(catalog_path(language, ".mo"))).metadata
        == polib.mofile(str(compiled)).metadata
    )


def placeholders(text: str) -> Counter:
    return Counter(PERCENT_PLACEHOLDER.findall(text) + BRACE_PLACEHOLDER.findall(text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language):
    wrong = []
    for entry in committed_catalog(language):
        sources = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        expected = {frozenset(placeholders(source).items()) for source in sources}
        wrong += [
            (entry.msgid, text)
            for text in translations(entry)
            if frozenset(placeholders(text).items()) not in expected
        ]
    assert not wrong, "translations whose placeholders differ from the English:\n" + "\n".join(
        f"  {msgid!r}\n  -> {text!r}" for msgid, text in wrong
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_html_of_the_english(language):
    wrong = [
        (entry.msgid, text)
        for entry in committed_catalog(language)
        for text in translations(entry)
        if Counter(HTML_TAG.findall(text)) != Counter(HTML_TAG.findall(entry.msgid))
    ]
    assert not wrong, "translations whose HTML differs from the English:\n" + "\n".join(
        f"  {msgid!r}\n  -> {text!r}" for msgid, text in wrong
    )


def test_placeholders_are_found_in_both_styles():
    assert placeholders("Call {emergency_number} in %(minutes)d min, 100%% sure") == Counter(
        {"{emergency_number}": 1, "%(minutes)d": 1, "%%": 1}
    )
