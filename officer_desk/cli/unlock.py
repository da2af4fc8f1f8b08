"""Passwords and signing in for the admin command line.

Passwords come from the environment (for scripts) or are asked for on the terminal, never from
the command line itself (it would end up in the shell history and the process list), and are
never printed.  ``OFFICER_DESK_PASSWORD`` is the password of the account named with ``--user``
(or of the first admin, for ``init``); ``OFFICER_DESK_NEW_PASSWORD`` is a password being set
for an account.  Without the variable and without a terminal to ask on, the command stops with
a plain message.

:func:`open_desk` signs in and gives the store with the person running the command: every
change it makes is theirs, and the services' role checks apply to them.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from officer_desk.app import access, accounts
from officer_desk.app.accounts import SignedIn
from officer_desk.app.writes import Actor, write
from officer_desk.domain.enums import Role
from officer_desk.domain.errors import DeskError, ValidationError
from officer_desk.paths import AppPaths
from officer_desk.store.connect import is_plain_sqlite
from officer_desk.store.database import Store, open_store

PASSWORD_ENV = "OFFICER_DESK_PASSWORD"
NEW_PASSWORD_ENV = "OFFICER_DESK_NEW_PASSWORD"


def password(env: str, prompt: str, *, confirm: bool = False) -> str:
    """The password from ``env``, or typed at the terminal (twice when ``confirm``)."""
    given = os.environ.get(env)
    if given:
        return given
    if sys.stdin is None or not sys.stdin.isatty():
        raise DeskError(
            f"No password given. Set {env} for this command, or run it in a terminal "
            "to be asked for the password."
        )
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Type the same password again: ") != first:
        raise ValidationError("The two passwords are not the same; nothing was changed.")
    return first


def new_password(username: str) -> str:
    """A password being set for ``username`` (OFFICER_DESK_NEW_PASSWORD, or asked twice)."""
    return password(NEW_PASSWORD_ENV, f"New password for {username}: ", confirm=True)


@dataclass
class Desk:
    """The store a command works on, and who is running it.

    ``who`` is None only for ``verify`` on a store that is not encrypted yet.
    """

    store: Store
    who: SignedIn | None
    backups: Path  # the data folder's backups/ (purge archives go there by default)
    password: str = field(default="", repr=False)

    @property
    def actor(self) -> Actor:
        if self.who is None:
            return Actor.system("officer-desk-admin")
        return self.who.actor()

    def require(self, roles: tuple[Role, ...], what: str) -> None:
        """Refuse (PermissionDenied, audited as "denied") anyone without one of ``roles``."""
        with write(self.store, self.actor) as w:
            access.require_role(w.session, self.actor, *roles, what=what)


def need_user(user: str | None, command: str) -> str:
    if not user:
        raise DeskError(
            f"Say which account runs this command: {command} --user NAME "
            f"(the password comes from {PASSWORD_ENV} or is asked for)."
        )
    return user


@contextmanager
def open_desk(
    where: AppPaths, user: str | None, command: str, *, plain_ok: bool = False
) -> Iterator[Desk]:
    """Sign in as ``user`` and yield the open store; closed afterwards.

    A store that is not encrypted yet is refused with the NotEncrypted message, unless
    ``plain_ok`` (verify), when it is opened as it is and ``user`` is not needed.
    """
    if plain_ok and is_plain_sqlite(where.store):
        desk = Desk(open_store(where.store, backups=where.backups), None, where.backups)
    else:
        accounts.require_encrypted(where.store)
        name = need_user(user, command)
        typed = password(PASSWORD_ENV, f"Password for {name}: ")
        store, who = accounts.sign_in(where.store, name, typed, backups=where.backups)
        desk = Desk(store, who, where.backups, typed)
    try:
        yield desk
    finally:
        desk.store.close()
