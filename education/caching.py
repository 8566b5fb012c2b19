"""HTTP caching for the explanation pages.

Content pages are the same for everyone, so a browser, CDN or reverse proxy
may keep them for a few minutes and then revalidate. The validator (ETag)
changes whenever any page is edited (pages show their related pages' titles,
so one edit can change many pages), when a clinic setting shown on pages
changes, and when a deploy changes templates or static files.
"""

import functools
import hashlib
from pathlib import Path

from django.conf import settings
from django.db.models import Count, Max
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition

from config import personalisation
from education import clinical_codes
from education.models import Page

# Short enough that an urgent correction reaches readers quickly even through a CDN.
SHARED_CACHE_SECONDS = 300


@functools.cache
def release_fingerprint() -> str:
    """A fingerprint of the deployed templates and static files, computed once per process."""
    digest = hashlib.sha256()
    for folder in (settings.BASE_DIR / "templates", settings.BASE_DIR / "static"):
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(
                    f"{path.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}".encode()
                )
    return digest.hexdigest()[:16]


def content_etag(request, *args, **kwargs) -> str:
    # Asked twice per request (the conditional GET and the rendered-page reuse);
    # one database aggregate is enough.
    remembered = getattr(request, "_content_etag", None)
    if remembered is not None:
        return remembered
    request._content_etag = _compute_content_etag(request)
    return request._content_etag


def _compute_content_etag(request) -> str:
    # The count catches a deleted page, which leaves the latest edit time unchanged.
    pages = Page.objects.aggregate(latest=Max("updated_at"), count=Count("id"))
    parts = (
        pages["latest"].isoformat() if pages["latest"] else "",
        str(pages["count"]),
        settings.EMERGENCY_NUMBER,
        settings.SITE_NAME,
        settings.CLINIC_NAME,
        settings.CLINIC_CONTACT,
        settings.URGENT_CARE_TEXT,
        settings.PUBLIC_BASE_URL,  # printed under, and encoded in, the pages' QR codes
        release_fingerprint(),
        clinical_codes.TABLE_FINGERPRINT,  # shown on the pages and in their structured data
        request.get_full_path(),
    )
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def cacheable(etag_func):
    """A view decorator: send ``etag_func``'s ETag, answer 304 when it matches, and let
    shared caches keep the page briefly.

    Not on a clinic kiosk: its pages look different and must never be kept
    (the kiosk middleware marks them no-store), and a 304 could bring back the
    public page the browser cached before it became a kiosk.
    """

    def decorator(view):
        @functools.wraps(view)
        def public(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if response.status_code in (200, 304):
                patch_cache_control(response, public=True, max_age=SHARED_CACHE_SECONDS)
            return response

        conditional = condition(etag_func=etag_func)(public)

        @functools.wraps(view)
        def dispatch(request, *args, **kwargs):
            if personalisation.is_personalised(request):
                return view(request, *args, **kwargs)
            return conditional(request, *args, **kwargs)

        return dispatch

    return decorator


# The explanation pages: their ETag follows the content, the clinic's settings and the release.
cacheable_content = cacheable(content_etag)
