"""A Django site serving django-scim2, a widely used SCIM 2.0 provider, as its users deploy it: the package's
default adapters, a user and a group model with its SCIM mixins, and a bearer token. Used by .ci/scim-e2e.

It keeps only part of the User schema (userName, name.givenName/familyName, emails, active, externalId), derives
displayName from the name parts, answers 501 to a PATCH it does not implement, and numbers users and groups from
1 each. Nothing here changes that behaviour: this is configuration, not a stand-in.
"""

import os

BASE_DIR = os.environ["SCIM_DJANGO_WORK"]
SECRET_KEY = os.environ.get("SCIM_DJANGO_SECRET", "not-a-secret-only-on-loopback")
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django_scim",
    "directory",
]
MIDDLEWARE = ["directory.auth.BearerTokenMiddleware"]
ROOT_URLCONF = "urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(BASE_DIR, "scim.sqlite3")}}
MIGRATION_MODULES = {"directory": "directory_migrations"}
AUTH_USER_MODEL = "directory.User"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
USE_TZ = True
LOGGING = {"version": 1, "disable_existing_loggers": False}
SCIM_SERVICE_PROVIDER = {
    "NETLOC": os.environ.get("SCIM_DJANGO_NETLOC", "127.0.0.1"),
    "SCHEME": "http",
    "GROUP_MODEL": "directory.models.Group",
    "AUTHENTICATION_SCHEMES": [
        {"type": "oauthbearertoken", "name": "OAuth Bearer Token", "description": "A bearer token"}
    ],
}
