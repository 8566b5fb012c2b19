"""HL7 Context-Aware Knowledge Retrieval ("Infobutton") requests, answered like MedlinePlus Connect.

A health record links a patient (or clinician) to education by a URL whose
parameters follow the HL7 Infobutton URL-based implementation guide:

- ``mainSearchCriteria.v.c``: the diagnosis code (required);
- ``mainSearchCriteria.v.cs``: its code system's OID (required): ICD-10-CM
  2.16.840.1.113883.6.90 or SNOMED CT 2.16.840.1.113883.6.96;
- ``mainSearchCriteria.v.dn``: the record's display name for it (optional);
- ``informationRecipient.languageCode.c``: the language the reader wants (optional);
- ``performer.languageCode.c``: the clinician's language, used when the reader's
  is not sent (optional);
- ``knowledgeResponseType``: ``text/html`` (the default: a person clicked, so
  send them to the page), ``text/xml`` (an Atom feed, the format of the
  Infobutton SOA guide) or ``application/json`` (the same feed in the JSON
  shape MedlinePlus Connect uses, so its clients can read ours).

Records systems also send context such as the patient's age and sex. We
ignore it: it is not needed to pick a page, and nothing here keeps it.

This module parses a request and builds the answer as plain data; the view in
education.views renders it.
"""

import re
import xml.etree.ElementTree as ET
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlencode

from education import clinical_codes

CODE = "mainSearchCriteria.v.c"
CODE_SYSTEM = "mainSearchCriteria.v.cs"
DISPLAY_NAME = "mainSearchCriteria.v.dn"
LANGUAGE = "informationRecipient.languageCode.c"
PERFORMER_LANGUAGE = "performer.languageCode.c"
RESPONSE_TYPE = "knowledgeResponseType"
OUR_PARAMETERS = (CODE, CODE_SYSTEM, DISPLAY_NAME, LANGUAGE, PERFORMER_LANGUAGE, RESPONSE_TYPE)

HTML, XML, JSON = "html", "xml", "json"
RESPONSE_TYPES = {
    "text/html": HTML,
    "text/xml": XML,
    "application/xml": XML,
    "application/atom+xml": XML,
    "application/json": JSON,
}
DEFAULT_RESPONSE_TYPE = "text/html"
# The language asked for when a request names none, and the one every page is written in.
PAGE_LANGUAGE = "en"

MAX_VALUE_LENGTH = 200
OID_SHAPE = re.compile(r"[0-2](\.(0|[1-9][0-9]*))+")
LANGUAGE_SHAPE = re.compile(r"[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*")
ANY_CODE_SHAPE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]*")

ATOM_NAMESPACE = "http://www.w3.org/2005/Atom"
XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"


class BadRequest(ValueError):
    """A request we cannot answer, with a code and a plain message saying why."""

    def __init__(self, code: str, message: str, response_type: str = HTML):
        super().__init__(message)
        self.code = code
        self.message = message
        self.response_type = response_type


@dataclass(frozen=True)
class KnowledgeRequest:
    code_system_oid: str
    code: str  # as sent, trimmed
    display_name: str
    language: str  # the primary language subtag asked for, lower case ("en", "es")
    media_type: str  # the knowledgeResponseType asked for (or the default)

    @property
    def response_type(self) -> str:
        return RESPONSE_TYPES[self.media_type]


def _single(params: Mapping[str, Sequence[str]], name: str, response_type: str) -> str:
    values = params.get(name) or []
    if len(values) > 1:
        raise BadRequest(
            "repeated_parameter",
            f"Send {name} once. This service answers one code per request.",
            response_type,
        )
    value = values[0].strip() if values else ""
    if len(value) > MAX_VALUE_LENGTH:
        raise BadRequest(
            "value_too_long",
            f"{name} is longer than {MAX_VALUE_LENGTH} characters.",
            response_type,
        )
    return value


def parse(params: Mapping[str, Sequence[str]]) -> KnowledgeRequest:
    """Read an Infobutton request's parameters (name -> list of values), or raise BadRequest."""
    media_type = _single(params, RESPONSE_TYPE, HTML).lower() or DEFAULT_RESPONSE_TYPE
    if media_type not in RESPONSE_TYPES:
        hint = ""
        if "javascript" in media_type:
            hint = " JSONP is not offered: ask for application/json."
        raise BadRequest(
            "unsupported_response_type",
            f"{RESPONSE_TYPE} “{media_type}” is not supported. Use one of: "
            f"{', '.join(RESPONSE_TYPES)}.{hint}",
        )
    response_type = RESPONSE_TYPES[media_type]

    code = _single(params, CODE, response_type)
    code_system = _single(params, CODE_SYSTEM, response_type)
    display_name = _single(params, DISPLAY_NAME, response_type)
    language = (
        _single(params, LANGUAGE, response_type)
        or _single(params, PERFORMER_LANGUAGE, response_type)
        or PAGE_LANGUAGE
    )

    if not code:
        raise BadRequest("missing_code", f"Add the diagnosis code as {CODE}.", response_type)
    if not code_system:
        raise BadRequest(
            "missing_code_system",
            f"Add the code system's OID as {CODE_SYSTEM}: "
            f"{clinical_codes.ICD_10_CM.oid} for ICD-10-CM, "
            f"{clinical_codes.SNOMED_CT.oid} for SNOMED CT.",
            response_type,
        )
    if not OID_SHAPE.fullmatch(code_system):
        raise BadRequest(
            "invalid_code_system",
            f"{CODE_SYSTEM} must be an OID, such as {clinical_codes.ICD_10_CM.oid} for ICD-10-CM.",
            response_type,
        )
    if not ANY_CODE_SHAPE.fullmatch(code):
        raise BadRequest(
            "invalid_code", f"“{code}” is not a code: use letters, digits and dots.", response_type
        )
    if not LANGUAGE_SHAPE.fullmatch(language):
        raise BadRequest(
            "invalid_language",
            f"{LANGUAGE} must be a language code such as en.",
            response_type,
        )
    primary_language = re.split(r"[-_]", language)[0].lower()
    return KnowledgeRequest(code_system, code, display_name, primary_language, media_type)


