"""The booking dialog: patient, therapy, time and chair, with the safety check live as you type.

Keyboard first: the search box has the focus; Enter takes the highlighted patient and moves
on to the therapy; Ctrl+F finds the next free slots; Enter on a slot takes it; Ctrl+Enter (or
Enter on a field) books. Every change re-runs the booking service's dry run (``check``)
after a short pause, off the GUI thread, so the findings are on screen before Book is pressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import QDate, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import ClinicError, RuleRefusalError, SchedulingConflictError
from clinic_app.domain.findings import Severity
from clinic_app.gui import wording
from clinic_app.gui.booking.new_patient_form import NewPatientForm
from clinic_app.gui.booking.patient_history import recent_line, upcoming_line
from clinic_app.gui.booking.slot_model import SUGGESTED_MARK, SlotTableModel
from clinic_app.gui.common import dates
from clinic_app.gui.common.finding_model import FindingRow
from clinic_app.gui.common.patient_picker import PatientPicker
from clinic_app.gui.common.patient_search import patient_search
from clinic_app.gui.common.safety_panel import SafetyPanel
from clinic_app.gui.common.tables import EnterKeyFilter, make_table
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.booking import BookingRequest, SlotView
from clinic_app.services.results import (
    BookingOutcome,
    CheckResult,
    FindingView,
    LabView,
    PatientView,
)

CHECK_DELAY_MS = 250
SLOT_COUNT = 12
SLOT_HORIZON_DAYS = 120  # the slot search's own default reach
# When nothing passes within that, how much further the dialog looks for the first slot.
LATER_HORIZON_DAYS = 400
MAX_DOSES = 24
MAX_PRESCRIBER = 200  # the service's limit for each prescriber field


@dataclass(frozen=True, slots=True)
class BookingPrefill:
    """What the dialog starts with (from the grid cell, the patient view...)."""

    mrn: str | None = None
    therapy: str | None = None
    start: datetime | None = None  # naive local wall-clock time
    chair: str | None = None
    doses: int = 1


@dataclass(frozen=True, slots=True)
class _CheckAnswer:
    """The live check of the first dose, and of the whole series when more doses are asked."""

    first: CheckResult
    series: list[BookingOutcome] | None = None
    series_error: ClinicError | None = None


def _occurrence(error: BaseException) -> str:
    """``dose 3 of 6 on 2027-01-04 10:00`` from a series error, or ``""``."""
    text = str(error)
    return text.split(": ", 1)[0] if text.startswith("dose ") else ""


class BookingDialog(QDialog):
    """Books one session or a series, showing the service's safety findings live.

    Signals:
        check_finished(): a live check answered and is on screen (tests wait for it).
        slots_found(): the free-slot list was filled.
    """

    check_finished = Signal()
    slots_found = Signal()

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        icons: IconSet,
        prefill: BookingPrefill | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.runner = runner
        self.icons = icons
        self.outcomes: list[BookingOutcome] = []
        self.patient: PatientView | None = None
        self._saving = False
        prefill = prefill or BookingPrefill()
        self.setWindowTitle(self.tr("New booking"))
        self.setObjectName("bookingDialog")
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.run_check)
        self._today = today or date.today()
        self._build(self._today)
        self._apply_prefill(prefill)
        self._connect()
        self.resize(1180, 700)
        self._update_book_button()
        if self.patient is None:
            self.safety.show_idle(
                self.tr("Choose a patient"),
                self.tr("The safety check runs as soon as a patient and a therapy are chosen."),
            )
            self.picker.setFocus()
        else:
            self.therapy_combo.setFocus()
            self.schedule_check()

    # ------------------------------------------------------------------ building

    def _build(self, today: date) -> None:
        # Patient: search, or the inline new-patient form.
        self.picker = PatientPicker(patient_search(self.services, self.actor), self)
        self.picker.list_view.setMinimumHeight(80)
        self.picker.list_view.setMaximumHeight(120)
        self.new_patient_button = QPushButton(self.tr("&New patient…"), self)
        self.new_patient_button.setAutoDefault(False)
        self.new_patient_form = NewPatientForm(self._add_patient, self)
        self.patient_stack = QStackedWidget(self)
        search_page = QWidget(self)
        search_layout = QVBoxLayout(search_page)
        search_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        search_label = QLabel(self.tr("&Find:"), self)
        search_label.setBuddy(self.picker.search_edit)
        search_row.addWidget(search_label)
        search_row.addWidget(self.picker.search_edit, 1)
        search_row.addWidget(self.new_patient_button)
        search_layout.addLayout(search_row)
        search_layout.addWidget(self.picker.list_view, 1)
        self.patient_stack.addWidget(search_page)
        self.patient_stack.addWidget(self.new_patient_form)
        self.selected_label = QLabel(self)
        self.selected_label.setObjectName("selectedPatient")
        self.selected_label.setTextFormat(Qt.TextFormat.PlainText)
        self.selected_label.setWordWrap(True)
        # The patient's booked sessions and last doses, so a second booking is seen at once.
        self.history_label = QLabel(self)
        self.history_label.setObjectName("hint")
        self.history_label.setTextFormat(Qt.TextFormat.PlainText)
        self.history_label.setWordWrap(True)
        patient_box = QGroupBox(self.tr("Patient"), self)
        patient_layout = QVBoxLayout(patient_box)
        patient_layout.addWidget(self.patient_stack, 1)
        patient_layout.addWidget(self.selected_label)
        patient_layout.addWidget(self.history_label)

        # Therapy, time, chair, doses.
        self.therapy_combo = QComboBox(self)
        # No therapy until one is chosen: a default would be booked by a clerk in a hurry.
        self.therapy_combo.addItem(self.tr("Choose a therapy…"), None)
        for therapy in self.services.ctx.catalog.bookable():
            self.therapy_combo.addItem(
                self.tr("%1 (%2 min)")
                .replace("%1", therapy.name)
                .replace("%2", str(therapy.chair_minutes)),
                therapy.code,
            )
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(dates.date_edit_format())
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.time_edit = QTimeEdit(self)
        self.time_edit.setDisplayFormat(dates.TIME_FORMAT)
        self.time_edit.setTime(QTime(9, 0))
        self.chair_combo = QComboBox(self)
        self.chair_combo.addItem(self.tr("Any free chair"), None)
        for chair in self.services.setup.chairs(self.actor):
            self.chair_combo.addItem(chair.name, chair.name)
        self.doses_spin = QSpinBox(self)
        self.doses_spin.setRange(1, MAX_DOSES)

        self.every_spin = QSpinBox(self)
        self.every_spin.setRange(1, 60)
        self.every_spin.setValue(1)
        self.every_unit = QComboBox(self)
        self.every_unit.addItem(self.tr("week(s)"), "weeks")
        self.every_unit.addItem(self.tr("month(s)"), "months")
        self.every_unit.addItem(self.tr("day(s)"), "days")
        when_row = QHBoxLayout()
        when_row.addWidget(self.date_edit, 1)
        when_row.addWidget(self.time_edit)
        repeat_row = QHBoxLayout()
        repeat_row.addWidget(self.doses_spin)
        self.every_label = QLabel(self.tr("e&very"), self)
        self.every_label.setBuddy(self.every_spin)
        repeat_row.addWidget(self.every_label)
        repeat_row.addWidget(self.every_spin)
        repeat_row.addWidget(self.every_unit)
        # A dose on a closed day (weekend, bank holiday) may move to the next open day.
        self.next_open_day = QCheckBox(self.tr("closed day: next open da&y"), self)
        self.next_open_day.setObjectName("nextOpenDay")
        self.next_open_day.setToolTip(
            self.tr("A dose that falls on a day the clinic is closed moves to the next open day")
        )
        repeat_row.addWidget(self.next_open_day)
        repeat_row.addStretch(1)
        self.series_dates = QLabel("", self)
        self.series_dates.setObjectName("seriesDates")
        self.series_dates.setTextFormat(Qt.TextFormat.PlainText)
        self.series_dates.setWordWrap(True)
        self.series_dates.hide()
        # Who prescribed the dose: a name, and where to reach them (both optional extras).
        self.prescriber_edit = self._line_edit(
            "prescriberEdit", self.tr("Prescriber's name"), self.tr("Prescriber")
        )
        self.practice_edit = self._line_edit(
            "prescriberPracticeEdit",
            self.tr("Practice (optional)"),
            self.tr("Prescriber's practice"),
        )
        self.contact_edit = self._line_edit(
            "prescriberContactEdit",
            self.tr("Phone or e-mail (optional)"),
            self.tr("Prescriber's phone or e-mail"),
        )
        prescriber_row = QHBoxLayout()
        prescriber_row.addWidget(self.prescriber_edit, 3)
        prescriber_row.addWidget(self.practice_edit, 3)
        prescriber_row.addWidget(self.contact_edit, 2)
        form = QFormLayout()
        form.addRow(self._buddy(self.tr("&Therapy:"), self.therapy_combo), self.therapy_combo)
        form.addRow(self._buddy(self.tr("&Date and time:"), self.date_edit), when_row)
        form.addRow(self._buddy(self.tr("C&hair:"), self.chair_combo), self.chair_combo)
        form.addRow(self._buddy(self.tr("D&oses:"), self.doses_spin), repeat_row)
        form.addRow("", self.series_dates)
        form.addRow(self._buddy(self.tr("&Prescriber:"), self.prescriber_edit), prescriber_row)
        self.doses_spin.setToolTip(
            self.tr("More than one books a series (next doses, iron course)")
        )
        session_box = QGroupBox(self.tr("Session"), self)
        session_box.setLayout(form)

        # Next free slots.
        self.find_button = QPushButton(self.tr("Find next free &slots (Ctrl+F)"), self)
        self.find_button.setIcon(self.icons.icon("find"))
        self.find_button.setAutoDefault(False)
        self.slot_model = SlotTableModel(self.icons, self)
        self.slot_view = make_table(self.slot_model, self, stretch_column=3, content_columns=(0, 1))
        self.slot_view.setMinimumHeight(120)
        hint = (
            self.tr("Free slots with no HARD finding; BLOCK ones need your override reason.")
            if self.actor.can(Permission.OVERRIDE)
            else self.tr("Free slots that pass every safety rule.")
        )
        self.slot_hint = QLabel(hint, self)
        self.slot_hint.setObjectName("hint")
        self.slot_hint.setWordWrap(True)
        # What the marks before a slot's time mean; shown when an offered slot has one.
        self.slot_legend = QLabel(
            self.tr("%1 suggested start    %2 a start of the weekly slot template")
            .replace("%1", SUGGESTED_MARK)
            .replace("%2", self.slot_model.template_mark()),
            self,
        )
        self.slot_legend.setObjectName("slotLegend")
        self.slot_legend.setTextFormat(Qt.TextFormat.PlainText)
        self.slot_legend.setToolTip(
            self.tr("Point at a slot's time to read why it is suggested or a template start")
        )
        self.slot_legend.hide()

        left = QVBoxLayout()
        left.addWidget(patient_box)
        left.addWidget(session_box)
        left.addWidget(self.find_button)
        left.addWidget(self.slot_hint)
        left.addWidget(self.slot_view, 1)
        left.addWidget(self.slot_legend)

        self.safety = SafetyPanel(
            self.icons,
            can_override=self.actor.can(Permission.OVERRIDE),
            verb=self.tr("booked"),
            parent=self,
        )
        self.buttons = QDialogButtonBox(self)
        self.book_button = self.buttons.addButton(
            self.tr("&Book"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.book_button.setObjectName("bookButton")
        self.book_button.setIcon(self.icons.icon("book"))
        self.book_button.setDefault(True)
        self.book_button.setToolTip(self.tr("Book (Ctrl+Enter)"))
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        close.setAutoDefault(False)

        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addWidget(self.safety, 6)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)

    def _line_edit(self, name: str, placeholder: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setMaxLength(MAX_PRESCRIBER)
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleName(accessible)  # a screen reader has no placeholder to read
        return edit

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label

    def _apply_prefill(self, prefill: BookingPrefill) -> None:
        if prefill.therapy:
            index = self.therapy_combo.findData(prefill.therapy)
            if index >= 0:
                self.therapy_combo.setCurrentIndex(index)
        if prefill.start is not None:
            self.set_start(prefill.start)
        if prefill.chair:
            index = self.chair_combo.findData(prefill.chair)
            if index >= 0:
                self.chair_combo.setCurrentIndex(index)
        self.doses_spin.setValue(max(1, prefill.doses))
        self._update_repeat()
        if prefill.mrn:
            try:
                patient = self.services.setup.patient(self.actor, prefill.mrn)
            except ClinicError:
                self.picker.search_edit.setText(prefill.mrn)
            else:
                self.choose_patient(patient)

    def _connect(self) -> None:
        self.picker.patient_chosen.connect(self.choose_patient)
        self.picker.search_failed.connect(self._search_failed)
        self.new_patient_button.clicked.connect(self.show_new_patient_form)
        self.new_patient_form.created.connect(self._patient_created)
        self.new_patient_form.cancelled.connect(self.show_search)
        for signal in (
            self.therapy_combo.currentIndexChanged,
            self.date_edit.dateChanged,
            self.time_edit.timeChanged,
            self.chair_combo.currentIndexChanged,
            self.doses_spin.valueChanged,
            self.every_spin.valueChanged,
            self.every_unit.currentIndexChanged,
            self.next_open_day.toggled,
        ):
            signal.connect(self.schedule_check)
        self.doses_spin.valueChanged.connect(self._update_repeat)
        self.safety.override_changed.connect(self._override_changed)
        self.find_button.clicked.connect(self.find_slots)
        self.slot_view.doubleClicked.connect(lambda index: self.take_slot(index.row()))
        EnterKeyFilter(self.slot_view, lambda: self.take_slot(self.slot_view.currentIndex().row()))
        self.book_button.clicked.connect(self.book)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence(self.tr("Ctrl+F")), self, self.find_slots)
        QShortcut(QKeySequence(self.tr("Ctrl+Return")), self, self.book)
        QShortcut(QKeySequence(self.tr("Ctrl+Enter")), self, self.book)
        QShortcut(QKeySequence(self.tr("Ctrl+L")), self, self.focus_search)

    # ------------------------------------------------------------------ modal use

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        icons: IconSet,
        prefill: BookingPrefill | None = None,
        *,
        today: date | None = None,
    ) -> list[BookingOutcome]:
        """Show the dialog modally; the booked outcomes (empty when cancelled)."""
        dialog = cls(services, actor, runner, icons, prefill, parent, today=today)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.outcomes
            return []
        finally:
            dialog.deleteLater()

    # ------------------------------------------------------------------ patient

    def _add_patient(self, **fields: Any) -> PatientView:
        return self.services.setup.add_patient(self.actor, **fields)

    def focus_search(self) -> None:
        """Back to the patient search (Ctrl+L)."""
        self.show_search()
        self.picker.search_edit.selectAll()

    def show_search(self) -> None:
        """Show the search page."""
        self.patient_stack.setCurrentIndex(0)
        self.picker.setFocus()

    def show_new_patient_form(self) -> None:
        """Show the inline new-patient form, starting from what was typed."""
        self.new_patient_form.prefill(self.picker.search_edit.text())
        self.patient_stack.setCurrentIndex(1)
        self.new_patient_form.setFocus()

    def _patient_created(self, patient: PatientView) -> None:
        self.patient_stack.setCurrentIndex(0)
        self.picker.search_edit.setText(patient.mrn)
        self.picker.search_now()
        self.choose_patient(patient)

    def choose_patient(self, patient: PatientView) -> None:
        """Book for ``patient``; the therapy field gets the focus."""
        self.patient = patient
        self.selected_label.setText(
            self.tr("%1 (%2), %3")
            .replace("%1", patient.name)
            .replace("%2", patient.mrn)
            .replace(
                "%3",
                wording.age_words(patient.date_of_birth, self.services.ctx.clock().date()),
            )
        )
        self.slot_model.set_rows([])
        self.therapy_combo.setFocus()
        self.schedule_check()
        self._load_history(patient.mrn)

    def _load_history(self, mrn: str) -> None:
        queries, setup, actor, today = (
            self.services.queries,
            self.services.setup,
            self.actor,
            self._today,
        )
        self.history_label.setText(self.tr("Reading the patient's sessions…"))

        def job() -> str:
            sessions, _labs = queries.patient_schedule(actor, mrn)
            exposures = setup.exposures(actor, mrn)
            return "\n".join(
                (upcoming_line(sessions, today), recent_line(sessions, exposures, today))
            )

        def done(text: str) -> None:
            if self.patient is not None and self.patient.mrn == mrn:
                self.history_label.setText(text)

        def failed(error: BaseException) -> None:
            self.history_label.setText(wording.explain_error(error).headline)

        self.runner.run(job, done, failed, key=f"history-{id(self)}", context=self)

    # ------------------------------------------------------------------ the request

    def therapy_code(self) -> str | None:
        """The chosen therapy's code (None until one is chosen)."""
        data = self.therapy_combo.currentData()
        return str(data) if data else None

    def start(self) -> datetime:
        """The chosen start as naive local wall-clock time."""
        day = self.date_edit.date().toPython()
        moment = self.time_edit.time().toPython()
        assert isinstance(day, date) and isinstance(moment, time)
        return datetime.combine(day, moment.replace(second=0, microsecond=0))

    def set_start(self, moment: datetime) -> None:
        """Show ``moment`` (local wall-clock) in the date and time fields."""
        self.date_edit.setDate(QDate(moment.year, moment.month, moment.day))
        self.time_edit.setTime(QTime(moment.hour, moment.minute))

    def chair(self) -> str | None:
        """The chosen chair's name, or None for any free chair."""
        data = self.chair_combo.currentData()
        return str(data) if data else None

    def every(self) -> relativedelta:
        """The interval between doses of a series."""
        count = self.every_spin.value()
        by_unit = {
            "days": relativedelta(days=count),
            "weeks": relativedelta(weeks=count),
            "months": relativedelta(months=count),
        }
        return by_unit[str(self.every_unit.currentData())]

    def request(self) -> BookingRequest | None:
        """The booking request as the fields stand (None without a patient or a therapy)."""
        therapy = self.therapy_code()
        if self.patient is None or therapy is None:
            return None
        complete = self.safety.override_complete()
        return BookingRequest(
            mrn=self.patient.mrn,
            therapy=therapy,
            start=self.start(),
            chair=self.chair(),
            # The service refuses an override without the prescriber consulted: until both are
            # typed the request carries neither (the dry run then shows what needs one).
            override_reason=self.safety.override_reason() if complete else None,
            prescriber=self.prescriber_edit.text(),
            prescriber_practice=self.practice_edit.text(),
            prescriber_contact=self.contact_edit.text(),
            consulted=self.safety.consulted() if complete else None,
        )

    def _show_series_dates(self, series: list[BookingOutcome] | None) -> None:
        """The series' dose dates, those moved off a closed day saying from which day."""
        if not series:
            self.series_dates.hide()
            return
        parts = []
        for outcome in series:
            day = dates.short_date(outcome.session.start.date())
            if outcome.moved_from is not None:
                day = self.tr("{day} (moved from {closed}, closed)").format(
                    day=day, closed=dates.short_date(outcome.moved_from)
                )
            parts.append(day)
        self.series_dates.setText(self.tr("Dose dates: {dates}").format(dates="; ".join(parts)))
        self.series_dates.show()

    def _update_repeat(self) -> None:
        series = self.doses_spin.value() > 1
        self.every_spin.setEnabled(series)
        self.every_unit.setEnabled(series)
        self.every_label.setEnabled(series)
        self.next_open_day.setEnabled(series)
        if not series:
            self.series_dates.hide()

    # ------------------------------------------------------------------ live check

    def schedule_check(self) -> None:
        """Re-check after a short pause (typing does not start a check per key)."""
        if self.patient is None:
            return
        if self.therapy_code() is None:
            self._check_timer.stop()
            self.safety.show_idle(
                self.tr("Choose a therapy"),
                self.tr("The safety check runs as soon as a patient and a therapy are chosen."),
            )
            self._update_book_button()
            return
        self.safety.show_pending()
        self._update_book_button()
        self._check_timer.start()

    def _override_changed(self) -> None:
        # A series is dry-run with the reason (a later dose may need it); one dose is not.
        if self.doses_spin.value() > 1:
            self.schedule_check()
        self._update_book_button()

    def run_check(self) -> None:
        """Ask the booking service for a dry run now, on a worker thread."""
        self._check_timer.stop()
        request = self.request()
        if request is None:
            return
        doses, every = self.doses_spin.value(), self.every()
        skip = self.next_open_day.isChecked()
        booking, actor = self.services.booking, self.actor

        def job() -> _CheckAnswer:
            first = booking.check(actor, request)
            if doses == 1 or first.conflict or first.hard_refused:
                return _CheckAnswer(first)
            try:
                series = booking.book_series(
                    actor, request, count=doses, every=every, dry_run=True, skip_closed=skip
                )
            except ClinicError as error:
                return _CheckAnswer(first, None, error)
            return _CheckAnswer(first, series)

        self.runner.run(
            job,
            self._show_check,
            self._show_check_error,
            key=f"booking-check-{id(self)}",
            context=self,
        )

    def _show_check(self, answer: _CheckAnswer) -> None:
        first = answer.first
        if first.conflict is not None:
            conflict = SchedulingConflictError(first.conflict_kind or "", first.conflict)
            self.safety.show_problem(wording.explain_error(conflict))
            self._finish_check()
            return
        rows = [FindingRow(f) for f in first.findings]
        labs: list[LabView] = list(first.labs)
        refused, needs_override = first.hard_refused, first.needs_override
        self._show_series_dates(answer.series)
        if answer.series:
            for number, outcome in enumerate(answer.series[1:], start=2):
                about = (
                    self.tr("dose %1 on %2")
                    .replace("%1", str(number))
                    .replace("%2", wording.short_date(outcome.session.start.date()))
                )
                rows += [FindingRow(f, about) for f in outcome.findings]
                labs += [lab for lab in outcome.labs if lab.id is None]
        error = answer.series_error
        if isinstance(error, RuleRefusalError) and error.findings:
            about = _occurrence(error)
            rows += [FindingRow(FindingView.of(f), about) for f in error.findings]
            refused = refused or not error.overridable
            needs_override = needs_override or error.overridable
        elif error is not None:
            explanation = wording.explain_error(error)
            occurrence = _occurrence(error) or self.tr("A later dose")
            self.safety.show_problem(
                wording.Explanation(
                    explanation.headline,
                    f"{occurrence}: {explanation.detail}",
                    explanation.field,
                ),
                rows,
            )
            self._finish_check()
            return
        self.safety.show_answer(
            _unique_rows(rows), _unique_labs(labs), refused=refused, needs_override=needs_override
        )
        self._finish_check()

    def _show_check_error(self, error: BaseException) -> None:
        self.safety.show_problem(wording.explain_error(error))
        self._finish_check()

    def _finish_check(self) -> None:
        self._update_book_button()
        self.check_finished.emit()

    def _missing_choice(self) -> str:
        if self.patient is None:
            return self.tr("Choose a patient first")
        return self.tr("Choose a therapy first")

    def _update_book_button(self) -> None:
        # While a re-check runs the last verdict stands; the service re-checks on Book anyway.
        ready = self.request() is not None and not self._saving
        self.book_button.setEnabled(ready and self.safety.can_save())

    # ------------------------------------------------------------------ slots

    def find_slots(self) -> None:
        """Ask for the next free slots from the chosen date and time (Ctrl+F)."""
        therapy = self.therapy_code()
        if self.patient is None or therapy is None:
            self._show_error_text(self._missing_choice(), "")
            return
        mrn, after, chair = self.patient.mrn, self.start(), None
        chair = self.chair()
        booking, actor = self.services.booking, self.actor
        overridable = actor.can(Permission.OVERRIDE)
        self.find_button.setEnabled(False)
        self.slot_hint.setText(self.tr("Looking for free slots…"))

        def job() -> _SlotAnswer:
            slots = booking.find_slots(
                actor,
                mrn,
                therapy,
                after,
                count=SLOT_COUNT,
                chair=chair,
                include_overridable=overridable,
            )
            if slots:
                return _SlotAnswer(slots)
            # Not a dead end: which rule refuses, and the first slot further out that passes.
            check = booking.check(actor, BookingRequest(mrn, therapy, after, chair=chair))
            refusing = tuple(
                f for f in check.findings if f.severity in (Severity.HARD, Severity.BLOCK)
            )
            later = booking.find_slots(
                actor,
                mrn,
                therapy,
                after + timedelta(days=SLOT_HORIZON_DAYS),
                count=1,
                chair=chair,
                horizon_days=LATER_HORIZON_DAYS,
                include_overridable=overridable,
            )
            return _SlotAnswer([], refusing, later[0] if later else None)

        self.runner.run(
            job, self._show_slots, self._slots_failed, key=f"slots-{id(self)}", context=self
        )

    def _show_slots(self, answer: _SlotAnswer) -> None:
        self.find_button.setEnabled(True)
        slots = answer.slots
        self.slot_model.set_rows(slots)
        self.slot_legend.setVisible(any(s.recommended or s.template for s in slots))
        if slots:
            self.slot_hint.setText(
                wording.count(
                    len(slots),
                    self.tr("1 free slot. Enter takes it."),
                    self.tr("{n} free slots, earliest first. Enter takes one."),
                )
            )
            # The cursor starts on the suggested option (the template's, when there is a
            # template), so Enter takes it; the earliest when none is suggested.
            first = next((n for n, s in enumerate(slots) if s.recommended), 0)
            self.slot_view.setCurrentIndex(self.slot_model.index(first, 0))
            self.slot_view.setFocus()
        else:
            self.slot_hint.setText(self._no_slot_text(answer))
        self.slots_found.emit()

    def _no_slot_text(self, answer: _SlotAnswer) -> str:
        """Why nothing is offered, and the way on: the rule that refuses, the first slot."""
        lines = [
            self.tr("No free slot in the next %1 days passes the safety rules.").replace(
                "%1", str(SLOT_HORIZON_DAYS)
            )
        ]
        for finding in answer.refusing:
            lines.append(
                self.tr("%1: %2")
                .replace("%1", wording.severity_label(finding.severity))
                .replace("%2", wording.finding_sentence(finding))
            )
        if answer.later is not None:
            lines.append(
                self.tr("The first slot that passes: %1 at %2, %3.")
                .replace("%1", wording.day_label(answer.later.start.date()))
                .replace("%2", wording.hhmm(answer.later.start))
                .replace("%3", answer.later.chair)
            )
        else:
            lines.append(
                self.tr("None passes in the %1 days after that either.").replace(
                    "%1", str(LATER_HORIZON_DAYS)
                )
            )
        return "\n".join(lines)

    def _slots_failed(self, error: BaseException) -> None:
        self.find_button.setEnabled(True)
        explanation = wording.explain_error(error)
        self.slot_hint.setText(f"{explanation.headline}: {explanation.detail}")
        self.slots_found.emit()

    def take_slot(self, row: int) -> None:
        """Use the offered slot in ``row``: its date, time and chair."""
        if not 0 <= row < self.slot_model.rowCount():
            return
        slot: SlotView = self.slot_model.item(row)
        self.set_start(slot.start.replace(tzinfo=None))
        index = self.chair_combo.findData(slot.chair)
        if index >= 0:
            self.chair_combo.setCurrentIndex(index)
        self.schedule_check()
        if self.safety.override_shown or any(f.severity.value == "BLOCK" for f in slot.findings):
            self.safety.override_edit.setFocus()
        else:
            self.book_button.setFocus()

    # ------------------------------------------------------------------ booking

    def book(self) -> None:
        """Book through the service (off the GUI thread); refusals are explained in place."""
        request = self.request()
        if request is None or self._saving or not self.book_button.isEnabled():
            if request is None:
                self._show_error_text(self._missing_choice(), "")
            return
        self._check_timer.stop()
        doses, every = self.doses_spin.value(), self.every()
        skip = self.next_open_day.isChecked()
        booking, actor = self.services.booking, self.actor
        self._saving = True
        self._update_book_button()

        def job() -> list[BookingOutcome]:
            if doses > 1:
                return booking.book_series(
                    actor, request, count=doses, every=every, skip_closed=skip
                )
            return [booking.book(actor, request)]

        self.runner.run(job, self._booked, self._book_failed, context=self)

    def _booked(self, outcomes: list[BookingOutcome]) -> None:
        self._saving = False
        self.outcomes = outcomes
        self.accept()

    def _book_failed(self, error: BaseException) -> None:
        self._saving = False
        explanation = wording.explain_error(error)
        rows: list[FindingRow] = []
        if isinstance(error, RuleRefusalError):
            rows = [FindingRow(FindingView.of(f), _occurrence(error)) for f in error.findings]
        self.safety.show_problem(explanation, rows)
        self._update_book_button()

    def _search_failed(self, error: BaseException) -> None:
        self._show_error(error)

    def _show_error(self, error: BaseException) -> None:
        explanation = wording.explain_error(error)
        self._show_error_text(explanation.headline, explanation.detail)

    def _show_error_text(self, headline: str, detail: str) -> None:
        self.safety.banner.show_message("error", headline, detail)


@dataclass(frozen=True, slots=True)
class _SlotAnswer:
    """Slots found; when none, the findings that refuse and the first slot further out."""

    slots: list[SlotView]
    refusing: tuple[FindingView, ...] = ()
    later: SlotView | None = None


def _unique_rows(rows: list[FindingRow]) -> list[FindingRow]:
    seen: set[tuple[str, str, str]] = set()
    unique: list[FindingRow] = []
    for row in rows:
        key = (row.about, row.finding.rule, row.finding.message)
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return unique


def _unique_labs(labs: list[LabView]) -> list[LabView]:
    seen: set[tuple[object, ...]] = set()
    unique: list[LabView] = []
    for lab in labs:
        key = (lab.id,) if lab.id is not None else (lab.start, lab.tests)
        if key not in seen:
            seen.add(key)
            unique.append(lab)
    return unique
