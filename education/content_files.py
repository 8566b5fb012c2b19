"""Read and validate the shipped page content files.

The pages a clinic starts with live in ``education/content/pages/*.toml``, one
file per page, versioned with the code; their translations in a folder per
language, ``education/content/pages/<language>/<slug>.toml`` (``es/sepsis.toml``),
in the same format with the same slug. The ``load_content`` command copies them
into the database, where editors take over. This module only parses and checks
the files; it knows nothing about the database.
"""

import datetime
import hashlib
import json
import re
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent / "content" / "pages"

PAGE_KINDS = ("condition", "guide")
SECTION_KINDS = ("plain", "emergency", "urgent")

# Every condition page has these sections, in this order; editors may add more.
# The checker links straight to some of them (for example #emergency-signs).
CONDITION_SECTION_ANCHORS = (
    "what-it-is",
    "symptoms",
    "emergency-signs",
    "urgent-signs",
    "who-is-at-risk",
    "diagnosis",
    "treatment",
    "recovery",
    "faq",
    "key-points",
)
GUIDE_SECTION_ANCHORS = ("emergency-signs", "urgent-signs", "faq", "key-points")
REQUIRED_ANCHORS = {"condition": CONDITION_SECTION_ANCHORS, "guide": GUIDE_SECTION_ANCHORS}
SECTION_KIND_BY_ANCHOR = {"emergency-signs": "emergency", "urgent-signs": "urgent"}

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ContentError(ValueError):
    """A content file is malformed; the message says which file and what."""


@dataclass(frozen=True)
class Source:
    name: str
    url: str


@dataclass(frozen=True)
class Section:
    anchor: str
    heading: str
    body: str
    kind: str = "plain"


@dataclass(frozen=True)
class PageContent:
    slug: str
    kind: str
    title: str
    summary: str
    meta_description: str
    author: str
    reviewer: str
    last_reviewed: datetime.date
    next_review: datetime.date
    order: int
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    related: tuple[str, ...] = field(default_factory=tuple)

    def snapshot(self) -> dict:
        """The page as plain data, in the same shape as ``Page.snapshot()``."""
        data = asdict(self)
        data["last_reviewed"] = self.last_reviewed.isoformat()
        data["next_review"] = self.next_review.isoformat()
        data["related"] = sorted(self.related)
        return data

    def fingerprint(self) -> str:
        """A stable hash of everything in the page, to notice any change."""
        return content_fingerprint(self.snapshot())


def content_fingerprint(data: dict) -> str:
    """Hash a page snapshot; equal content gives an equal hash, whatever the key order."""
    encoded = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode()).hexdigest()


def _require(data: dict, key: str, kind: type, where: str):
    value = data.get(key)
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise ContentError(f"{where}: '{key}' must be a non-empty {kind.__name__}")
    return value.strip() if isinstance(value, str) else value


def parse_page(data: dict, where: str) -> PageContent:
    slug = _require(data, "slug", str, where)
    if not SLUG_PATTERN.match(slug):
        raise ContentError(f"{where}: slug '{slug}' must be lower-case words joined by hyphens")
    kind = _require(data, "kind", str, where)
    if kind not in PAGE_KINDS:
        raise ContentError(f"{where}: kind must be one of {', '.join(PAGE_KINDS)}")

    sections = []
    for index, raw in enumerate(data.get("sections", []), start=1):
        at = f"{where}, section {index}"
        section_kind = raw.get("kind", "plain")
        if section_kind not in SECTION_KINDS:
            raise ContentError(f"{at}: kind must be one of {', '.join(SECTION_KINDS)}")
        anchor = _require(raw, "anchor", str, at)
        if not SLUG_PATTERN.match(anchor):
            raise ContentError(f"{at}: anchor '{anchor}' must be lower-case words and hyphens")
        sections.append(
            Section(
                anchor=anchor,
                heading=_require(raw, "heading", str, at),
                body=_require(raw, "body", str, at),
                kind=section_kind,
            )
        )
    anchors = [section.anchor for section in sections]
    if len(set(anchors)) != len(anchors):
        raise ContentError(f"{where}: section anchors must be unique")
    missing = [anchor for anchor in REQUIRED_ANCHORS[kind] if anchor not in anchors]
    if missing:
        raise ContentError(f"{where}: missing sections: {', '.join(missing)}")
    for section in sections:
        expected = SECTION_KIND_BY_ANCHOR.get(section.anchor)
        if expected and section.kind != expected:
            raise ContentError(f"{where}: section '{section.anchor}' must have kind '{expected}'")

    sources = tuple(
        Source(
            name=_require(raw, "name", str, f"{where}, source"),
            url=_require(raw, "url", str, f"{where}, source"),
        )
        for raw in data.get("sources", [])
    )
    if not sources:
        raise ContentError(f"{where}: at least one source is required")

    last_reviewed = _require(data, "last_reviewed", datetime.date, where)
    next_review = _require(data, "next_review", datetime.date, where)
    if next_review <= last_reviewed:
        raise ContentError(f"{where}: next_review must be after last_reviewed")

    return PageContent(
        slug=slug,
        kind=kind,
        title=_require(data, "title", str, where),
        summary=_require(data, "summary", str, where),
        meta_description=_require(data, "meta_description", str, where),
        author=_require(data, "author", str, where),
        reviewer=_require(data, "reviewer", str, where),
        last_reviewed=last_reviewed,
        next_review=next_review,
        order=int(data.get("order", 100)),
        sections=tuple(sections),
        sources=sources,
        related=tuple(data.get("related", ())),
    )


def read_page_file(path: Path, where: str = "") -> PageContent:
    where = where or path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{where}: not valid TOML: {error}") from error
    page = parse_page(data, where)
    if path.stem != page.slug:
        raise ContentError(f"{where}: file name must match slug '{page.slug}'")
    return page


def read_all_pages(directory: Path = CONTENT_DIR) -> list[PageContent]:
    """Parse every content file, checking that related pages exist."""
    pages = [read_page_file(path) for path in sorted(directory.glob("*.toml"))]
    slugs = {page.slug for page in pages}
    for page in pages:
        unknown = [slug for slug in page.related if slug not in slugs]
        if unknown:
            raise ContentError(f"{page.slug}.toml: related pages not found: {', '.join(unknown)}")
    return sorted(pages, key=lambda page: (page.order, page.slug))


def read_translations(language: str, directory: Path = CONTENT_DIR) -> list[PageContent]:
    """Parse the pages translated into ``language`` (``directory/<language>/*.toml``).

    Each translates the page with the same slug in ``directory``, and its related
    pages name those pages' slugs. No folder means no translations yet.
    """
    folder = directory / language
    if not folder.is_dir():
        return []
    pages = [
        read_page_file(path, where=f"{language}/{path.name}")
        for path in sorted(folder.glob("*.toml"))
    ]
    originals = {page.slug for page in read_all_pages(directory)}
    for page in pages:
        if page.slug not in originals:
            raise ContentError(
                f"{language}/{page.slug}.toml: there is no {page.slug}.toml for it to translate"
            )
        unknown = [slug for slug in page.related if slug not in originals]
        if unknown:
            raise ContentError(
                f"{language}/{page.slug}.toml: related pages not found: {', '.join(unknown)}"
            )
    return sorted(pages, key=lambda page: (page.order, page.slug))
