"""Crawl the site from the home page: every internal link and anchor resolves."""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlparse

import pytest

pytestmark = pytest.mark.django_db


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        for name in ("href", "src", "action"):
            if attributes.get(name) and not (tag == "form" and attributes.get("method") == "post"):
                self.links.append(attributes[name])


def crawl(client, start: str = "/"):
    seen: dict[str, LinkParser] = {}
    fragments: list[tuple[str, str, str]] = []
    queue = [start]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        response = client.get(url)
        if url.startswith("/language/"):
            # The language switch answers with the same page in the other language:
            # crawl that too, so every language's links are checked.
            assert response.status_code == 302, f"{url} answered {response.status_code}"
            seen[url] = LinkParser()
            queue.append(response["Location"])
            continue
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        parser = LinkParser()
        if response["Content-Type"].startswith("text/html"):
            parser.feed(response.content.decode())
        seen[url] = parser
        for link in parser.links:
            absolute = urljoin(url, link)
            parsed = urlparse(absolute)
            if parsed.scheme in ("http", "https") and parsed.netloc not in ("", "testserver"):
                continue  # sources on other sites are checked by editors, not CI
            if parsed.scheme in ("mailto", "tel"):
                continue
            path, _fragment = urldefrag(parsed.path + (f"?{parsed.query}" if parsed.query else ""))
            if parsed.fragment:
                fragments.append((url, path or url, parsed.fragment))
            if path.startswith("/admin/"):
                continue
            queue.append(path)
    return seen, fragments


def test_every_internal_link_from_the_home_page_resolves(pages, client):
    seen, _ = crawl(client)
    assert "/conditions/sepsis/" in seen
    assert "/es/conditions/sepsis/" in seen
    assert len(seen) >= 10


def test_every_in_page_anchor_exists(pages, client):
    seen, fragments = crawl(client)
    for origin, path, fragment in fragments:
        assert fragment in seen[path].ids, f"{origin} links to missing #{fragment} on {path}"
