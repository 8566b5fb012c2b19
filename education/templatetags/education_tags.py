from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from education.markdown import fill_tokens, render_markdown

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
