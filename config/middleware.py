"""Response headers Django does not set itself, and request bodies it cannot read."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext

from config.json_response import json_response

# The site needs no camera, location, payment or other powerful feature; say so,
# so that nothing injected into a page could ask for them.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if settings.HTTPS:
            response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class RefuseUnsizedBodyMiddleware:
    """Refuse a request body sent without a length (chunked) with a clear 411.

    Django reads exactly CONTENT_LENGTH bytes of a body, and a WSGI server
    passes a chunked body without one: the form or JSON would silently read as
    empty and get a misleading answer ("the body is empty"). Every client we
    serve (browsers, curl, the API's users) can send a length.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "HTTP_TRANSFER_ENCODING" in request.META and not request.META.get("CONTENT_LENGTH"):
            message = gettext(
                "Send the request body with a Content-Length header; "
                "chunked request bodies are not accepted."
            )
            if request.path_info.startswith("/triage/api/"):
                return json_response({"error": message, "code": "length_required"}, status=411)
            return HttpResponse(message, status=411, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
