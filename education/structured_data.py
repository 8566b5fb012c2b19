"""schema.org structured data (JSON-LD) for the explanation pages.

Search engines and other readers use it to tell that a page is reviewed
medical content for patients, what condition it explains, and by which codes.
Each condition page is a MedicalWebPage about a MedicalCondition; the guide
page is a MedicalWebPage about its symptom, linking to the condition pages.

It goes into the page as an inline ``<script type="application/ld+json">``,
which is where search engines read it. That is a data block, not a script:
browsers never run it, so the site's Content Security Policy (script-src
'self', no 'unsafe-inline') does not apply to it and needs no nonce. A nonce
would also clash with education.caching, which serves the same rendered HTML
to many requests. tests/browser/test_structured_data_in_browser.py proves that
Chromium reports no CSP violation on these pages.
"""

import json
import re

from django.utils.safestring import SafeString, mark_safe

from education import clinical_codes
from education.markdown import fill_tokens

SCHEMA_ORG = "https://schema.org"
MAX_SYMPTOMS = 12
SYMPTOMS_ANCHOR = "symptoms"

# Other names people and clinicians use for each condition (schema.org alternateName).
ALTERNATE_NAMES: dict[str, tuple[str, ...]] = {
    "sepsis": ("Septicaemia", "Blood poisoning", "Septic shock"),
    "spinal-epidural-abscess": ("Epidural abscess", "Spinal abscess"),
    "vertebral-osteomyelitis": ("Spinal osteomyelitis", "Spondylodiscitis", "Spine bone infection"),
    "discitis": ("Diskitis", "Spondylodiscitis", "Intervertebral disc infection"),
    "pyelonephritis": ("Pyelonephritis", "Acute pyelonephritis", "Kidney infection"),
    "cauda-equina-syndrome": ("CES",),
    "meningitis": ("Bacterial meningitis", "Viral meningitis", "Meningococcal meningitis"),
}

_LIST_ITEM = re.compile(r"^[-*] +(.+)$", re.M)
_MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*_`]+")


def symptoms(markdown_text: str, emergency_number: str) -> list[str]:
    """The top-level list items of a Symptoms section, as short names."""
    found = []
    for item in _LIST_ITEM.findall(fill_tokens(markdown_text, emergency_number)):
        text = _EMPHASIS.sub("", _MARKDOWN_LINK.sub(r"\1", item)).strip()
        text = re.split(r"(?<=[a-z)])\. ", text)[0].rstrip(".").strip()
        if text:
            found.append(text[0].upper() + text[1:])
    return found[:MAX_SYMPTOMS]


def _medical_condition(page, emergency_number: str) -> dict:
    condition = {"@type": "MedicalCondition", "name": page.title}
    if alternate := ALTERNATE_NAMES.get(page.slug):
        condition["alternateName"] = list(alternate)
    codes = clinical_codes.codes_for(page.slug)
    if codes:
        condition["code"] = [
            {
                "@type": "MedicalCode",
                "codeValue": code.code,
                "codingSystem": code.system.schema_org_name,
                "name": code.title,
            }
            for code in codes
        ]
    section = next((s for s in page.sections.all() if s.anchor == SYMPTOMS_ANCHOR), None)
    if section is not None and (names := symptoms(section.body, emergency_number)):
        condition["signOrSymptom"] = [
            {"@type": "MedicalSignOrSymptom", "name": name} for name in names
        ]
    return condition


def medical_web_page(
    page, *, base_url: str, site_name: str, publisher: str, language: str, emergency_number: str
) -> dict:
    """The page as a schema.org MedicalWebPage, ready for json.dumps."""
    url = base_url + page.get_absolute_url()
    data = {
        "@context": SCHEMA_ORG,
        "@type": "MedicalWebPage",
        "@id": url,
        "url": url,
        "name": page.title,
        "headline": page.title,
        "description": page.meta_description,
        "inLanguage": language,
        "lastReviewed": page.last_reviewed.isoformat(),
        "dateModified": page.updated_at.isoformat(timespec="seconds"),
        "reviewedBy": {"@type": "Organization", "name": page.reviewer},
        "author": {"@type": "Organization", "name": page.author},
        "publisher": {"@type": "Organization", "name": publisher, "url": base_url + "/"},
        "isPartOf": {"@type": "WebSite", "name": site_name, "url": base_url + "/"},
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "citation": [
            {"@type": "CreativeWork", "name": source.name, "url": source.url}
            for source in page.sources.all()
        ],
    }
    if page.kind == "condition":
        data["about"] = _medical_condition(page, emergency_number)
    else:
        data["about"] = {"@type": "MedicalSignOrSymptom", "name": page.title}
        data["relatedLink"] = [base_url + other.get_absolute_url() for other in page.related.all()]
    return data


# json.dumps leaves "<", ">" and "&" as they are; inside <script> a "</script>"
# in an editor's text would end the block. Escaped as JSON \u escapes, they
# read the same to any JSON parser (as Django's json_script does).
_SCRIPT_SAFE = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


def json_ld_script(data: dict) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_SAFE)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above
