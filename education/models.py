"""Explanation pages, as clinical editors keep them in the admin."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from education.content_files import PAGE_KINDS, SECTION_KINDS, content_fingerprint


def language_choices() -> list[tuple[str, str]]:
    # A callable, so adding a language to settings.LANGUAGES needs no migration.
    return settings.LANGUAGES


class PageQuerySet(models.QuerySet):
    def readable_in(self, language: str):
        """The pages to show in ``language``: its own, and the default language's
        page for any slug not translated yet (shown with a note that says so)."""
        default = settings.LANGUAGE_CODE
        if language == default:
            return self.filter(language=default)
        translated = Page.objects.filter(language=language).values("slug")
        return self.filter(
            models.Q(language=language)
            | (models.Q(language=default) & ~models.Q(slug__in=translated))
        )

    def translations(self):
        """Pages in any language but the default: each translates the default page of its slug."""
        return self.exclude(language=settings.LANGUAGE_CODE)

    def out_of_date_translations(self) -> list["Page"]:
        """Translations whose default-language page changed since they were last reviewed."""
        sources = {
            page.slug: page.fingerprint()
            for page in Page.objects.filter(language=settings.LANGUAGE_CODE)
        }
        return [
            page
            for page in self.translations()
            if page.slug in sources and sources[page.slug] != page.source_fingerprint
        ]

    def due_for_review(self, within_days: int, today: datetime.date | None = None):
        """Pages whose review date has passed or falls within `within_days` days."""
        today = today or timezone.localdate()
        return self.filter(next_review__lte=today + datetime.timedelta(days=within_days))


class Page(models.Model):
    KIND_CHOICES = [(kind, kind.title()) for kind in PAGE_KINDS]

    language = models.CharField(
        _("language"),
        max_length=8,
        choices=language_choices,
        default=settings.LANGUAGE_CODE,
        help_text=_("A page in another language keeps the English page's slug and anchors."),
    )
    slug = models.SlugField(
        _("slug"),
        help_text=_("Part of the address: /conditions/<slug>/, the same in every language"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES, default="condition")
    order = models.PositiveSmallIntegerField(_("order in lists"), default=100)
    title = models.CharField(_("title"), max_length=120)
    summary = models.TextField(_("summary"), help_text=_("Two or three short sentences."))
    meta_description = models.CharField(_("meta description"), max_length=200)
    author = models.CharField(_("author"), max_length=200)
    reviewer = models.CharField(_("clinical reviewer"), max_length=200)
    last_reviewed = models.DateField(_("last reviewed"))
    next_review = models.DateField(_("next review due"))
    related = models.ManyToManyField(
        "self", blank=True, symmetrical=False, verbose_name=_("related pages")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Fingerprint of the content as last loaded from the shipped files. When the
    # page's current fingerprint differs, an editor has changed it, and a reload
    # leaves it alone unless told to overwrite.
    loaded_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    # A translation only: the English page's fingerprint when this translation
    # was last checked against it. While the English page's current fingerprint
    # differs, the translation is out of date (flagged in the admin).
    source_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["order", "title"]
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="unique_slug_per_language")
        ]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self) -> str:
        if self.is_translation:
            return f"{self.title} ({self.language})"
        return self.title

    def get_absolute_url(self) -> str:
        with translation.override(self.language):
            return reverse("education:page", args=[self.slug])

    @property
    def is_translation(self) -> bool:
        return self.language != settings.LANGUAGE_CODE

    def source_page(self) -> "Page | None":
        """The default-language page this page translates (None for that page itself)."""
        if not self.is_translation:
            return None
        return Page.objects.filter(language=settings.LANGUAGE_CODE, slug=self.slug).first()

    @property
    def is_out_of_date(self) -> bool:
        """A translation whose English page has changed since the translation was reviewed."""
        source = self.source_page()
        return source is not None and source.fingerprint() != self.source_fingerprint

    def mark_translation_reviewed(self) -> None:
        """Record that this translation says what its English page says now."""
        source = self.source_page()
        if source is not None:
            self.source_fingerprint = source.fingerprint()
            self.save(update_fields=["source_fingerprint"])

    def snapshot(self) -> dict:
        """Everything an editor can change, as plain data (for revisions and diffs)."""
        return {
            "slug": self.slug,
            "kind": self.kind,
            "order": self.order,
            "title": self.title,
            "summary": self.summary,
            "meta_description": self.meta_description,
            "author": self.author,
            "reviewer": self.reviewer,
            "last_reviewed": self.last_reviewed.isoformat(),
            "next_review": self.next_review.isoformat(),
            "related": sorted(self.related.values_list("slug", flat=True)),
            "sections": [
                {"anchor": s.anchor, "heading": s.heading, "body": s.body, "kind": s.kind}
                for s in self.sections.all()
            ],
            "sources": [{"name": s.name, "url": s.url} for s in self.sources.all()],
        }

    def fingerprint(self) -> str:
        return content_fingerprint(self.snapshot())

    @property
    def is_edited_since_load(self) -> bool:
        # A page with no recorded load (made in the admin) counts as edited: a
        # reload must never replace an editor's work without being told to.
        return self.fingerprint() != self.loaded_fingerprint


class Section(models.Model):
    KIND_CHOICES = [
        ("plain", _("Plain")),
        ("emergency", _("Emergency callout (red)")),
        ("urgent", _("Urgent callout (amber)")),
    ]
    assert {kind for kind, _label in KIND_CHOICES} == set(SECTION_KINDS)

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    anchor = models.SlugField(
        _("anchor"), help_text=_("The section's id, used in links: #emergency-signs")
    )
    heading = models.CharField(_("heading"), max_length=200)
    body = models.TextField(
        _("body"), help_text=_("Markdown. Write [emergency number] for the clinic's number.")
    )
    kind = models.CharField(_("style"), max_length=20, choices=KIND_CHOICES, default="plain")

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["page", "anchor"], name="unique_anchor_per_page")
        ]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.heading


class Source(models.Model):
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="sources")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("name"), max_length=300)
    url = models.URLField(_("link"), max_length=500)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.name


class PageRevision(models.Model):
    """A saved copy of a page after each change: who, when, and what changed."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="revisions")
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("who"),
    )
    summary = models.CharField(_("what changed"), max_length=500)
    snapshot = models.JSONField(_("content"))

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self) -> str:
        return f"{self.page} – {self.created_at:%Y-%m-%d %H:%M}"

    def previous(self) -> "PageRevision | None":
        return (
            PageRevision.objects.filter(page=self.page, created_at__lte=self.created_at)
            .exclude(pk=self.pk)
            .filter(models.Q(created_at__lt=self.created_at) | models.Q(pk__lt=self.pk))
            .first()
        )
