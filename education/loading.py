"""Load the shipped content files into the database, safely and repeatably.

Run on every start (`make run` does), so it must be idempotent: an unchanged
file does nothing. A changed file updates its page only if no editor has
touched the page since it was last loaded; otherwise the page is skipped and
reported, unless the caller explicitly asks to overwrite.
"""

from dataclasses import asdict, dataclass, field

from django.db import transaction

from education.content_files import PageContent, read_all_pages
from education.models import Page, Section, Source
from education.revisions import record_revision


@dataclass
class LoadReport:
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


@transaction.atomic
def load_pages(contents: list[PageContent] | None = None, overwrite: bool = False) -> LoadReport:
    contents = read_all_pages() if contents is None else contents
    report = LoadReport()
    written: list[tuple[Page, PageContent, str]] = []
    for content in contents:
        page = Page.objects.filter(slug=content.slug).first()
        if page is None:
            page = Page(slug=content.slug)
            outcome = "created"
        elif page.fingerprint() == content.fingerprint():
            report.unchanged.append(content.slug)
            continue
        elif page.is_edited_since_load and not overwrite:
            report.kept_editor_changes.append(content.slug)
            continue
        else:
            outcome = "updated"
        _write(page, content)
        written.append((page, content, outcome))
        getattr(report, outcome).append(content.slug)

    # Related pages link by slug, so set them once every page exists.
    slugs_to_pages = {page.slug: page for page in Page.objects.all()}
    for page, content, outcome in written:
        page.related.set(
            [slugs_to_pages[slug] for slug in content.related if slug in slugs_to_pages]
        )
        page.loaded_fingerprint = page.fingerprint()
        page.save(update_fields=["loaded_fingerprint"])
        record_revision(page, note=f"Loaded from content file ({outcome})")
    return report
