"""Response headers Django does not set itself."""

from django.conf import settings

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
