"""Give a newcomer a way into the admin without a shared default password."""
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create a local superuser with a generated password, printed once, unless a superuser exists."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username: str, **options) -> str:
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            return "A superuser exists already; use `manage.py changepassword` if you lost the password."
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        return (
            f"Created superuser {username!r} with password {password}\n"
            "It is shown only this once: note it, or reset it with `manage.py changepassword`."
        )
