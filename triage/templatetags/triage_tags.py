"""Template filters for the checker's results."""

from django import template
from django.utils.translation import gettext

from triage.vocabulary import LEVEL_LABELS

register = template.Library()


@register.filter
def level_label(level: str) -> str:
    """The short label before a result's title, from the vocabulary's one list."""
    return gettext(LEVEL_LABELS.get(level, LEVEL_LABELS["self_care"]))
