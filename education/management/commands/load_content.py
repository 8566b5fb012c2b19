from django.core.management.base import BaseCommand, CommandError

from education.content_files import ContentError
from education.loading import load_pages


class Command(BaseCommand):
    help = (
        "Load the shipped page content files into the database. Safe to run again: "
        "unchanged pages are left alone and pages changed by an editor are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Replace pages that editors have changed with the shipped files. "
            "Their edits stay in the page history.",
        )

    def handle(self, *args, overwrite: bool, **options):
        try:
            report = load_pages(overwrite=overwrite)
        except ContentError as error:
            raise CommandError(f"Content file problem: {error}") from error
        for label, slugs in (
            ("Created", report.created),
            ("Updated", report.updated),
            ("Unchanged", report.unchanged),
        ):
            if slugs:
                self.stdout.write(f"{label}: {', '.join(slugs)}")
        if report.kept_editor_changes:
            self.stdout.write(
                self.style.WARNING(
                    "Kept editor changes (not overwritten): "
                    + ", ".join(report.kept_editor_changes)
                    + ". Use --overwrite to replace them with the shipped files."
                )
            )
