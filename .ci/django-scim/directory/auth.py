import hmac
import os


class _Client:
    is_authenticated = True


class BearerTokenMiddleware:
    """Signs in the provisioning client that presents the token in SCIM_DJANGO_TOKEN."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.expected = ("Bearer " + os.environ["SCIM_DJANGO_TOKEN"]).encode()

    def __call__(self, request):
        given = request.headers.get("Authorization", "").encode()
        if hmac.compare_digest(given, self.expected):
            request.user = _Client()
        return self.get_response(request)
