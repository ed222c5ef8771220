"""Issue an API token for a user: `manage.py issue_token alice` prints the key to send as
`Authorization: Token <key>`. The same key comes back on each run unless --rotate is given."""
from __future__ import annotations

from argparse import ArgumentParser

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = "Print the API token of a user, creating it if needed (--rotate replaces it)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--rotate", action="store_true", help="Revoke the current token and issue a new one.")

    @transaction.atomic
    def handle(self, *args: object, username: str, rotate: bool, **options: object) -> str:
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No user named {username!r}; create one with `manage.py createsuperuser`.") from None
        if not user.is_active:
            raise CommandError(f"User {username!r} is inactive: a token would not authenticate.")
        if rotate:
            Token.objects.filter(user=user).delete()
        token, _ = Token.objects.get_or_create(user=user)
        return token.key
