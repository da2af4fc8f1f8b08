"""Runs what the first-run page asks for, never on the GUI thread.

Setting up a standalone workstation (``accounts.create_store``, the use case behind
``officer-desk-admin init``: Argon2id and the database stack) runs on the database worker;
joining a hub (``app.joining.join_hub``, behind ``officer-desk-admin join``: network) on a sync
thread of its own.  When either is done the store is closed again and :attr:`ready` tells the
gate to show the sign-in page; the demo choice is passed on as :attr:`demo_chosen`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from officer_desk.app.executor import DbExecutor
from officer_desk.domain.errors import DeskError
from officer_desk.paths import AppPaths
from officer_desk.ui.first_run.page import FirstRunPage, FormPanel, SetUp
from officer_desk.ui.sync.worker import SyncThread, TransportFactory, http_transport

if TYPE_CHECKING:
    from officer_desk.app.joining import Joined

log = logging.getLogger("officer_desk.ui")


def set_up_workstation(paths: AppPaths, form: SetUp) -> None:
    """On the database worker: the store, facility, unit and first admin; then closed."""
    from officer_desk.app import accounts

    store, _admin = accounts.create_store(
        paths.store,
        backups=paths.backups,
        facility_name=form.facility_name,
        facility_code=form.facility_code,
        unit_name=form.unit_name,
        unit_code=form.unit_code,
        admin_username=form.admin_username,
        admin_name=form.admin_name,
        admin_password=form.admin_password,
    )
    store.close()


def join_workstation(
    paths: AppPaths, url: str, code: str, name: str, transport_for: TransportFactory
) -> Joined:
    """On the sync thread: an empty store, enrolled and synced (nothing kept on failure)."""
    from officer_desk.app.joining import join_hub

    transport = transport_for(url)
    try:
        return join_hub(
            paths.store,
            url=url,
            code=code,
            name=name,
            backups=paths.backups,
            transport=transport,
        )
    finally:
        close = getattr(transport, "close", None)
        if close is not None:
            close()


class FirstRunGuide(QObject):
    demo_chosen = Signal()
    ready = Signal(str, str)  # the user name to put in the sign-in page, and what to say there

    def __init__(
        self,
        executor: DbExecutor,
        paths: AppPaths,
        transport_for: TransportFactory = http_transport,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._executor = executor
        self._paths = paths
        self.transport_for = transport_for
        self.sync_thread = SyncThread(self)
        self.page = FirstRunPage()
        self.page.demo_chosen.connect(self.demo_chosen)
        self.page.setup.submitted.connect(self.set_up)
        self.page.join.submitted.connect(self.join)

    def set_up(self, form: SetUp) -> None:
        self.page.setup.set_busy(True)
        paths = self._paths
        self._executor.run(
            lambda: set_up_workstation(paths, form),
            lambda _none: self._set_up_done(form),
            lambda error: self._refused(self.page.setup, error),
            owner=self,
        )

    def _set_up_done(self, form: SetUp) -> None:
        self.page.setup.set_busy(False)
        self.ready.emit(
            form.admin_username,
            self.tr(
                "{facility}, unit {unit} is set up. Sign in with your new password, then "
                "create the officers' accounts under Unit → Accounts."
            ).format(facility=form.facility_name, unit=form.unit_name),
        )

    def join(self, url: str, code: str, name: str) -> None:
        self.page.join.set_busy(True)
        paths, transport_for = self._paths, self.transport_for
        self.sync_thread.submit(
            lambda: join_workstation(paths, url, code, name, transport_for),
            self._joined,
            lambda error: self._refused(self.page.join, error, url),
            owner=self,
        )

    def _joined(self, joined: Joined) -> None:
        self.page.join.set_busy(False)
        self.ready.emit(
            "",
            self.tr(
                "This workstation joined unit {unit} on {url}. Every active officer of the "
                "unit can now sign in here with their own password."
            ).format(unit=joined.unit_code, url=joined.url),
        )

    def _refused(self, panel: FormPanel, error: BaseException, url: str = "") -> None:
        from officer_desk.ui.sync.enrol import failure_words

        if isinstance(error, DeskError) and not url:
            words: str | None = error.message
        else:
            words = failure_words(error, url)
        if words is None:
            log.error("first run failed", exc_info=error)
            self._executor.failed.emit(error)
            words = self.tr("That failed because of a fault in the app. Nothing was kept.")
        field = getattr(error, "field", None)
        if url and field is None:
            # The hub refused the code or could not be reached: the code or address is wrong.
            from officer_desk.sync.errors import HubUnreachable

            field = "hub" if isinstance(error, HubUnreachable) else "code"
        panel.refuse(words, field)

    def shutdown(self) -> None:
        self.sync_thread.stop(1.0)
