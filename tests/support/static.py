"""A static files storage whose URLs differ from the plain names, as a manifest's do."""

from django.contrib.staticfiles.storage import StaticFilesStorage


class HashedNamesStorage(StaticFilesStorage):
    def url(self, name):
        stem, dot, extension = name.rpartition(".")
        return super().url(f"{stem}.hashed{dot}{extension}")
