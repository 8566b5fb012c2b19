"""Find pages by the words people type.

There are a handful of pages, so we rank them in Python rather than depend on
a database's full-text search: it behaves the same on SQLite and PostgreSQL and
lets us tune it for how worried people type ("kidney", "fever back pain",
"spine infection"). Words are lower-cased and lightly stemmed, common words are
dropped, and a few everyday words map to the medical ones.

Each language's pages are searched on their own (the view passes the active
language's). Accents and ñ are folded away before matching, because people
often type without them on a phone: "riñón", "rinon" and "RIÑON" are one word.
"""

import difflib
import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "can",
        "do",
        "does",
        "for",
        "from",
        "have",
        "how",
        "i",
        "if",
        "in",
        "is",
        "it",
        "its",
        "me",
        "my",
        "of",
        "on",
        "or",
        "so",
        "that",
        "the",
        "this",
        "to",
        "up",
        "was",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "will",
        "with",
        "you",
        "your",
        # Spanish, folded as words are (see fold): "él" is "el", "qué" is "que".
        "al",
        "con",
        "cual",
        "de",
        "del",
        "el",
        "en",
        "es",
        "esta",
        "la",
        "las",
        "lo",
        "los",
        "mas",
        "mi",
        "mis",
        "o",
        "para",
        "pero",
        "por",
        "que",
        "se",
        "si",
        "su",
        "sus",
        "tengo",
        "un",
        "una",
        "y",
        "yo",
    ]
)

# Everyday words people type, and the words our pages use.
SYNONYMS = {
    "kidneys": ("kidney",),
    "uti": ("urine", "bladder", "kidney"),
    "pee": ("urine",),
    "peeing": ("urine",),
    "wee": ("urine",),
    "spine": ("spinal", "spine"),
    "backache": ("back", "pain"),
    "temperature": ("fever",),
    "febrile": ("fever",),
    "pus": ("abscess",),
    "bone": ("bone", "osteomyelitis"),
    "disc": ("disc", "discitis"),
    "septic": ("sepsis",),
    "blood": ("blood",),
}

WORD = re.compile(r"[^\W_]+")  # runs of letters and digits, in any alphabet

# Where a word appears decides how much it counts.
TITLE_WEIGHT = 12
SUMMARY_WEIGHT = 5
HEADING_WEIGHT = 3
BODY_WEIGHT = 1
BODY_CAP = 6  # repeated words in a long body should not outrank a title match
ALL_TERMS_BONUS = 1.5


def stem(word: str) -> str:
    """A deliberately small stemmer: enough to match 'infections' with 'infection'."""
    for suffix in ("ing", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def fold(word: str) -> str:
    """Lower case without accents: "Riñón" and "RIÑON" become "rinon"."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    return [fold(word) for word in WORD.findall(text)]


def query_terms(query: str) -> list[str]:
    """The distinct stemmed search terms in a query, synonyms expanded."""
    terms: list[str] = []
    for word in words(query[:MAX_QUERY_LENGTH]):
        if word in STOP_WORDS:
            continue
        for expanded in SYNONYMS.get(word, (word,)):
            term = stem(expanded)
            if term not in terms:
                terms.append(term)
    return terms[:MAX_TERMS]


@dataclass(frozen=True)
class SearchDocument:
    """What search needs to know about a page."""

    slug: str
    title: str
    summary: str
    url: str
    sections: tuple[tuple[str, str, str], ...]  # (anchor, heading, body)
    language: str = ""  # the page's language code


@dataclass(frozen=True)
class SearchResult:
    document: SearchDocument
    score: float
    best_anchor: str
    best_heading: str
    snippet: str


def _count(terms: list[str], text: str) -> dict[str, int]:
    stems = [stem(word) for word in words(text)]
    return {term: stems.count(term) for term in terms}


def _snippet(text: str, terms: list[str], length: int = 180) -> str:
    """The first sentence of `text` that mentions a term, trimmed for display."""
    plain = re.sub(r"[#*_`>\[\]]|\(https?://[^)]*\)", "", text)
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", plain):
        if any(stem(word) in terms for word in words(sentence)):
            sentence = " ".join(sentence.split()).lstrip("- ")
            return (
                sentence
                if len(sentence) <= length
                else sentence[: length - 1].rsplit(" ", 1)[0] + "…"
            )
    return ""


def score_document(document: SearchDocument, terms: list[str]) -> SearchResult | None:
    found: set[str] = set()
    score = 0.0
    for weight, text in ((TITLE_WEIGHT, document.title), (SUMMARY_WEIGHT, document.summary)):
        for term, count in _count(terms, text).items():
            if count:
                found.add(term)
                score += weight
    best = (0.0, "", "", "")
    for anchor, heading, body in document.sections:
        section_score = 0.0
        for term, count in _count(terms, heading).items():
            if count:
                found.add(term)
                section_score += HEADING_WEIGHT
        for term, count in _count(terms, body).items():
            if count:
                found.add(term)
                section_score += BODY_WEIGHT * min(count, BODY_CAP)
        score += section_score
        if section_score > best[0]:
            best = (section_score, anchor, heading, _snippet(body, terms))
    if not found:
        return None
    if found == set(terms):
        score *= ALL_TERMS_BONUS
    snippet = best[3] or _snippet(document.summary, terms) or document.summary
    return SearchResult(document, score, best[1], best[2], snippet)


def search(query: str, documents: list[SearchDocument]) -> list[SearchResult]:
    """Documents matching any term of the query, best first."""
    terms = query_terms(query)
    if not terms:
        return []
    results = [result for doc in documents if (result := score_document(doc, terms))]
    return sorted(results, key=lambda result: (-result.score, result.document.title))


def suggest(query: str, documents: list[SearchDocument]) -> list[str]:
    """Close spellings of the query's words that do appear on the pages, as the pages write them."""
    vocabulary: dict[str, str] = {}  # folded -> as written ("rinon" -> "riñón")
    for doc in documents:
        for text in (doc.title, doc.summary, *(part for s in doc.sections for part in s[1:])):
            for written in WORD.findall(text.lower()):
                if len(written) > 3:
                    vocabulary.setdefault(fold(written), written)
    suggestions = []
    for word in words(query[:MAX_QUERY_LENGTH]):
        if word in STOP_WORDS or word in vocabulary:
            continue
        suggestions += [
            vocabulary[match]
            for match in difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
        ]
    return suggestions
