"""Reuse a content page's rendered HTML while its ETag stays the same.

The ETag (education.caching.content_etag) already changes whenever anything a
content page shows can change: any page edit, a clinic setting, a deploy, the
path. So HTML rendered for one ETag is right for every later request with that
ETag, and each process keeps the latest few. This skips the page's database
reads and template rendering, which were most of its time under load
(docs/benchmarks.md); what remains per request is the ETag's one aggregate
query and the middleware.
"""

import functools
import threading

from django.http import HttpResponse

from config import personalisation
from education.caching import content_etag

# A few dozen content URLs exist; the bound only matters for odd paths.
MAX_PAGES = 64

_rendered: dict[str, tuple[bytes, str]] = {}
_lock = threading.Lock()


def reuse_while_etag_matches(view):
    """Serve a 200 response's HTML again for requests with the same content ETag."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        # A clinic kiosk's pages look different (no links off the site) and the
        # content ETag does not say so: kiosks always render afresh, and what
        # they render is never kept, like education.caching.cacheable_content.
        if personalisation.is_personalised(request):
            return view(request, *args, **kwargs)
        etag = content_etag(request, *args, **kwargs)
        cached = _rendered.get(etag)
        if cached is not None:
            content, content_type = cached
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            with _lock:
                while len(_rendered) >= MAX_PAGES:
                    del _rendered[next(iter(_rendered))]
                _rendered[etag] = (response.content, response["Content-Type"])
        return response

    return wrapped
