"""Reading-level measurement for page text.

Pages must read at Flesch-Kincaid grade 7 or below. Formulas count sentences by
their end punctuation, so a heading or list item without a full stop would be
glued to the next sentence and inflate the score. We therefore split rendered
HTML into its text blocks (paragraphs, list items, headings, table cells) and
treat each block as at least one sentence before scoring.
"""

from html.parser import HTMLParser

BLOCK_TAGS = frozenset(
    {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "summary", "blockquote"}
)
SKIPPED_TAGS = frozenset({"script", "style", "template"})
# Navigation, citations and page metadata are not body text; templates mark
# them with this attribute so they are left out of the measurement.
SKIP_ATTRIBUTE = "data-reading-skip"
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
SENTENCE_END = (".", "!", "?", ":")


class _BlockCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        # One entry per open element: does it start a skipped subtree?
        self._open: list[bool] = []
        self._skip_depth = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in BLOCK_TAGS or tag == "br":
            self._flush()
        if tag in VOID_TAGS:
            return
        skips = tag in SKIPPED_TAGS or any(name == SKIP_ATTRIBUTE for name, _ in attrs)
        self._open.append(skips)
        self._skip_depth += skips

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self._flush()
        if tag in VOID_TAGS or not self._open:
            return
        self._skip_depth -= self._open.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self._current.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def text_blocks(html: str) -> list[str]:
    """Return the visible text blocks of an HTML fragment, in document order."""
    collector = _BlockCollector()
    collector.feed(html)
    collector.close()
    return collector.blocks


def as_sentences(blocks: list[str]) -> str:
    """Join text blocks into prose where every block ends a sentence."""
    return " ".join(block if block.endswith(SENTENCE_END) else block + "." for block in blocks)


def flesch_kincaid_grade(html: str) -> float:
    """Flesch-Kincaid grade of the visible text in an HTML fragment."""
    # Imported here: textstat loads its syllable dictionary on import, and only
    # the tests and editors' checks need it.
    import textstat

    return textstat.flesch_kincaid_grade(as_sentences(text_blocks(html)))
