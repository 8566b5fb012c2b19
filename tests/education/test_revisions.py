from education.revisions import describe_changes, diff_lines

BEFORE = {
    "title": "Sepsis",
    "summary": "Old.",
    "sections": [{"anchor": "faq", "heading": "Questions", "body": "A", "kind": "plain"}],
    "sources": [],
}


def test_a_first_revision_is_described_as_created():
    assert describe_changes(None, BEFORE) == ["Created"]


def test_changed_fields_and_sections_are_named():
    after = BEFORE | {
        "summary": "New.",
        "sections": [
            {"anchor": "faq", "heading": "Questions", "body": "B", "kind": "plain"},
            {"anchor": "more", "heading": "More", "body": "C", "kind": "plain"},
        ],
    }
    assert describe_changes(BEFORE, after) == [
        "Changed summary",
        "Changed section “Questions”",
        "Added section “More”",
    ]


def test_the_diff_shows_removed_and_added_lines():
    after = BEFORE | {"summary": "New."}
    lines = diff_lines(BEFORE, after)
    assert "-summary: Old." in lines
    assert "+summary: New." in lines
