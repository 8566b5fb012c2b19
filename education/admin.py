"""Admin for clinical editors: edit pages, see what is due for review, read history."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from education.content_files import REQUIRED_ANCHORS, SECTION_KIND_BY_ANCHOR
from education.models import Page, PageRevision, Section, Source
from education.revisions import diff_lines, record_revision


class SectionFormSet(BaseInlineFormSet):
    """Keep the sections other parts of the site rely on (the checker links to them)."""

    def clean(self) -> None:
        super().clean()
        kind = self.instance.kind if self.instance else "condition"
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        anchors = [data["anchor"] for data in kept]
        if len(anchors) != len(set(anchors)):
            raise ValidationError(_("Each section needs its own anchor."))
        missing = [anchor for anchor in REQUIRED_ANCHORS.get(kind, ()) if anchor not in anchors]
        if missing:
            raise ValidationError(
                _("This page must keep these sections: %(anchors)s")
                % {"anchors": ", ".join(missing)}
            )
        for data in kept:
            expected = SECTION_KIND_BY_ANCHOR.get(data["anchor"])
            if expected and data["kind"] != expected:
                raise ValidationError(
                    _("The section “%(anchor)s” must use the %(kind)s style.")
                    % {"anchor": data["anchor"], "kind": expected}
                )


class SectionInline(admin.StackedInline):
    model = Section
    formset = SectionFormSet
    extra = 0
    fields = ["position", "anchor", "kind", "heading", "body"]


class SourceInline(admin.TabularInline):
    model = Source
    extra = 0
    fields = ["position", "name", "url"]


class RevisionInline(admin.TabularInline):
    model = PageRevision
    extra = 0
    can_delete = False
    fields = ["created_at", "user", "summary", "view_link"]
    readonly_fields = fields
    show_change_link = False
    verbose_name_plural = _("History (newest first)")
    max_num = 0

    @admin.display(description=_("details"))
    def view_link(self, revision: PageRevision) -> str:
        url = f"../../../pagerevision/{revision.pk}/change/"
        return format_html('<a href="{}">{}</a>', url, _("See what changed"))

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class ReviewDueFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            (
                "due",
                _("Overdue or due within %(days)s days") % {"days": settings.REVIEW_WARNING_DAYS},
            ),
            ("overdue", _("Overdue")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.due_for_review(settings.REVIEW_WARNING_DAYS)
        if self.value() == "overdue":
            return queryset.filter(next_review__lt=timezone.localdate())
        return queryset


class OutOfDateTranslationFilter(admin.SimpleListFilter):
    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return [("out-of-date", _("Out of date: the English page changed since review"))]

    def queryset(self, request, queryset):
        if self.value() == "out-of-date":
            return queryset.filter(pk__in=[page.pk for page in queryset.out_of_date_translations()])
        return queryset


class PageForm(forms.ModelForm):
    translation_reviewed = forms.BooleanField(
        label=_("Translation checked against the English page"),
        required=False,
        help_text=_(
            "For a page in another language: tick when it says everything the English page "
            "says now. This clears its “out of date” flag until the English page changes again."
        ),
    )

    class Meta:
        model = Page
        # The admin's fieldsets decide what is shown; ModelAdmin passes them as fields.
        fields = ["language", "slug", "title"]

    def clean(self) -> dict:
        cleaned = super().clean()
        language, slug = cleaned.get("language"), cleaned.get("slug")
        translates_nothing = (
            language
            and language != settings.LANGUAGE_CODE
            and slug
            and not Page.objects.filter(language=settings.LANGUAGE_CODE, slug=slug).exists()
        )
        if translates_nothing:
            self.add_error(
                "slug", _("A page in another language translates an English page: use its slug.")
            )
        related = cleaned.get("related")
        if language and related and any(page.language != language for page in related):
            self.add_error("related", _("Related pages must be in this page’s language."))
        return cleaned


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    form = PageForm
    list_display = [
        "title",
        "language",
        "kind",
        "last_reviewed",
        "next_review",
        "review_status",
        "translation_status",
        "updated_at",
    ]
    list_filter = [ReviewDueFilter, OutOfDateTranslationFilter, "language", "kind"]
    search_fields = ["title", "summary", "sections__body"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["related"]
    inlines = [SectionInline, SourceInline, RevisionInline]
    actions = ["mark_translations_reviewed"]
    readonly_fields = ["translation_status"]

    class Media:
        css = {"all": ["css/admin.css"]}

    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "language",
                    "slug",
                    "kind",
                    "order",
                    "summary",
                    "meta_description",
                ]
            },
        ),
        (_("Review"), {"fields": ["author", "reviewer", "last_reviewed", "next_review"]}),
        (_("Translation"), {"fields": ["translation_status", "translation_reviewed"]}),
        (_("Links"), {"fields": ["related"]}),
    ]

    @admin.display(description=_("translation"))
    def translation_status(self, page: Page) -> str:
        if page.pk is None or not page.is_translation:
            return "–"
        if page.is_out_of_date:
            return format_html(
                '<strong class="review-overdue">{}</strong>',
                _("Out of date: the English page changed since review"),
            )
        return _("Matches the English page")

    @admin.action(description=_("Mark the translation as checked against the English page"))
    def mark_translations_reviewed(self, request, queryset) -> None:
        translations = list(queryset.translations())
        for page in translations:
            page.mark_translation_reviewed()
        self.message_user(
            request,
            ngettext(
                "%(count)d translation marked as checked.",
                "%(count)d translations marked as checked.",
                len(translations),
            )
            % {"count": len(translations)},
            messages.SUCCESS,
        )

    @admin.display(description=_("review status"), ordering="next_review")
    def review_status(self, page: Page) -> str:
        days = (page.next_review - timezone.localdate()).days
        if days < 0:
            return format_html('<strong class="review-overdue">{}</strong>', _("Overdue"))
        if days <= settings.REVIEW_WARNING_DAYS:
            return format_html(
                "<strong>{}</strong>",
                ngettext("Due in %(days)d day", "Due in %(days)d days", days) % {"days": days},
            )
        return _("OK")

    def changelist_view(self, request, extra_context=None):
        due = Page.objects.due_for_review(settings.REVIEW_WARNING_DAYS)
        if due.exists() and "review" not in request.GET:
            self.message_user(
                request,
                format_html(
                    "{} {}",
                    ngettext(
                        "%(count)d page is due for review:",
                        "%(count)d pages are due for review:",
                        due.count(),
                    )
                    % {"count": due.count()},
                    format_html_join(", ", "{}", ((page.title,) for page in due)),
                ),
                level="warning",
            )
        out_of_date = Page.objects.out_of_date_translations()
        if out_of_date and "translation" not in request.GET:
            self.message_user(
                request,
                format_html(
                    "{} {}",
                    ngettext(
                        "%(count)d translation is out of date (its English page changed):",
                        "%(count)d translations are out of date (their English pages changed):",
                        len(out_of_date),
                    )
                    % {"count": len(out_of_date)},
                    format_html_join(", ", "{}", ((str(page),) for page in out_of_date)),
                ),
                level="warning",
            )
        return super().changelist_view(request, extra_context)

    def save_related(self, request, form, formsets, change) -> None:
        # Sections and sources are saved here, after the page itself, so this is
        # the first moment the whole page can be snapshotted.
        super().save_related(request, form, formsets, change)
        record_revision(form.instance, user=request.user)
        if form.cleaned_data.get("translation_reviewed"):
            form.instance.mark_translation_reviewed()


@admin.register(PageRevision)
class PageRevisionAdmin(admin.ModelAdmin):
    list_display = ["page", "created_at", "user", "summary"]
    list_filter = ["page"]
    date_hierarchy = "created_at"
    fields = ["page", "created_at", "user", "summary", "changes"]
    readonly_fields = fields

    class Media:
        css = {"all": ["css/admin.css"]}

    @admin.display(description=_("changes since the previous revision"))
    def changes(self, revision: PageRevision) -> str:
        previous = revision.previous()
        lines = diff_lines(previous.snapshot if previous else None, revision.snapshot)
        styled = (
            ("del" if line.startswith("-") else "ins" if line.startswith("+") else "span", line)
            for line in lines[2:]
        )
        return format_html(
            '<pre class="revision-diff">{}</pre>',
            format_html_join("\n", "<{0}>{1}</{0}>", styled),
        )

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