@dataclass(frozen=True)
class Answer:
    request: KnowledgeRequest
    system_name: str  # "ICD-10-CM", or the OID when we do not know the system
    code: str  # normalized when the system is one we map
    match: clinical_codes.Match | None
    supported_system: bool
    language: str = PAGE_LANGUAGE  # the language we answer in: the one asked for, if we have it

    @property
    def language_available(self) -> bool:
        return self.request.language == self.language


def answer(
    knowledge_request: KnowledgeRequest, languages: Collection[str] = (PAGE_LANGUAGE,)
) -> Answer:
    """Which page answers the request, and in which of ``languages`` (the site's).

    Raises BadRequest when the code cannot be in its system.
    """
    language = (
        knowledge_request.language if knowledge_request.language in languages else PAGE_LANGUAGE
    )
    system = clinical_codes.SYSTEMS_BY_OID.get(knowledge_request.code_system_oid)
    if system is None:
        name = clinical_codes.OTHER_KNOWN_OIDS.get(
            knowledge_request.code_system_oid, knowledge_request.code_system_oid
        )
        return Answer(knowledge_request, name, knowledge_request.code, None, False, language)
    try:
        code = clinical_codes.normalize(system, knowledge_request.code)
    except clinical_codes.NotACode as error:
        raise BadRequest("invalid_code", str(error), knowledge_request.response_type) from error
    match = clinical_codes.find_page(system, code)
    return Answer(knowledge_request, system.name, code, match, True, language)


def request_query(code: clinical_codes.ClinicalCode, language: str = PAGE_LANGUAGE) -> str:
    """The query string a records system would send for this code (for examples)."""
    return urlencode(
        [
            (CODE_SYSTEM, code.system.oid),
            (CODE, code.code),
            (DISPLAY_NAME, code.title),
            (LANGUAGE, language),
        ]
    )


# --- The knowledge response: an Atom feed, as XML or as MedlinePlus Connect's JSON ---


@dataclass(frozen=True)
class Entry:
    title: str
    url: str
    summary: str
    updated: datetime
    language: str = PAGE_LANGUAGE


@dataclass(frozen=True)
class Feed:
    id: str
    title: str
    subtitle: str
    updated: datetime
    author_name: str
    author_uri: str
    base: str
    categories: tuple[tuple[str, str], ...]  # (scheme, term): the request, echoed
    entries: tuple[Entry, ...] = field(default=())
    language: str = PAGE_LANGUAGE


def _timestamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def feed_as_json(feed: Feed) -> dict:
    """The feed in the JSON shape MedlinePlus Connect sends (values under "_value")."""
    return {
        "feed": {
            "base": feed.base,
            "lang": feed.language,
            "title": {"type": "text", "_value": feed.title},
            "updated": {"_value": _timestamp(feed.updated)},
            "id": {"_value": feed.id},
            "author": {"name": {"_value": feed.author_name}, "uri": {"_value": feed.author_uri}},
            "subtitle": {"type": "text", "_value": feed.subtitle},
            "category": [{"scheme": scheme, "term": term} for scheme, term in feed.categories],
            "entry": [
                {
                    "lang": entry.language,
                    "title": {"type": "text", "_value": entry.title},
                    "link": [{"href": entry.url, "rel": "alternate", "type": "text/html"}],
                    "id": {"_value": entry.url},
                    "updated": {"_value": _timestamp(entry.updated)},
                    "summary": {"type": "text", "_value": entry.summary},
                }
                for entry in feed.entries
            ],
        }
    }


def feed_as_atom(feed: Feed) -> bytes:
    """The feed as an Atom document (RFC 4287), as the Infobutton SOA guide defines."""
    ET.register_namespace("", ATOM_NAMESPACE)

    def atom(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM_NAMESPACE}}}{tag}", attributes)
        element.text = text
        return element

    root = ET.Element(
        f"{{{ATOM_NAMESPACE}}}feed",
        {f"{{{XML_NAMESPACE}}}base": feed.base, f"{{{XML_NAMESPACE}}}lang": feed.language},
    )
    atom(root, "title", feed.title, type="text")
    atom(root, "subtitle", feed.subtitle, type="text")
    atom(root, "updated", _timestamp(feed.updated))
    atom(root, "id", feed.id)
    author = atom(root, "author")
    atom(author, "name", feed.author_name)
    atom(author, "uri", feed.author_uri)
    for scheme, term in feed.categories:
        atom(root, "category", scheme=scheme, term=term)
    for entry in feed.entries:
        node = atom(root, "entry", **{f"{{{XML_NAMESPACE}}}lang": entry.language})
        atom(node, "title", entry.title, type="text")
        atom(node, "link", href=entry.url, rel="alternate", type="text/html")
        atom(node, "id", entry.url)
        atom(node, "updated", _timestamp(entry.updated))
        atom(node, "summary", entry.summary, type="text")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def error_as_xml(error: BadRequest) -> bytes:
    root = ET.Element("error", {"code": error.code})
    root.text = error.message
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
