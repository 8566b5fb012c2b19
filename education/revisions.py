"""Revision history for pages: a full copy after every change, with a summary.

Editors need to see who changed a page, when, and what changed, and to get
back an older wording. We keep a snapshot of the whole page (fields, sections
and sources) per change rather than per-model history, because editors think in
pages, not in rows.
"""

import difflib

from education.models import Page, PageRevision

FIELD_LABELS = {
    "slug": "address",
    "kind": "kind",
    "order": "order",
    "title": "title",
    "summary": "summary",
    "meta_description": "meta description",
    "author": "author",
    "reviewer": "reviewer",
    "last_reviewed": "last reviewed date",
    "next_review": "next review date",
    "related": "related pages",
    "sources": "sources",
}


def describe_changes(old: dict | None, new: dict) -> list[str]:
    """Plain-words list of what differs between two page snapshots."""
    if old is None:
        return ["Created"]
    changes = [
        f"Changed {label}" for key, label in FIELD_LABELS.items() if old.get(key) != new.get(key)
    ]
    old_sections = {s["anchor"]: s for s in old.get("sections", [])}
    new_sections = {s["anchor"]: s for s in new.get("sections", [])}
    for anchor, section in new_sections.items():
        if anchor not in old_sections:
            changes.append(f"Added section “{section['heading']}”")
        elif old_sections[anchor] != section:
            changes.append(f"Changed section “{section['heading']}”")
    for anchor, section in old_sections.items():
        if anchor not in new_sections:
            changes.append(f"Removed section “{section['heading']}”")
    if [s["anchor"] for s in old.get("sections", [])] != [
        s["anchor"] for s in new.get("sections", [])
    ] and set(old_sections) == set(new_sections):
        changes.append("Reordered sections")
    return changes


def snapshot_as_text(snapshot: dict) -> list[str]:
    """A page snapshot as lines of text, for a readable diff."""
    lines = [
        f"{label}: {snapshot.get(key)}" for key, label in FIELD_LABELS.items() if key != "sources"
    ]
    for section in snapshot.get("sections", []):
        lines += ["", f"## {section['heading']}  [#{section['anchor']}, {section['kind']}]"]
        lines += section["body"].splitlines()
    lines += ["", "Sources:"] + [f"- {s['name']} <{s['url']}>" for s in snapshot.get("sources", [])]
    return lines


def diff_lines(old: dict | None, new: dict) -> list[str]:
    return list(
        difflib.unified_diff(
            snapshot_as_text(old) if old else [],
            snapshot_as_text(new),
            fromfile="before",
            tofile="after",
            lineterm="",
        )
    )


def record_revision(page: Page, user=None, note: str = "") -> PageRevision | None:
    """Save a revision if the page differs from its latest one. Returns it, or None."""
    snapshot = page.snapshot()
    latest = page.revisions.order_by("-created_at", "-id").first()
    if latest is not None and latest.snapshot == snapshot:
        return None
    changes = describe_changes(latest.snapshot if latest else None, snapshot)
    summary = "; ".join(([note] if note else []) + changes)
    return PageRevision.objects.create(
        page=page, user=user, summary=summary[:500], snapshot=snapshot
    )
