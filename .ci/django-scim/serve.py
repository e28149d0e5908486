"""Prepares the database and serves django-scim2 on 127.0.0.1:PORT: python serve.py PORT."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.environ["SCIM_DJANGO_WORK"])
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")

from django.core.management import execute_from_command_line  # noqa: E402

port = sys.argv[1]
migrations = os.path.join(os.environ["SCIM_DJANGO_WORK"], "directory_migrations")
os.makedirs(migrations, exist_ok=True)
open(os.path.join(migrations, "__init__.py"), "a").close()
execute_from_command_line(["serve.py", "makemigrations", "directory", "--verbosity", "0"])
execute_from_command_line(["serve.py", "migrate", "--verbosity", "0"])
execute_from_command_line(["serve.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--nothreading"])
