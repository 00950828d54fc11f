"""The front desk's main window: the chair day grid, the week overview, and every action.

The window is a thin layer over the services: it loads a day's list off the GUI thread, hands
it to the grid model, and turns user actions into service calls whose answers (or refusals,
in clerk words) it shows in the banner and the status bar.

It acts for the logged-in user (an :class:`Actor`). A :class:`SessionGuard` locks it after
idle time and lets another user take over; then :meth:`MainWindow.set_actor` rebuilds what
depends on the role (which actions are enabled, the "Acting as" label, the reports menu).

``MainWindow`` composes its parts (``gui/front_desk/``), one per seam: the day shown and its
load (``navigation``), booking and moving (``booking_paths``), the selected session's status
changes, cancel and letters (``session_commands``), the windows opened beside it
(``tool_windows``), the banner and status bar (``feedback``) and the menus (``menus``). It
keeps the widgets they share, the window's own actions (lock, switch user, shortcuts, quit),
the user, and the saved layout.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_app.bootstrap import Services
from clinic_app.domain.clinic_calendar import ClinicCalendar
from clinic_app.gui.common.live_changes import follow_changes
from clinic_app.gui.common.message_banner import MessageBanner, banner_icons
from clinic_app.gui.day_grid.day_grid_model import DayGridModel
from clinic_app.gui.day_grid.day_grid_view import DayGridView
from clinic_app.gui.day_grid.legend import legend_row
from clinic_app.gui.day_grid.session_delegate import SessionBlockDelegate
from clinic_app.gui.day_grid.week_overview import WeekOverview
from clinic_app.gui.front_desk.actions import make_action, tr
from clinic_app.gui.front_desk.booking_paths import BookingPaths
from clinic_app.gui.front_desk.feedback import StatusFeedback
from clinic_app.gui.front_desk.menus import (
    ReportsMenu,
    build_details_dock,
    build_menus,
    build_toolbar,
)
from clinic_app.gui.front_desk.navigation import DayNavigator
from clinic_app.gui.front_desk.session_commands import SessionCommands
from clinic_app.gui.front_desk.tool_windows import ToolWindows
from clinic_app.gui.resources import IconSet
from clinic_app.gui.session.session_guard import DEFAULT_IDLE_MINUTES, SessionGuard
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.actor import Actor
from clinic_app.services.results import DayList, SessionView

if TYPE_CHECKING:
    from clinic_app.gui.patient.patient_dialog import PatientDialog

    pass

# The dialogs (booking, move, cancel, patient, check-in override, letters, shortcuts) are
# imported when first opened: none is needed to put the first day on screen.


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
        self.settings = settings
        self.runner = runner or TaskRunner(self)
        self.icons = icons or IconSet()
        self.day_list: DayList | None = None
        self.setObjectName("mainWindow")
        self.setWindowIcon(self.icons.icon("app"))
        self.setWindowTitle(tr("%1 - front desk").replace("%1", services.setup.clinic_name()))
        self._build_widgets()
        self._build_parts()
        self._build_menus_and_toolbar()
        self.feedback.build_status_bar()
        self.session_guard = SessionGuard(services, self, actor, idle_minutes=idle_minutes)
        self.session_guard.user_changed.connect(self.set_actor)
        self.resize(1366, 768)
        self._restore_settings()
        # Another window's or desk's change to what is on screen reloads it (live refresh).
        self.live_changes = follow_changes(
            self,
            services.ctx.feed,
            self.navigation.shows_change,
            lambda: self.reload(quiet=True),
            views=(self.grid_view,),
            loaded=self.day_loaded,
        )
        self.go_to(self.navigation.initial_day(self.settings))

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
        self.grid_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

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
        self.week.failed.connect(lambda text: self.show_banner("error", text))

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(day_page, self.icons.icon("day"), tr("Day"))
        self.tabs.addTab(self.week, self.icons.icon("week"), tr("Week overview"))
        self.setCentralWidget(self.tabs)

    def _build_parts(self) -> None:
        """The window's parts, their actions, and the grid's signals wired to them."""
        self.navigation = DayNavigator(self)
        self.date_edit = self.navigation.date_edit
        self.booking_paths = BookingPaths(self)
        self.session_commands = SessionCommands(self)
        self.tool_windows = ToolWindows(self)
        self.feedback = StatusFeedback(self)
        self.reports_menu = ReportsMenu(self)

        self.grid_view.session_dropped.connect(self.booking_paths.session_dropped)
        self.grid_view.session_activated.connect(lambda _sid: self.open_patient())
        self.grid_view.slot_activated.connect(self.booking_paths.book_at_slot)
        self.grid_view.selection_moved.connect(self.selection_changed)
        self.grid_view.customContextMenuRequested.connect(self.session_commands.context_menu)

        navigation, paths = self.navigation, self.booking_paths
        commands, tools = self.session_commands, self.tool_windows
        self.today_action = navigation.today_action
        self.previous_action = navigation.previous_action
        self.next_action = navigation.next_action
        self.go_to_action = navigation.go_to_action
        self.refresh_action = navigation.refresh_action
        self.day_view_action = navigation.day_view_action
        self.week_view_action = navigation.week_view_action
        self.new_booking_action = paths.new_booking_action
        self.series_action = paths.series_action
        self.move_action = paths.move_action
        self.cancel_action = commands.cancel_action
        self.letters_action = commands.letters_action
        self.status_actions = commands.status_actions
        self.patient_action = tools.patient_action
        self.find_patient_action = tools.find_patient_action
        self.audit_action = tools.audit_action
        self.users_action = tools.users_action
        self.results_action = tools.results_action
        self.dismiss_action = self.feedback.dismiss_action
        self.who_label = self.feedback.who_label
        self.busy_label = self.feedback.busy_label
        self.shortcuts_action = make_action(
            self,
            self.icons,
            tr("&Keyboard shortcuts"),
            self.show_shortcuts,
            (QKeySequence.StandardKey.HelpContents,),
        )
        self.quit_action = make_action(
            self,
            self.icons,
            tr("&Quit"),
            self.close,
            (QKeySequence.StandardKey.Quit, tr("Ctrl+Q")),
            "quit",
        )
        self.lock_action = make_action(
            self,
            self.icons,
            tr("&Lock now"),
            lambda: self.session_guard.lock_now(),
            (tr("Ctrl+Shift+L"),),
            None,
            tr("Cover the screen until the password is entered again"),
        )
        self.switch_user_action = make_action(
            self,
            self.icons,
            tr("S&witch user…"),
            lambda: self.session_guard.switch_user(),
            (tr("Ctrl+Shift+W"),),
            None,
            tr("Let another user log in without closing the app"),
        )
        # The order the shortcuts overview lists them in (the reports' actions follow).
        for action in (
            self.today_action,
            self.previous_action,
            self.next_action,
            self.go_to_action,
            self.refresh_action,
            self.day_view_action,
            self.week_view_action,
            self.new_booking_action,
            self.series_action,
            self.move_action,
            self.cancel_action,
            self.patient_action,
            self.find_patient_action,
            self.dismiss_action,
            self.shortcuts_action,
            self.quit_action,
            self.lock_action,
            self.switch_user_action,
            self.audit_action,
            self.users_action,
            self.results_action,
            self.letters_action,
            *self.status_actions.values(),
        ):
            self.addAction(action)

    def _build_menus_and_toolbar(self) -> None:
        self.menus = build_menus(self, self.reports_menu)
        self.status_menu = self.menus.status
        self.help_menu = self.menus.help
        build_toolbar(self)
        self.details, self.details_dock = build_details_dock(self, self.menus.view)
        self._update_actions()

    @property
    def reports_actions(self) -> list[QAction]:
        """The Reports menu's actions for the current user."""
        return self.reports_menu.actions

    # ------------------------------------------------------------------ the user

    def set_actor(self, actor: Actor) -> None:
        """Act for ``actor`` from now on: permissions, labels and menus follow the new role."""
        self.tool_windows.close_for_new_user()
        self.actor = actor
        self.week.actor = actor
        self.feedback.show_actor()
        self.reports_menu.rebuild(self.menus.administration)
        self._update_actions()
        self.reload()
        self.actor_changed.emit(actor)

    # ------------------------------------------------------------------ selection

    def selected_session(self) -> SessionView | None:
        """The session in the grid's current cell."""
        return self.grid_view.current_session()

    def selection_changed(self) -> None:
        """The grid's current cell changed: show its details, enable what it allows."""
        index = self.grid_view.currentIndex()
        block = self.grid_model.block_at(index.row(), index.column()) if index.isValid() else None
        self.details.show_block(block)
        self._update_actions()

    def _update_actions(self) -> None:
        session = self.selected_session()
        self.booking_paths.update_actions(session)
        self.session_commands.update_actions(session)
        self.tool_windows.update_actions()

    # ------------------------------------------------------------------ the parts, by name

    @property
    def day(self) -> date:
        """The day the grid shows (or is loading)."""
        return self.navigation.day

    def go_to(self, day: date) -> None:
        """Show ``day``."""
        self.navigation.go_to(day)

    def step_day(self, days: int) -> None:
        """Show the day ``days`` away."""
        self.navigation.step_day(days)

    def reload(self, select_session: int | None = None, *, quiet: bool = False) -> None:
        """Load the shown day again (selecting ``select_session`` once it is on screen);
        ``quiet`` for a live refresh (no "Loading…" in the meantime)."""
        self.navigation.reload(select_session, quiet=quiet)

    def clinic_today(self) -> date:
        """Today's date in the clinic's own time zone (not the computer's)."""
        return self.navigation.clinic_today()

    def show_banner(self, level: str, headline: str, detail: str = "") -> None:
        """Explain an outcome or refusal above the grid, and in the status bar."""
        self.feedback.show_banner(level, headline, detail)

    def open_patient(self, mrn: str | None = None) -> PatientDialog | None:
        """Open the patient view of ``mrn``, the selected session's patient, or a search."""
        return self.tool_windows.open_patient(mrn)

    def open_results(self) -> QWidget:
        """The nurses' results list (every role reads it; nurses record)."""
        return self.tool_windows.open_results()

    def open_audit(self) -> QWidget | None:
        """The audit trail window (managers and administrators)."""
        return self.tool_windows.open_audit()

    def open_users(self) -> QWidget | None:
        """The users window (administrators)."""
        return self.tool_windows.open_users()

    def print_letters(self) -> None:
        """Save the selected iron session's prescriber letter and patient sheet as PDFs."""
        self.session_commands.print_letters()

    def show_shortcuts(self) -> None:
        """List every action with its shortcut (F1)."""
        from clinic_app.gui.day_grid.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog.ask(self, self.actions())

    # ------------------------------------------------------------------ settings

    def _load_calendar(self) -> None:
        try:
            self.calendar = self.services.queries.calendar(self.actor)
        except Exception:  # the grid falls back to default hours; each day load retries
            self.calendar = None

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
        """Save the layout, close patient and tool windows, and let running calls finish."""
        self.save_settings()
        self.session_guard.stop()
        self.tool_windows.close_all()
        self.runner.wait(10_000)
        super().closeEvent(event)
