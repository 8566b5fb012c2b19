"""Reading-level measurement for page text.

English pages must read at Flesch-Kincaid grade 7 or below; Spanish pages must
score 70 or more on the Fernández-Huerta index ("bastante fácil" or easier).
Formulas count sentences by
their end punctuation, so a heading or list item without a full stop would be
glued to the next sentence and inflate the score. We therefore split rendered
HTML into its text blocks (paragraphs, list items, headings, table cells) and
treat each block as at least one sentence before scoring.
"""

import re
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


# Spanish words are runs of letters; a numeral such as 38 or 100.4 is one word.
_SPANISH_WORD = re.compile(r"[a-záéíóúüñ]+|\d+(?:[.,]\d+)*", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?]+(?=\s|$)")
_VOWELS = frozenset("aeiouáéíóúü")
# Two vowels side by side share a syllable unless both are "strong": a, e, o,
# or an i/u that carries the stress mark (dí-a, pa-ís, re-ír). Any other pair
# is a diphthong (ai-re, ciu-dad, hue-vo), and a weak-strong-weak run is one
# triphthong (es-tu-diáis).
_STRONG_VOWELS = frozenset("aeoáéóíú")
# "y" sounds like the vowel i when no vowel follows it: muy, hoy, the word "y".
_Y_AS_VOWEL = re.compile(r"y(?![aeiouáéíóúü])")


def spanish_syllables(word: str) -> int:
    """Count the syllables of one Spanish word (at least 1).

    Spanish spelling is regular enough to count vowel nuclei: each run of
    vowels is one syllable, split wherever two strong vowels meet (a hiatus).
    A consonant, including a silent h, always ends a run. Abbreviations with no
    vowel (RM) count as one syllable, and a numeral one syllable per digit, a
    low but steady stand-in for reading it aloud.
    """
    word = word.lower()
    if word[:1].isdigit():
        return max(1, sum(character.isdigit() for character in word))
    count = 0
    previous = ""
    for letter in _Y_AS_VOWEL.sub("i", word):
        if letter not in _VOWELS:
            previous = ""
            continue
        if not previous or (previous in _STRONG_VOWELS and letter in _STRONG_VOWELS):
            count += 1
        previous = letter
    return max(count, 1)


def _sentence_count(block: str) -> int:
    """Sentences in one text block: each block is at least one sentence."""
    parts = _SENTENCE_BREAK.split(block)
    return max(1, sum(1 for part in parts if _SPANISH_WORD.search(part)))


def fernandez_huerta(html: str) -> float:
    """Fernández-Huerta reading ease of the visible Spanish text in an HTML fragment.

    206.84 - 0.60 * P - 1.02 * F, where P is syllables per 100 words and F is
    words per sentence: the adaptation of Flesch's reading ease that it is.
    Many sources print F as "sentences per 100 words", a known transcription
    error (G. Law, 2011) that would make shorter sentences score as harder;
    we follow the corrected form, as textstat and legible.es do.
    """
    blocks = [block for block in text_blocks(html) if _SPANISH_WORD.search(block)]
    words = [word for block in blocks for word in _SPANISH_WORD.findall(block)]
    if not words:
        raise ValueError("no Spanish words to measure")
    syllables = sum(spanish_syllables(word) for word in words)
    sentences = sum(_sentence_count(block) for block in blocks)
    return 206.84 - 0.60 * (100 * syllables / len(words)) - 1.02 * (len(words) / sentences)
