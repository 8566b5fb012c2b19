"""Mark each request as coming from a kiosk or not, and decorate the other apps' pages for it.

The explanation pages and the checker never ask about kiosks. For a kiosk's
request this middleware tells them, through config.personalisation, that the
page is for this screen only and which person's turn it is; it sends a kiosk
to its attract screen instead of the public home page; and it keeps every
kiosk page out of every cache.
"""

from django.shortcuts import redirect
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from config import personalisation
from kiosk.device import kiosk_for
from kiosk.languages import attract_screen_url


class KioskMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.kiosk = kiosk_for(request)
        if request.kiosk is not None:
            # The checker signs its answers with the turn: once the kiosk is cleared
            # for the next person, a form left in the browser's history is unreadable.
            personalisation.personalise(request, turn=f"kiosk:{request.kiosk.generation}")
        response = self.get_response(request)
        # The kiosk cookie changes how pages look (no outside links, large
        # targets, the staff message first), so a shared cache must never hand
        # a kiosk page to a phone or the other way round.
        patch_vary_headers(response, ["Cookie"])
        if request.kiosk is not None:
            # Nothing a person saw on a shared screen may come back from a cache.
            add_never_cache_headers(response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # A kiosk's home is its attract screen. Other methods reach the view, which refuses them.
        if (
            request.kiosk is not None
            and request.method in ("GET", "HEAD")
            and request.resolver_match.view_name == "home"
        ):
            # "/" is every language's: a turn starts in the clinic's. "/es/" keeps its own.
            return redirect(
                attract_screen_url(translation.get_language_from_path(request.path_info))
            )
        return None
