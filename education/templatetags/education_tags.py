from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from education.markdown import fill_tokens, render_markdown
from education.structured_data import json_ld_script, medical_web_page

register = template.Library()


@register.filter
def markdown(text: str, site_links_only=False) -> str:
    """Editor Markdown as sanitized HTML (see education.markdown).

    ``{{ body|markdown:kiosk }}`` keeps only links within the site on a kiosk.
    """
    html = render_markdown(text, settings.EMERGENCY_NUMBER, site_links_only=bool(site_links_only))
    return mark_safe(html)  # noqa: S308 - sanitized by nh3


@register.filter
def fill_clinic_tokens(text: str) -> str:
    """Plain text with [emergency number] filled in (still auto-escaped)."""
    return fill_tokens(text, settings.EMERGENCY_NUMBER)


@register.simple_tag(takes_context=True)
def structured_data(context, page) -> str:
    """The page's schema.org JSON-LD block (see education.structured_data)."""
    data = medical_web_page(
        page,
        base_url=settings.PUBLIC_BASE_URL,
        site_name=settings.SITE_NAME,
        publisher=settings.CLINIC_NAME or settings.SITE_NAME,
        language=page.language,  # the page's, also when shown untranslated at a Spanish address
        emergency_number=settings.EMERGENCY_NUMBER,
    )
    return json_ld_script(data)
