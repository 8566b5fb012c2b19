"""Load the shipped content files into the database, safely and repeatably.

Run on every start (`make run` does), so it must be idempotent: an unchanged
file does nothing. A changed file updates its page only if no editor has
touched the page since it was last loaded; otherwise the page is skipped and
reported, unless the caller explicitly asks to overwrite.

Every language loads the same way. A translation's file also records which
version of the English page it translates: loading it sets the page's
source_fingerprint to the English page's fingerprint, so the admin flags the
translation again only when the English page changes after it.
"""

import dataclasses
from dataclasses import asdict, dataclass, field

from django.conf import settings
from django.db import transaction

from education.content_files import PageContent, read_all_pages, read_translations
from education.models import Page, Section, Source
from education.revisions import record_revision


@dataclass
class LoadReport:
    # Pages by slug; a translation's as "<language>/<slug>" (es/sepsis), like its file.
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_editor_changes: list[str] = field(default_factory=list)


def _write(page: Page, content: PageContent) -> None:
    for name in (
        "kind", "order", "title", "summary", "meta_description", "author", "reviewer",
        "last_reviewed", "next_review",
    ):  # fmt: skip
        setattr(page, name, getattr(content, name))
    page.save()
    page.sections.all().delete()
    Section.objects.bulk_create(
        Section(page=page, position=index, **asdict(section))
        for index, section in enumerate(content.sections)
    )
    page.sources.all().delete()
    Source.objects.bulk_create(
        Source(page=page, position=index, **asdict(source))
        for index, source in enumerate(content.sources)
    )


def _label(language: str, slug: str) -> str:
    return slug if language == settings.LANGUAGE_CODE else f"{language}/{slug}"


def shipped_contents() -> dict[str, list[PageContent]]:
    """Every shipped content file, by language: the default language's first."""
    contents = {settings.LANGUAGE_CODE: read_all_pages()}
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            contents[code] = read_translations(code)
    return contents


@transaction.atomic
def load_pages(
    contents: list[PageContent] | None = None,
    overwrite: bool = False,
    translations: dict[str, list[PageContent]] | None = None,
) -> LoadReport:
    """Load the default language's ``contents`` and each language's ``translations``.

    With neither given, loads every shipped file; with ``contents`` alone, only those.
    """
    if contents is None:
        by_language = shipped_contents()
        if translations is not None:
            by_language = {settings.LANGUAGE_CODE: by_language[settings.LANGUAGE_CODE]}
    else:
        by_language = {settings.LANGUAGE_CODE: contents}
    by_language |= translations or {}

    # A page links only to related pages in its own language; one not translated
    # yet is left out, here as when the links are set below.
    will_exist = set(Page.objects.values_list("language", "slug")) | {
        (language, content.slug)
        for language, language_contents in by_language.items()
        for content in language_contents
    }
    report = LoadReport()
    written: list[tuple[Page, PageContent, str]] = []
    for language, language_contents in by_language.items():
        for shipped in language_contents:
            content = dataclasses.replace(
                shipped,
                related=tuple(slug for slug in shipped.related if (language, slug) in will_exist),
            )
            label = _label(language, content.slug)
            page = Page.objects.filter(language=language, slug=content.slug).first()
            if page is None:
                page = Page(language=language, slug=content.slug)
                outcome = "created"
            elif page.fingerprint() == content.fingerprint():
                report.unchanged.append(label)
                continue
            elif page.is_edited_since_load and not overwrite:
                report.kept_editor_changes.append(label)
                continue
            else:
                outcome = "updated"
            _write(page, content)
            written.append((page, content, outcome))
            getattr(report, outcome).append(label)

    # Related pages link by slug, within the page's language, so set them once every page exists.
    pages_by_key = {(page.language, page.slug): page for page in Page.objects.all()}
    for page, content, _outcome in written:
        page.related.set(
            [
                pages_by_key[(page.language, slug)]
                for slug in content.related
                if (page.language, slug) in pages_by_key
            ]
        )
    shipped_sources = {
        content.slug: content.fingerprint()
        for content in by_language.get(settings.LANGUAGE_CODE, ())
    }
    for page, _content, outcome in written:
        page.loaded_fingerprint = page.fingerprint()
        source = pages_by_key.get((settings.LANGUAGE_CODE, page.slug))
        if page.is_translation and source is not None:
            # A shipped translation matches the English page as shipped with it: if an
            # editor has changed the English page since, the translation is out of date.
            page.source_fingerprint = shipped_sources.get(page.slug) or source.fingerprint()
        page.save(update_fields=["loaded_fingerprint", "source_fingerprint"])
        record_revision(page, note=f"Loaded from content file ({outcome})")
    return report
