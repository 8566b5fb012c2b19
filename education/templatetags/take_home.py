"""Template tags for education.take_home: a page's public address and its QR code."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from education.take_home import public_url as build_public_url
from education.take_home import qr_svg

register = template.Library()


@register.simple_tag
def public_url(path: str) -> str:
    return build_public_url(path)


@register.simple_tag
def take_home_qr(url: str, caption: str) -> str:
    """A QR code for ``url`` with its caption and the address written out."""
    return render_to_string(
        "education/take_home_qr.html",
        {"url": url, "caption": caption, "svg": mark_safe(qr_svg(url))},  # noqa: S308 - SVG built by segno from a URL we made
    )
