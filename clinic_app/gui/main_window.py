"""The front desk's main window: the chair day grid, the week overview, and every action.

The window is a thin layer over the services: it loads a day's list off the GUI thread, hands
it to the grid model, and turns user actions into service calls whose answers (or refusals,
in clerk words) it shows in the banner and the status bar.

It acts for the logged-in user (an :class:`Actor`). A :class:`SessionGuard` locks it after
idle time and lets another user take over; then :meth:`MainWindow.set_actor` rebuilds what
depends on the role (which actions are enabled, the "Acting as" label, the reports menu).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QDate, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_app.bootstrap import Services
from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.domain.errors import RuleRefusalError
from clinic_app.gui import wording
from clinic_app.gui.common.live_changes import follow_changes, shows_change
from clinic_app.gui.common.urgent_banner import urgent_by_mrn
from clinic_app.gui.day_grid.legend import legend_row
from clinic_app.gui.day_grid.summary import day_summary, outcome_feedback
from clinic_app.gui.models.day_grid_model import DayGridModel
from clinic_app.gui.reports_menu import add_reports_actions
from clinic_app.gui.resources import IconSet
from clinic_app.gui.session_guard import DEFAULT_IDLE_MINUTES, SessionGuard
from clinic_app.gui.tasks import TaskRunner
from clinic_app.gui.widgets.day_grid_view import DayGridView
from clinic_app.gui.widgets.details_panel import DetailsPanel
from clinic_app.gui.widgets.message_banner import MessageBanner, banner_icons
from clinic_app.gui.widgets.session_delegate import SessionBlockDelegate
from clinic_app.gui.widgets.week_overview import WeekOverview, monday_of
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.changes import Change
from clinic_app.services.results import (
    BookingOutcome,
    ChairView,
    DayList,
    SessionView,
)
from clinic_app.services.session_actions import may_cancel, may_move, permission_for_status
from clinic_app.services.visit_views import AlertView

if TYPE_CHECKING:
    from clinic_app.gui.dialogs.booking_dialog import BookingPrefill
    from clinic_app.gui.dialogs.patient_dialog import PatientDialog

# The dialogs (booking, move, cancel, patient, check-in override, letters, shortcuts) are
# imported when first opened: none is needed to put the first day on screen.

STATUS_ACTIONS = (
    ("arrived", "Mark &arrived"),
    ("in-chair", "Mark &in chair"),
    ("completed", "Mark &completed"),
    ("no-show", "Mark &no-show"),
    ("booked", "Back to &booked"),
)
MESSAGE_MS = 10_000
DETAILS_WIDTH = 240


class MainWindow(QMainWindow):
    """Day grid (one column per chair and one for the lab station), week overview, actions.

    Signals:
        day_loaded(object): the :class:`date` whose list is now on screen.
        action_done(str): a booking action finished; the text is what the banner says.
        actor_changed(object): the window now acts for this :class:`Actor` (user switched).
    """

    day_loaded = Signal(object)
    action_done = Signal(str)
    actor_changed = Signal(object)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        *,
        settings: QSettings | None = None,
        runner: TaskRunner | None = None,
        icons: IconSet | None = None,
        idle_minutes: float = DEFAULT_IDLE_MINUTES,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.calendar: ClinicCalendar | None = None
        self._load_calendar()
        self._tool_windows: dict[str, QWidget] = {}
        self.reports_actions: list[QAction] = []
        self._reports_menu_action: QAction | None = None
        self.settings = settings
        self.runner = runner or TaskRunner(self)
        self.icons = icons or IconSet()
        self.day_list: DayList | None = None
        self._patient_windows: list[PatientDialog] = []
        self._select_after_load: int | None = None
        self.setObjectName("mainWindow")
        self.setWindowIcon(self.icons.icon("app"))
        self.setWindowTitle(self.tr("%1 - front desk").replace("%1", services.setup.clinic_name()))
        self._build_widgets()
        self._build_actions()
        self._build_menus_and_toolbar()
        self._build_status_bar()
        self.session_guard = SessionGuard(services, self, actor, idle_minutes=idle_minutes)
        self.session_guard.user_changed.connect(self.set_actor)
        self.resize(1366, 768)
        self._restore_settings()
        self.go_to(self._initial_day())
        # Another window's or desk's change to what is on screen reloads it (live refresh).
        self.live_changes = follow_changes(
            self,
            services.ctx.feed,
            self._shows_change,
            self.reload,
            views=(self.grid_view,),
            loaded=self.day_loaded,
        )

    # ------------------------------------------------------------------ building

    def _build_widgets(self) -> None:
        catalog = self.services.ctx.catalog
        self.grid_model = DayGridModel(self)
        self.grid_view = DayGridView(self)
        self.grid_view.setObjectName("dayGrid")
        self.grid_view.setModel(self.grid_model)
        self.delegate = SessionBlockDelegate(
            self.icons, {t.code: t.therapy_class for t in catalog}, self.grid_view
        )
        self.grid_view.setItemDelegate(self.delegate)
        self.grid_view.session_dropped.connect(self.session_dropped)
        self.grid_view.session_activated.connect(lambda _sid: self.open_patient())
        self.grid_view.slot_activated.connect(self._book_at_slot)
        self.grid_view.selection_moved.connect(self._selection_changed)
        self.grid_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid_view.customContextMenuRequested.connect(self._context_menu)

        self.day_title = QLabel(self)
        self.day_title.setObjectName("dayTitle")
        self.day_summary = QLabel(self)
        self.day_summary.setObjectName("daySummary")
        self.banner = MessageBanner(self, icons=banner_icons(self.icons))
        header = QHBoxLayout()
        header.addWidget(self.day_title)
        header.addSpacing(12)
        header.addWidget(self.day_summary, 1)
        header.addLayout(legend_row(self))
        day_page = QWidget(self)
        day_layout = QVBoxLayout(day_page)
        day_layout.setContentsMargins(6, 4, 6, 4)
        day_layout.addLayout(header)
        day_layout.addWidget(self.banner)
        day_layout.addWidget(self.grid_view, 1)

        self.week = WeekOverview(self.services, self.actor, self.runner, self.icons, self)
        self.week.day_chosen.connect(self._open_day_from_week)
        self.week.failed.connect(lambda text: self.show_banner("error", text))

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(day_page, self.icons.icon("day"), self.tr("Day"))
        self.tabs.addTab(self.week, self.icons.icon("week"), self.tr("Week overview"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)

        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setToolTip(self.tr("Go to date (Ctrl+G)"))
        self.date_edit.dateChanged.connect(self._date_picked)

    def _action(
        self,
        text: str,
        slot: Callable[[], Any],
        shortcuts: tuple[QKeySequence | QKeySequence.StandardKey | str, ...] = (),
        icon: str | None = None,
        tip: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon:
            action.setIcon(self.icons.icon(icon))
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        tr = self.tr
        self.today_action = self._action(
            tr("&Today"),
            self.go_today,
            (tr("Ctrl+T"), tr("Alt+Home")),
            "today",
            tr("Show today's grid"),
        )
        self.previous_action = self._action(
            tr("&Previous day"),
            lambda: self.step_day(-1),
            (tr("Alt+Left"), tr("Ctrl+PgUp")),
            "go-previous",
            tr("Show the day before"),
        )
        self.next_action = self._action(
            tr("&Next day"),
            lambda: self.step_day(1),
            (tr("Alt+Right"), tr("Ctrl+PgDown")),
            "go-next",
            tr("Show the day after"),
        )
        self.go_to_action = self._action(
            tr("&Go to date…"),
            self.focus_date_picker,
            (tr("Ctrl+G"),),
            None,
            tr("Type or pick a date"),
        )
        self.refresh_action = self._action(
            tr("&Refresh"),
            self.reload,
            (QKeySequence.StandardKey.Refresh, tr("F5")),
            "refresh",
            tr("Load the day again from the database"),
        )
        self.day_view_action = self._action(
            tr("&Day grid"), lambda: self.tabs.setCurrentIndex(0), (tr("Ctrl+1"),), "day"
        )
        self.week_view_action = self._action(
            tr("&Week overview"),
            lambda: self.tabs.setCurrentIndex(1),
            (tr("Ctrl+2"),),
            "week",
            tr("Chair occupancy for the whole week"),
        )
        self.new_booking_action = self._action(
            tr("&New booking…"),
            self.new_booking,
            (tr("Ctrl+N"),),
            "book",
            tr("Book a session (at the selected chair and time)"),
        )
        self.series_action = self._action(
            tr("Book a &series…"),
            lambda: self.new_booking(doses=2),
            (tr("Ctrl+Shift+N"),),
            None,
            tr("Book the next doses or an iron course in one go"),
        )
        self.move_action = self._action(
            tr("&Move…"),
            self.move_selected,
            (tr("Ctrl+M"),),
            "move",
            tr("Move the selected session to another time or chair"),
        )
        self.cancel_action = self._action(
            tr("&Cancel session…"),
            self.cancel_selected,
            (QKeySequence.StandardKey.Delete,),
            "cancel",
            tr("Cancel the selected session, with a reason"),
        )
        self.patient_action = self._action(
            tr("&Patient…"),
            self.open_patient,
            (tr("Ctrl+P"),),
            "patient",
            tr("Open the selected session's patient"),
        )
        self.find_patient_action = self._action(
            tr("&Find patient…"),
            self.find_patient,
            (tr("Ctrl+F"),),
            "find",
            tr("Find a patient by name or MRN"),
        )
        self.dismiss_action = self._action(tr("&Dismiss message"), self.banner.hide, (tr("Esc"),))
        self.shortcuts_action = self._action(
            tr("&Keyboard shortcuts"), self.show_shortcuts, (QKeySequence.StandardKey.HelpContents,)
        )
        self.quit_action = self._action(
            tr("&Quit"), self.close, (QKeySequence.StandardKey.Quit, tr("Ctrl+Q")), "quit"
        )
        self.lock_action = self._action(
            tr("&Lock now"),
            self.lock_now,
            (tr("Ctrl+Shift+L"),),
            None,
            tr("Cover the screen until the password is entered again"),
        )
        self.switch_user_action = self._action(
            tr("S&witch user…"),
            self.switch_user,
            (tr("Ctrl+Shift+W"),),
            None,
            tr("Let another user log in without closing the app"),
        )
        self.audit_action = self._action(
            tr("&Audit trail"),
            self.open_audit,
            (tr("Ctrl+Shift+A"),),
            None,
            tr("Who changed what, and when (managers and administrators)"),
        )
        self.users_action = self._action(
            tr("&Users…"),
            self.open_users,
            (tr("Ctrl+Shift+U"),),
            None,
            tr("Add users and set passwords (administrators)"),
        )
        self.results_action = self._action(
            tr("&Results list…"),
            self.open_results,
            (tr("Ctrl+Shift+R"),),
            None,
            tr("URGENT and low results, results not back, sessions that cannot go ahead"),
        )
        self.letters_action = self._action(
            tr("Print &letters…"),
            self.print_letters,
            (),
            None,
            tr("After IV iron: the letter to the outside prescriber and the patient sheet (PDF)"),
        )
        self.status_actions: dict[str, QAction] = {}
        for status, text in STATUS_ACTIONS:
            self.status_actions[status] = self._action(
                tr(text), functools.partial(self.set_status, status)
            )

    def _build_menus_and_toolbar(self) -> None:
        tr = self.tr
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.switch_user_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        view_menu = bar.addMenu(tr("&View"))
        for action in (
            self.today_action,
            self.previous_action,
            self.next_action,
            self.go_to_action,
            None,
            self.day_view_action,
            self.week_view_action,
            None,
            self.refresh_action,
            self.dismiss_action,
        ):
            if action is None:
                view_menu.addSeparator()
            else:
                view_menu.addAction(action)
        session_menu = bar.addMenu(tr("&Session"))
        for action in (
            self.new_booking_action,
            self.series_action,
            None,
            self.move_action,
            self.cancel_action,
            None,
            self.letters_action,
        ):
            if action is None:
                session_menu.addSeparator()
            else:
                session_menu.addAction(action)
        self.status_menu = session_menu.addMenu(self.icons.icon("status"), tr("S&tatus"))
        for action in self.status_actions.values():
            self.status_menu.addAction(action)
        patient_menu = bar.addMenu(tr("&Patient"))
        patient_menu.addAction(self.patient_action)
        patient_menu.addAction(self.find_patient_action)
        patient_menu.addSeparator()
        patient_menu.addAction(self.results_action)
        self._build_reports_menu()
        admin_menu = bar.addMenu(tr("&Administration"))
        admin_menu.addAction(self.audit_action)
        admin_menu.addAction(self.users_action)
        self.help_menu = bar.addMenu(tr("&Help"))
        self.help_menu.addAction(self.shortcuts_action)

        toolbar = self.addToolBar(tr("Navigation"))
        toolbar.setObjectName("navigationToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.today_action)
        toolbar.addAction(self.previous_action)
        toolbar.addWidget(self.date_edit)
        toolbar.addAction(self.next_action)
        toolbar.addSeparator()
        toolbar.addAction(self.new_booking_action)
        toolbar.addAction(self.move_action)
        toolbar.addAction(self.cancel_action)
        toolbar.addSeparator()
        toolbar.addAction(self.find_patient_action)
        toolbar.addAction(self.week_view_action)
        toolbar.addAction(self.refresh_action)
        for action in (self.previous_action, self.next_action, self.refresh_action):
            button = toolbar.widgetForAction(action)
            if button is not None:
                button.setProperty("iconOnly", True)
                button.setToolTip(
                    f"{action.text().replace('&', '')} ({action.shortcut().toString()})"
                )
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        self.details = DetailsPanel(
            self.icons,
            [self.move_action, self.cancel_action, self.patient_action, self.new_booking_action],
            self,
        )
        self.details_dock = QDockWidget(tr("Selected"), self)
        self.details_dock.setObjectName("detailsDock")
        self.details_dock.setWidget(self.details)
        self.details_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.details_dock)
        self.resizeDocks([self.details_dock], [DETAILS_WIDTH], Qt.Orientation.Horizontal)
        toggle = self.details_dock.toggleViewAction()
        toggle.setText(tr("&Details panel"))
        toggle.setShortcut(QKeySequence(tr("F9")))
        view_menu.addAction(toggle)
        self._update_actions()

    def _build_reports_menu(self) -> None:
        """The Reports menu for the current actor (rebuilt when the user changes)."""
        bar = self.menuBar()
        if self._reports_menu_action is not None:
            bar.removeAction(self._reports_menu_action)
            menu = self._reports_menu_action.menu()
            for action in self.reports_actions:
                self.removeAction(action)
                action.deleteLater()
            if menu is not None:
                menu.deleteLater()
        before = set(bar.actions())
        self.reports_actions = add_reports_actions(self, self.services, self.actor)
        added = [a for a in bar.actions() if a not in before]
        self._reports_menu_action = added[0] if added else None
        help_menu = getattr(self, "help_menu", None)
        if self._reports_menu_action is not None and help_menu is not None:
            # Keep the menu bar's order: Reports before Administration and Help.
            bar.removeAction(self._reports_menu_action)
            admin = self._admin_menu_action()
            if admin is None:
                bar.addAction(self._reports_menu_action)
            else:
                bar.insertAction(admin, self._reports_menu_action)
        for action in self.reports_actions:
            self.addAction(action)  # listed in the shortcuts overview

    def _admin_menu_action(self) -> QAction | None:
        for action in self.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and self.audit_action in menu.actions():
                return action
        return None

    def _build_status_bar(self) -> None:
        self.who_label = QLabel(self)
        self.who_label.setObjectName("actingAs")
        self.who_label.setTextFormat(Qt.TextFormat.PlainText)
        self._show_actor()
        self.busy_label = QLabel(self.tr("Working…"), self)
        self.busy_label.hide()
        self.runner.busy_changed.connect(self.busy_label.setVisible)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.who_label)

    def _show_actor(self) -> None:
        from clinic_app.gui.user_admin import role_label

        self.who_label.setText(
            self.tr("Acting as %1 (%2)")
            .replace("%1", self.actor.username)
            .replace("%2", role_label(self.actor.role))
        )

    # ------------------------------------------------------------------ the user

    def set_actor(self, actor: Actor) -> None:
        """Act for ``actor`` from now on: permissions, labels and menus follow the new role."""
        for window in list(self._tool_windows.values()):
            window.close()
        self._tool_windows.clear()
        for patient_window in list(self._patient_windows):
            patient_window.reject()
        self.actor = actor
        self.week.actor = actor
        self._show_actor()
        self._build_reports_menu()
        self._update_actions()
        self.reload()
        self.actor_changed.emit(actor)

    def lock_now(self) -> None:
        """Lock the screen at once (Ctrl+Shift+L)."""
        self.session_guard.lock_now()

    def switch_user(self) -> None:
        """Let another user log in and act from this window (File > Switch user)."""
        self.session_guard.switch_user()

    def _open_tool_window(self, key: str, build: Callable[[], QWidget]) -> QWidget:
        window = self._tool_windows.get(key)
        if window is None:
            window = build()
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self._tool_windows[key] = window
            window.destroyed.connect(lambda *_: self._tool_windows.pop(key, None))
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_audit(self) -> QWidget | None:
        """The audit trail window (managers and administrators)."""
        if not self.audit_action.isEnabled():
            return None
        from clinic_app.gui.audit_view import AuditWindow

        # Times in the trail are shown in the clinic's zone (UTC until the calendar loads).
        zone = self.calendar.tz if self.calendar is not None else UTC
        services, actor = self.services, self.actor
        return self._open_tool_window(
            "audit", lambda: AuditWindow(services, actor, self, zone=zone)
        )

    def open_results(self) -> QWidget:
        """The nurses' results list (every role reads it; nurses record)."""
        from clinic_app.gui.results.results_window import ResultsWindow

        services, actor = self.services, self.actor
        return self._open_tool_window("results", lambda: ResultsWindow(services, actor, self))

    def open_users(self) -> QWidget | None:
        """The users window (administrators)."""
        if not self.users_action.isEnabled():
            return None
        from clinic_app.gui.user_admin import UserAdminWindow

        services, actor = self.services, self.actor
        return self._open_tool_window("users", lambda: UserAdminWindow(services, actor, self))

    # ------------------------------------------------------------------ settings

    def _load_calendar(self) -> None:
        try:
            self.calendar = self.services.queries.calendar(self.actor)
        except Exception:  # the grid falls back to default hours; each day load retries
            self.calendar = None

    def clinic_today(self) -> date:
        """Today's date in the clinic's own time zone (not the computer's)."""
        now = self.services.ctx.clock()
        if self.calendar is None:
            return now.astimezone().date()
        return now.astimezone(self.calendar.tz).date()

    def _initial_day(self) -> date:
        today = self.clinic_today()
        if self.settings is None:
            return today
        text = self.settings.value("day/last", "")
        try:
            last = date.fromisoformat(str(text))
        except ValueError:
            return today
        # Opening on a past day by surprise would mislead; the last day is kept if still ahead.
        return last if last >= today else today

    def _restore_settings(self) -> None:
        if self.settings is None:
            return
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def save_settings(self) -> None:
        """Keep the window layout and the day shown."""
        if self.settings is None:
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("day/last", self.grid_model.day.isoformat())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the layout, close patient windows, and let running calls finish."""
        self.save_settings()
        self.session_guard.stop()
        for window in self._patient_windows:
            window.close()
        for tool in list(self._tool_windows.values()):
            tool.close()
        self.runner.wait(10_000)
        super().closeEvent(event)

    # ------------------------------------------------------------------ loading a day

    @property
    def day(self) -> date:
        """The day the grid shows (or is loading)."""
        value = self.date_edit.date().toPython()
        assert isinstance(value, date)
        return value

    def go_to(self, day: date) -> None:
        """Show ``day`` (the date picker drives the load)."""
        target = QDate(day.year, day.month, day.day)
        if self.date_edit.date() == target:
            self.reload()
        else:
            self.date_edit.setDate(target)

    def go_today(self) -> None:
        """Show today."""
        self.go_to(self.clinic_today())

    def step_day(self, days: int) -> None:
        """Show the day ``days`` away."""
        self.go_to(self.day + timedelta(days=days))

    def focus_date_picker(self) -> None:
        """Put the cursor in the date picker (Ctrl+G)."""
        self.date_edit.setFocus()
        self.date_edit.setSelectedSection(QDateEdit.Section.DaySection)

    def _date_picked(self, _value: QDate) -> None:
        self.reload()

    def reload(self, select_session: int | None = None) -> None:
        """Load the shown day (and the week, when that tab is open) off the GUI thread."""
        day = self.day
        if select_session is not None:
            self._select_after_load = select_session
        self.day_title.setText(wording.day_label(day))
        self.day_summary.setText(self.tr("Loading…"))
        services, actor = self.services, self.actor

        def job() -> tuple[list[ChairView], DayList, ClinicCalendar, tuple[AlertView, ...]]:
            return (
                services.setup.chairs(actor),
                services.queries.day(actor, day),
                services.queries.calendar(actor),
                services.lab_results.open_alerts(actor),
            )

        self.runner.run(job, self._day_loaded, self._day_failed, key="day", context=self)
        if self.tabs.currentIndex() == 1:
            self.week.show_week(day)

    def _day_loaded(
        self, answer: tuple[list[ChairView], DayList, ClinicCalendar, tuple[AlertView, ...]]
    ) -> None:
        chairs, day_list, calendar, alerts = answer
        self.details.set_urgent(urgent_by_mrn(alerts))
        self.calendar = calendar
        current = self.grid_view.currentIndex()
        keep = (current.row(), current.column()) if current.isValid() else None
        self.day_list = day_list
        self.grid_model.set_day(chairs, day_list, calendar)
        title = wording.day_label(day_list.day)
        if self.grid_model.closed:
            title = self.tr("%1 - CLINIC CLOSED").replace("%1", title)
        self.day_title.setText(title)
        self.day_title.setProperty("closedDay", self.grid_model.closed)
        closed_date = self.calendar is not None and day_list.day in self.calendar.closed_dates
        self.day_summary.setText(
            day_summary(day_list, closed=self.grid_model.closed, closed_date=closed_date)
        )
        selected = self._select_after_load
        self._select_after_load = None
        if selected is not None and self.grid_view.select_session(selected):
            pass
        elif keep is not None and keep[0] < self.grid_model.rowCount():
            self.grid_view.setCurrentIndex(self.grid_model.index(*keep))
        else:
            self.grid_view.select_slot(0, self.grid_model.time_at(self._first_busy_row()))
        self._selection_changed()
        self.statusBar().showMessage(
            self.tr("Showing %1").replace("%1", wording.day_label(day_list.day)), MESSAGE_MS
        )
        self.day_loaded.emit(day_list.day)

    def _shows_change(self, change: Change) -> bool:
        """True when ``change`` alters the day on screen (or the week, when that tab is
        open), or a patient on the day's grid."""
        days = [self.day]
        if self.tabs.currentIndex() == 1:
            days = [monday_of(self.day) + timedelta(days=k) for k in range(7)]
        day_list = self.day_list
        mrns = set()
        if day_list is not None:
            mrns = {s.mrn for s in day_list.sessions} | {lab.mrn for lab in day_list.labs}
        return shows_change(change, days, mrns)

    def _first_busy_row(self) -> int:
        rows = [b.top_row for b in self.grid_model.blocks]
        return max(0, min(rows) - 1) if rows else 0

    def _day_failed(self, error: BaseException) -> None:
        explanation = wording.explain_error(error)
        self.day_summary.setText(self.tr("Could not load this day"))
        self.show_banner("error", explanation.headline, explanation.detail)

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.week.show_week(self.day)
            self.week.focus_day(self.day)
        else:
            self.grid_view.setFocus()

    def _open_day_from_week(self, day: date) -> None:
        self.tabs.setCurrentIndex(0)
        self.go_to(day)

    # ------------------------------------------------------------------ selection

    def selected_session(self) -> SessionView | None:
        """The session in the grid's current cell."""
        return self.grid_view.current_session()

    def _selection_changed(self) -> None:
        index = self.grid_view.currentIndex()
        block = self.grid_model.block_at(index.row(), index.column()) if index.isValid() else None
        self.details.show_block(block)
        self._update_actions()

    def _update_actions(self) -> None:
        session = self.selected_session() if hasattr(self, "grid_view") else None
        status = session.status if session is not None else None
        can_book = self.actor.can(Permission.BOOK)
        # What a session's status allows is the booking service's rule: ask it.
        self.move_action.setEnabled(status is not None and may_move(self.actor, status))
        self.cancel_action.setEnabled(status is not None and may_cancel(self.actor, status))
        self.patient_action.setEnabled(True)
        # Letters follow IV iron; the service says when there is no outside antiresorptive.
        self.letters_action.setEnabled(
            session is not None
            and session.status not in ("cancelled", "no-show")
            and self.actor.can(Permission.PRINT_LETTERS)
            and self._is_iron(session.therapy)
        )
        self.new_booking_action.setEnabled(can_book)
        self.series_action.setEnabled(can_book)
        # Disabled rather than hidden, so people see what exists; the services refuse anyway.
        self.audit_action.setEnabled(self.actor.can(Permission.EXPORT))
        self.users_action.setEnabled(self.actor.can(Permission.ADMINISTER))
        # The booking service says which statuses the session may take now (its table, and
        # whether the session's day has come); the role is a separate question.
        allowed = (
            self.services.booking.next_statuses(session)
            if session is not None and session.id is not None
            else ()
        )
        for target, action in self.status_actions.items():
            action.setEnabled(target in allowed and self.actor.can(permission_for_status(target)))

    def _context_menu(self, position: Any) -> None:
        index = self.grid_view.indexAt(position)
        if index.isValid():
            self.grid_view.setCurrentIndex(index)
        menu = QMenu(self)
        for action in (self.new_booking_action, self.move_action, self.cancel_action):
            menu.addAction(action)
        menu.addMenu(self.status_menu)
        menu.addAction(self.patient_action)
        menu.addAction(self.letters_action)
        menu.exec(self.grid_view.viewport().mapToGlobal(position))

    def _is_iron(self, code: str) -> bool:
        return code in self.services.ctx.catalog and self.services.ctx.catalog.get(code).is_iron

    def print_letters(self) -> None:
        """Save the selected iron session's prescriber letter and patient sheet as PDFs."""
        session = self.selected_session()
        if session is None or session.id is None:
            self.show_banner("info", self.tr("Select an IV iron session to print its letters"))
            return

        def report(level: str, headline: str, detail: str) -> None:
            self.show_banner(level, headline, detail)
            self.action_done.emit(headline)

        from clinic_app.gui.letters_action import save_letters

        save_letters(self, self.services, self.actor, self.runner, session, report)

    # ------------------------------------------------------------------ feedback

    def show_banner(self, level: str, headline: str, detail: str = "") -> None:
        """Explain an outcome or refusal above the grid, and in the status bar."""
        self.banner.show_message(level, headline, detail)
        self.statusBar().showMessage(headline, MESSAGE_MS)

    def _report(self, verb: str, outcomes: list[BookingOutcome]) -> None:
        feedback = outcome_feedback(verb, outcomes)
        self.show_banner(feedback.level, feedback.headline, feedback.detail)
        self.action_done.emit(feedback.headline)

    # ------------------------------------------------------------------ booking

    def _book_at_slot(self, chair_id: int, start: datetime) -> None:
        from clinic_app.gui.dialogs.booking_dialog import BookingPrefill

        chair = next((c for c in self.grid_model.chairs if c.id == chair_id), None)
        self.new_booking(prefill=BookingPrefill(start=start, chair=chair.name if chair else None))

    def new_booking(self, *, doses: int = 1, prefill: BookingPrefill | None = None) -> None:
        """Open the booking dialog (at the selected chair and time, when there is one)."""
        from clinic_app.gui.dialogs.booking_dialog import BookingDialog, BookingPrefill

        if prefill is None:
            index = self.grid_view.currentIndex()
            chair = self.grid_model.chair_at(index.column()) if index.isValid() else None
            start = (
                self.grid_model.time_at(index.row())
                if index.isValid()
                else datetime.combine(self.day, datetime.min.time()).replace(hour=9)
            )
            free = index.isValid() and self.grid_model.block_at(index.row(), index.column()) is None
            prefill = BookingPrefill(
                start=start, chair=chair.name if chair and free else None, doses=doses
            )
        elif doses != prefill.doses:
            prefill = BookingPrefill(
                prefill.mrn, prefill.therapy, prefill.start, prefill.chair, doses
            )
        outcomes = BookingDialog.ask(
            self,
            self.services,
            self.actor,
            self.runner,
            self.icons,
            prefill,
            today=self.clinic_today(),
        )
        if not outcomes:
            return
        self._report(self.tr("Booked"), outcomes)
        first = outcomes[0].session
        self._show_session_day(first)

    def _show_session_day(self, session: SessionView) -> None:
        self._select_after_load = session.id
        if self.day != session.start.date():
            self.go_to(session.start.date())
        else:
            self.reload(select_session=session.id)

    def move_selected(self) -> None:
        """Move the selected session with the Move dialog (Ctrl+M)."""
        session = self.selected_session()
        if session is None or session.status != "booked":
            self.show_banner("info", self.tr("Select a booked session to move it"))
            return
        self._ask_move(session)

    def _ask_move(
        self, session: SessionView, start: datetime | None = None, chair: str | None = None
    ) -> None:
        from clinic_app.gui.dialogs.move_dialog import MoveDialog

        outcome = MoveDialog.ask(
            self,
            self.services,
            self.actor,
            self.runner,
            self.icons,
            session,
            start=start,
            chair=chair,
        )
        if outcome is None:
            return
        self._report(self.tr("Moved"), [outcome])
        self._show_session_day(outcome.session)

    def session_dropped(self, session_id: int, chair_id: int, start: datetime) -> None:
        """A session was dropped on a chair and time: ask the service to move it there.

        A move the service refuses changes nothing and is explained; a move that needs a
        clinical override opens the Move dialog with the target filled in.
        """
        session = self._session(session_id)
        chair = next((c for c in self.grid_model.chairs if c.id == chair_id), None)
        if session is None or chair is None:
            return
        if chair.id == session.chair_id and start == session.start.replace(tzinfo=None):
            return
        booking, actor = self.services.booking, self.actor
        self.statusBar().showMessage(self.tr("Moving…"))

        def job() -> BookingOutcome:
            return booking.move(actor, session_id, start, chair=chair.name)

        def done(outcome: BookingOutcome) -> None:
            self._report(self.tr("Moved"), [outcome])
            self._show_session_day(outcome.session)

        def failed(error: BaseException) -> None:
            if isinstance(error, RuleRefusalError) and error.overridable and error.findings:
                self._ask_move(session, start, chair.name)
                return
            explanation = wording.explain_error(error)
            self.show_banner(
                "error",
                self.tr("Not moved: %1").replace("%1", explanation.headline),
                explanation.detail,
            )
            self.action_done.emit(explanation.headline)
            self.reload()

        self.runner.run(job, done, failed, context=self)

    def _session(self, session_id: int) -> SessionView | None:
        if self.day_list is None:
            return None
        return next((s for s in self.day_list.sessions if s.id == session_id), None)

    def cancel_selected(self) -> None:
        """Cancel the selected session after asking for the reason (Delete)."""
        session = self.selected_session()
        if session is None or session.id is None:
            self.show_banner("info", self.tr("Select a session to cancel it"))
            return
        from clinic_app.gui.dialogs.cancel_dialog import CancelDialog

        reason = CancelDialog.ask(self, session)
        if reason is None:
            return
        booking, actor, session_id = self.services.booking, self.actor, session.id

        def done(outcome: BookingOutcome) -> None:
            self._report(self.tr("Cancelled"), [outcome])
            self.reload()

        self.runner.run(
            lambda: booking.cancel(actor, session_id, reason),
            done,
            self._action_failed,
            context=self,
        )

    def set_status(
        self,
        status: str,
        *,
        session: SessionView | None = None,
        override: tuple[str, str] | None = None,
    ) -> None:
        """Record arrived / in chair / completed / no-show for the selected session.

        When the check-in gate refuses, the findings are shown; a nurse's override (reason and
        prescriber consulted) retries the change with it."""
        session = session or self.selected_session()
        if session is None or session.id is None:
            return
        booking, actor, session_id = self.services.booking, self.actor, session.id
        reason, consulted = override or (None, None)
        shown = session

        def done(outcome: BookingOutcome) -> None:
            text = (
                self.tr("%1 (%2): %3")
                .replace("%1", outcome.session.patient_name)
                .replace("%2", outcome.session.mrn)
                .replace("%3", wording.status_label(outcome.session.status))
            )
            self.statusBar().showMessage(text, MESSAGE_MS)
            self.action_done.emit(text)
            self.reload(select_session=session_id)

        def failed(error: BaseException) -> None:
            from clinic_app.gui.check_in.override_dialog import (
                CheckInOverrideDialog,
                is_gate_refusal,
            )

            if not is_gate_refusal(error, status):
                self._action_failed(error)
                return
            assert isinstance(error, RuleRefusalError)
            answer = CheckInOverrideDialog.ask(self, self.actor, self.icons, shown, status, error)
            if answer is None:
                self._action_failed(error)
                return
            self.set_status(status, session=shown, override=answer)

        self.runner.run(
            lambda: booking.set_status(
                actor, session_id, status, override_reason=reason, consulted=consulted
            ),
            done,
            failed,
            context=self,
        )

    def _action_failed(self, error: BaseException) -> None:
        explanation = wording.explain_error(error)
        self.show_banner("error", explanation.headline, explanation.detail)
        self.action_done.emit(explanation.headline)

    # ------------------------------------------------------------------ patients

    def open_patient(self, mrn: str | None = None) -> PatientDialog | None:
        """Open the patient view of ``mrn``, the selected session's patient, or a search."""
        if mrn is None:
            session = self.selected_session()
            if session is None:
                self.find_patient()
                return None
            mrn = session.mrn
        for window in self._patient_windows:
            if window.mrn == mrn and window.isVisible():
                window.raise_()
                window.activateWindow()
                return window
        from clinic_app.gui.dialogs.booking_dialog import BookingPrefill
        from clinic_app.gui.dialogs.patient_dialog import PatientDialog

        window = PatientDialog(self.services, self.actor, self.runner, self.icons, mrn, self)
        window.book_requested.connect(
            lambda value: self.new_booking(
                prefill=BookingPrefill(mrn=value, start=self._default_start())
            )
        )
        window.finished.connect(lambda _result, w=window: self._forget_patient_window(w))
        self._patient_windows.append(window)
        window.show()
        return window

    def _forget_patient_window(self, window: PatientDialog) -> None:
        if window in self._patient_windows:
            self._patient_windows.remove(window)
        window.deleteLater()

    def _default_start(self) -> datetime:
        return datetime.combine(self.day, datetime.min.time()).replace(hour=9)

    def find_patient(self) -> None:
        """Find a patient by name or MRN and open their view (Ctrl+F)."""
        from clinic_app.gui.dialogs.find_patient_dialog import FindPatientDialog

        patient = FindPatientDialog.ask(self, self.services, self.actor)
        if patient is not None:
            self.open_patient(patient.mrn)

    # ------------------------------------------------------------------ help

    def show_shortcuts(self) -> None:
        """List every action with its shortcut (F1)."""
        from clinic_app.gui.day_grid.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog.ask(self, self.actions())
