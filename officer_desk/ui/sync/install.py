"""Putting sync into the main window: the controller, the status-bar indicator, "Sync now"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from officer_desk.app.executor import DbExecutor
from officer_desk.ui.desk_session import DeskSession
from officer_desk.ui.sync.controller import SyncController, SyncTiming
from officer_desk.ui.sync.indicator import SyncIndicator
from officer_desk.ui.sync.state import Phase, SyncView
from officer_desk.ui.sync.worker import TransportFactory, http_transport


class DeskSync:
    """The window's sync parts; ``use`` swaps the hub connection (tests: an in-process hub)."""

    def __init__(
        self,
        window: QMainWindow,
        executor: DbExecutor,
        session: DeskSession,
        sync_now: QAction,
        transport_for: TransportFactory = http_transport,
        timing: SyncTiming | None = None,
        first_screen: SignalInstance | None = None,
    ) -> None:
        self._executor = executor
        self._session = session
        self.controller = SyncController(
            executor,
            session,
            transport_for=transport_for,
            timing=timing,
            first_screen=first_screen,
            parent=window,
        )
        self.indicator = SyncIndicator(
            self.controller, _enrolment_opener(executor, session, transport_for)
        )
        window.statusBar().addPermanentWidget(self.indicator)
        self.action = sync_now
        sync_now.triggered.connect(self.controller.sync_now)
        self.controller.view_changed.connect(self._enable)
        self._enable(self.controller.view)

    def use(self, transport_for: TransportFactory, timing: SyncTiming | None = None) -> None:
        self.controller.use(transport_for, timing)
        self.indicator.open_enrolment = _enrolment_opener(
            self._executor, self._session, transport_for
        )

    def _enable(self, view: SyncView) -> None:
        self.action.setEnabled(view.enrolled and view.phase is not Phase.SYNCING)

    def shutdown(self) -> None:
        self.controller.shutdown()


def _enrolment_opener(
    executor: DbExecutor, session: DeskSession, transport_for: TransportFactory
) -> Callable[[QWidget], QDialog]:
    """``enrol.enrolment_opener``, its module imported when the dialog is first opened (only
    an admin ever does), not while the window is built."""

    def open_dialog(parent: QWidget) -> QDialog:
        from officer_desk.ui.sync.enrol import enrolment_opener

        return enrolment_opener(executor, session, transport_for)(parent)

    return open_dialog
