"""What a browser downloads for each page type: HTML, CSS and JavaScript, each gzipped."""

import gzip
import html.parser
from dataclasses import dataclass, field

from scripts.bench.site import Page, fetch

TARGET_BYTES = 30 * 1024  # issue 5: every page type at most 30 KB gzipped


class Assets(html.parser.HTMLParser):
    """The stylesheets and scripts a page references."""

    def __init__(self):
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and "stylesheet" in (attributes.get("rel") or "").split():
            self.css.append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.js.append(attributes["src"])


@dataclass
class Weight:
    name: str
    html: int
    css: int
    js: int
    files: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.html + self.css + self.js


def gzipped(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6, mtime=0))


def page_weight(base: str, name: str, page: Page) -> Weight:
    assets = Assets()
    assets.feed(page.text)
    sizes = {"css": 0, "js": 0}
    files = []
    for kind, urls in (("css", assets.css), ("js", assets.js)):
        for url in urls:
            asset = fetch(base + url)
            if asset.status != 200:
                raise SystemExit(f"{name}: {url} answered {asset.status}")
            sizes[kind] += gzipped(asset.body)
            files.append(url.rsplit("/", 1)[-1])
    return Weight(name, gzipped(page.body), sizes["css"], sizes["js"], files)
