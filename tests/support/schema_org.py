"""The part of the schema.org vocabulary our pages use, for checking their JSON-LD offline.

Tests never fetch https://schema.org: a JSON-LD processor (pyld) gets this
context from a document loader instead. The context defines each term we may
use and nothing else (no @vocab), so expansion drops any key that is not a
schema.org property we know, and the tests notice. Types and property domains
follow schema.org (version 29); a property may only sit on a type in its domain.
"""

SCHEMA = "https://schema.org/"

# type -> its parent types
TYPES = {
    "Thing": (),
    "CreativeWork": ("Thing",),
    "WebPage": ("CreativeWork",),
    "MedicalWebPage": ("WebPage",),
    "WebSite": ("CreativeWork",),
    "Organization": ("Thing",),
    "Intangible": ("Thing",),
    "Audience": ("Intangible",),
    "PeopleAudience": ("Audience",),
    "MedicalAudience": ("Audience", "PeopleAudience"),
    "MedicalEntity": ("Thing",),
    "MedicalCondition": ("MedicalEntity",),
    "MedicalSignOrSymptom": ("MedicalCondition",),
    "MedicalIntangible": ("MedicalEntity",),
    "DefinedTerm": ("Intangible",),
    "CategoryCode": ("DefinedTerm",),
    "MedicalCode": ("CategoryCode", "MedicalIntangible"),
}

# property -> (types it may sit on, whether its value is a URL)
PROPERTIES = {
    "name": ({"Thing"}, False),
    "alternateName": ({"Thing"}, False),
    "description": ({"Thing"}, False),
    "url": ({"Thing"}, True),
    "headline": ({"CreativeWork"}, False),
    "inLanguage": ({"CreativeWork"}, False),
    "author": ({"CreativeWork"}, False),
    "publisher": ({"CreativeWork"}, False),
    "citation": ({"CreativeWork"}, False),
    "isPartOf": ({"CreativeWork"}, False),
    "audience": ({"CreativeWork"}, False),
    "dateModified": ({"CreativeWork"}, False),
    "about": ({"CreativeWork"}, False),
    "lastReviewed": ({"WebPage"}, False),
    "reviewedBy": ({"WebPage"}, False),
    "relatedLink": ({"WebPage"}, True),
    "audienceType": ({"Audience"}, False),
    "code": ({"MedicalEntity"}, False),
    "signOrSymptom": ({"MedicalCondition"}, False),
    "codeValue": ({"CategoryCode", "MedicalCode"}, False),
    "codingSystem": ({"MedicalCode"}, False),
}

CONTEXT = {
    "@context": {
        **{name: f"{SCHEMA}{name}" for name in TYPES},
        **{
            name: {"@id": f"{SCHEMA}{name}", "@type": "@id"} if is_url else f"{SCHEMA}{name}"
            for name, (_domain, is_url) in PROPERTIES.items()
        },
    }
}


def ancestors(type_name: str) -> set[str]:
    found = {type_name}
    for parent in TYPES.get(type_name, ()):
        found |= ancestors(parent)
    return found


def offline_loader(requested: list[str]):
    """A pyld document loader that serves the context above for schema.org and nothing else."""

    def load(url, options=None):
        requested.append(url)
        if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
            raise AssertionError(f"the JSON-LD processor tried to fetch {url}")
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}

    return load
