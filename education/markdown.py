"""Render editor-written Markdown to HTML that is safe to put on a page.

Editors are trusted with words, not with markup: Markdown may contain raw HTML,
so the output is sanitized with an allow-list (nh3). Anything outside the list,
including <script>, event handler attributes and javascript: URLs, is removed.

Content may say ``[emergency number]``; it becomes the clinic's emergency
number from settings, so the same text works for 911, 999 or 112.
"""

import functools

import markdown as markdown_lib
import nh3

EMERGENCY_NUMBER_TOKEN = "[emergency number]"  # noqa: S105 - a placeholder, not a secret

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "dd", "dl", "dt", "em",
        "h3", "h4", "hr", "i", "li", "ol", "p", "strong", "sub", "sup",
        "table", "tbody", "td", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def fill_tokens(text: str, emergency_number: str) -> str:
    return text.replace(EMERGENCY_NUMBER_TOKEN, emergency_number)


def is_site_link(href: str) -> bool:
    """A link that stays on this site: a path or an in-page anchor, never another host."""
    return href.startswith("#") or (href.startswith("/") and not href.startswith("//"))


def _only_site_links(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href" and not is_site_link(value):
        return None  # the words stay; they just stop being a way off the site
    return value


# Rendering is a pure function of its arguments and was over half of a condition
# page's time under load (docs/benchmarks.md); sections change only when an
# editor saves, so each process keeps the HTML of the texts it has rendered.
# Bounded, so unusual content cannot grow memory without limit.
@functools.lru_cache(maxsize=1024)
def render_markdown(text: str, emergency_number: str = "911", site_links_only: bool = False) -> str:
    """Return sanitized HTML for a Markdown text.

    ``site_links_only`` is for clinic kiosks, which must offer no way off the
    site: links to other sites, phone numbers and email become plain words.
    """
    html = markdown_lib.markdown(
        fill_tokens(text, emergency_number), extensions=["tables", "sane_lists"]
    )
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(ALLOWED_URL_SCHEMES),
        link_rel=None,
        attribute_filter=_only_site_links if site_links_only else None,
    )
