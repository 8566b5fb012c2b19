"""Mark each request as coming from a kiosk or not, and keep kiosk pages out of every cache."""

from django.utils.cache import add_never_cache_headers, patch_vary_headers

from kiosk.device import kiosk_for


class KioskMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.kiosk = kiosk_for(request)
        response = self.get_response(request)
        # The kiosk cookie changes how pages look (no outside links, large
        # targets, the staff message first), so a shared cache must never hand
        # a kiosk page to a phone or the other way round.
        patch_vary_headers(response, ["Cookie"])
        if request.kiosk is not None:
            # Nothing a person saw on a shared screen may come back from a cache.
            add_never_cache_headers(response)
        return response
