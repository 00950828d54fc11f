"""The day the main window shows: the date picker, the day and week tabs, and loading a day.

``DayNavigator`` owns the date picker (the day shown is its date), the navigation actions
(today, previous and next day, go to date, refresh, day grid, week overview) and the load of
a day off the GUI thread into the grid, the summary line and the details panel. "Today" is the
date in the clinic's own time zone, by the services' clock.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDateEdit

from clinic_app.gui import wording
from clinic_app.gui.common import dates
from clinic_app.gui.common.live_changes import shows_change
from clinic_app.gui.common.shortcuts import DAY_VIEW_KEY, WEEK_VIEW_KEY
from clinic_app.gui.common.urgent_banner import urgent_by_mrn
from clinic_app.gui.day_grid.day_grid_model import DayLayout, lay_out_day
from clinic_app.gui.day_grid.summary import day_summary
from clinic_app.gui.day_grid.week_overview import monday_of
from clinic_app.gui.front_desk.actions import make_action, tr
from clinic_app.gui.front_desk.feedback import MESSAGE_MS
from clinic_app.services.changes import Change
from clinic_app.services.results import DayScreen
from clinic_app.services.visit_views import AlertView

if TYPE_CHECKING:
    from clinic_app.gui.main_window import MainWindow

DayAnswer = tuple[DayScreen, DayLayout, tuple[AlertView, ...]]


class DayNavigator:
    """The day shown and the way to another one; the day's load and what it fills in."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        # The session to select once the day being loaded is on screen.
        self.select_after_load: int | None = None
        self.date_edit = QDateEdit(window)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(dates.date_edit_format())
        self.date_edit.setToolTip(tr("Go to date (Ctrl+G)"))
        self.date_edit.dateChanged.connect(self._date_picked)
        window.week.day_chosen.connect(self.open_day_from_week)
        window.tabs.currentChanged.connect(self.tab_changed)

        icons = window.icons
        self.today_action = make_action(
            window,
            icons,
            tr("&Today"),
            self.go_today,
            (tr("Ctrl+T"), tr("Alt+Home")),
            "today",
            tr("Show today's grid"),
        )
        self.previous_action = make_action(
            window,
            icons,
            tr("&Previous day"),
            lambda: self.step_day(-1),
            (tr("Alt+Left"), tr("Ctrl+PgUp")),
            "go-previous",
            tr("Show the day before"),
        )
        self.next_action = make_action(
            window,
            icons,
            tr("&Next day"),
            lambda: self.step_day(1),
            (tr("Alt+Right"), tr("Ctrl+PgDown")),
            "go-next",
            tr("Show the day after"),
        )
        self.go_to_action = make_action(
            window,
            icons,
            tr("&Go to date…"),
            self.focus_date_picker,
            (tr("Ctrl+G"),),
            None,
            tr("Type or pick a date"),
        )
        self.refresh_action = make_action(
            window,
            icons,
            tr("&Refresh"),
            self.reload,
            (QKeySequence.StandardKey.Refresh, tr("F5")),
            "refresh",
            tr("Load the day again from the database"),
        )
        self.day_view_action = make_action(
            window,
            icons,
            tr("&Day grid"),
            lambda: window.tabs.setCurrentIndex(0),
            (DAY_VIEW_KEY,),
            "day",
        )
        self.week_view_action = make_action(
            window,
            icons,
            tr("&Week overview"),
            lambda: window.tabs.setCurrentIndex(1),
            (WEEK_VIEW_KEY,),
            "week",
            tr("Chair occupancy for the whole week"),
        )

    # ------------------------------------------------------------------ which day

    @property
    def day(self) -> date:
        """The day the grid shows (or is loading)."""
        value = self.date_edit.date().toPython()
        assert isinstance(value, date)
        return value

    def clinic_today(self) -> date:
        """Today's date in the clinic's own time zone (not the computer's)."""
        window = self._window
        now = window.services.ctx.clock()
        if window.calendar is None:
            return now.astimezone().date()
        return now.astimezone(window.calendar.tz).date()

    def initial_day(self, settings: QSettings | None) -> date:
        """The day to open on: the last day shown when it is still ahead, else today."""
        today = self.clinic_today()
        if settings is None:
            return today
        text = settings.value("day/last", "")
        try:
            last = date.fromisoformat(str(text))
        except ValueError:
            return today
        # Opening on a past day by surprise would mislead; the last day is kept if still ahead.
        return last if last >= today else today

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

    # ------------------------------------------------------------------ day and week tabs

    def tab_changed(self, index: int) -> None:
        """The week tab shows the shown day's week; the day tab gives the grid the keys."""
        window = self._window
        if index == 1:
            window.week.show_week(self.day)
            window.week.focus_day(self.day)
        else:
            window.grid_view.setFocus()

    def open_day_from_week(self, day: date) -> None:
        """A day chosen in the week overview: show it in the day grid."""
        self._window.tabs.setCurrentIndex(0)
        self.go_to(day)

    # ------------------------------------------------------------------ loading a day

    def reload(self, select_session: int | None = None, *, quiet: bool = False) -> None:
        """Load the shown day (and the week, when that tab is open) off the GUI thread.

        ``quiet`` (a live refresh of the day on screen) keeps the title and summary until
        the new data arrives instead of saying "Loading…".
        """
        window = self._window
        day = self.day
        if select_session is not None:
            self.select_after_load = select_session
        if not quiet:
            # This load reads every change that arrived so far (this window's own action
            # among them): no live refresh is owed for them.
            window.live_changes.discard_pending()
            window.day_title.setText(wording.day_label(day))
            window.day_summary.setText(tr("Loading…"))
        services, actor = window.services, window.actor

        def job() -> DayAnswer:
            # The grid's layout is built here, on the worker: the GUI thread only swaps it in.
            screen = services.queries.day_screen(actor, day)
            layout = lay_out_day(screen.chairs, screen.day_list, screen.calendar)
            return screen, layout, services.lab_results.open_alerts(actor)

        window.runner.run(job, self._day_loaded, self._day_failed, key="day", context=window)
        if window.tabs.currentIndex() == 1:
            window.week.show_week(day)

    def _day_loaded(self, answer: DayAnswer) -> None:
        window = self._window
        grid_model, grid_view = window.grid_model, window.grid_view
        screen, layout, alerts = answer
        day_list = screen.day_list
        window.details.set_urgent(urgent_by_mrn(alerts))
        window.calendar = screen.calendar
        current = grid_view.currentIndex()
        # The same day again (a refresh) keeps the cursor; another day opens afresh.
        same_day = grid_model.day == day_list.day and grid_model.rowCount() == layout.rows
        keep = (current.row(), current.column()) if current.isValid() and same_day else None
        window.day_list = day_list
        grid_model.set_layout(layout)
        title = wording.day_label(day_list.day)
        if grid_model.closed:
            title = tr("%1 - CLINIC CLOSED").replace("%1", title)
        window.day_title.setText(title)
        window.day_title.setProperty("closedDay", grid_model.closed)
        closed_date = window.calendar is not None and day_list.day in window.calendar.closed_dates
        window.day_summary.setText(
            day_summary(day_list, closed=grid_model.closed, closed_date=closed_date)
        )
        selected = self.select_after_load
        self.select_after_load = None
        if selected is not None and grid_view.select_session(selected):
            pass
        elif keep is not None and keep[0] < grid_model.rowCount():
            grid_view.setCurrentIndex(grid_model.index(*keep))
        elif grid_view.scroll_to_now():  # today opens at the now-line
            pass
        else:
            grid_view.select_slot(0, grid_model.time_at(self._first_busy_row()))
        window.selection_changed()
        if not same_day:  # a reload of the day on screen keeps the confirmation shown
            window.statusBar().showMessage(
                tr("Showing %1").replace("%1", wording.day_label(day_list.day)), MESSAGE_MS
            )
        # Paint the new day now, before anyone reacts to day_loaded: the paint is due anyway
        # (the model was reset), and done later it would share the GIL with the next load the
        # desk starts on the worker, which made it several times slower (issue 10 stall probe).
        grid_view.viewport().repaint()
        window.day_loaded.emit(day_list.day)

    def shows_change(self, change: Change) -> bool:
        """True when ``change`` alters the day on screen (or the week, when that tab is
        open), or a patient on the day's grid."""
        window = self._window
        days = [self.day]
        if window.tabs.currentIndex() == 1:
            days = [monday_of(self.day) + timedelta(days=k) for k in range(7)]
        day_list = window.day_list
        mrns: set[str] = set()
        if day_list is not None:
            mrns = {s.mrn for s in day_list.sessions} | {lab.mrn for lab in day_list.labs}
        return shows_change(change, days, mrns)

    def _first_busy_row(self) -> int:
        rows = [b.top_row for b in self._window.grid_model.blocks]
        return max(0, min(rows) - 1) if rows else 0

    def _day_failed(self, error: BaseException) -> None:
        if self._window.session_guard.ended_session(error):
            return  # the login is up; the day reloads once the user is back
        explanation = wording.explain_error(error)
        self._window.day_summary.setText(tr("Could not load this day"))
        self._window.feedback.show_banner("error", explanation.headline, explanation.detail)
