"""The patient view: details, outside exposures (add, edit, remove), the sessions and labs.

A non-modal window, one per patient. Recording an exposure goes through the setup service,
which re-checks the patient's booked sessions; the timeline is reloaded afterwards so new
findings show at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from clinic_app.bootstrap import Services
from clinic_app.domain.doses_due import DoseDue
from clinic_app.domain.errors import ClinicError, InvalidInputError
from clinic_app.domain.exposure import is_oral_bisphosphonate
from clinic_app.gui import wording
from clinic_app.gui.common.live_changes import follow_changes
from clinic_app.gui.common.message_banner import MessageBanner, banner_icons
from clinic_app.gui.common.stopped_sessions import notice_lines, notice_summary
from clinic_app.gui.common.tables import make_table
from clinic_app.gui.common.urgent_banner import UrgentBanner
from clinic_app.gui.patient.exposure_dialogs import EditExposureDialog, RemoveExposureDialog
from clinic_app.gui.patient.exposure_model import ExposureTableModel
from clinic_app.gui.patient.timeline_model import (
    FINDINGS_COLUMN,
    WHAT_COLUMN,
    TimelineTableModel,
)
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.actor import Actor, Permission
from clinic_app.services.results import ExposureView, LabView, PatientView, SessionView
from clinic_app.services.visit_views import AlertView

# Which error label shows a service error about each field of add_exposure.
EXPOSURE_FIELDS = {
    "therapy": "drug",
    "drug": "drug",
    "date": "date",
    "ongoing-since": "date",
    "last-dose-unknown": "date",
    "where": "where",
}


@dataclass(frozen=True, slots=True)
class PatientRecord:
    """Everything the patient view shows, loaded in one go off the GUI thread."""

    patient: PatientView
    exposures: list[ExposureView]
    sessions: list[SessionView]
    labs: list[LabView]
    doses_due: tuple[DoseDue, ...] = ()
    alerts: tuple[AlertView, ...] = ()  # open result alerts (URGENT shown until acknowledged)


def _plain_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class PatientDialog(QDialog):
    """Details, exposures and timeline of one patient.

    Signals:
        loaded(): the record was (re)loaded and is on screen.
        book_requested(str): the user wants to book for this MRN.
    """

    loaded = Signal()
    book_requested = Signal(str)

    def __init__(
        self,
        services: Services,
        actor: Actor,
        runner: TaskRunner,
        icons: IconSet,
        mrn: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.runner = runner
        self.mrn = mrn
        self.record: PatientRecord | None = None
        self.setWindowTitle(self.tr("Patient %1").replace("%1", mrn))
        self.banner = MessageBanner(self, icons=banner_icons(icons))
        self.urgent_banner = UrgentBanner(self)

        # Details.
        self.name_label = _plain_label(self)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.name_label.setFont(font)
        self.details_label = _plain_label(self)
        self.notes_label = _plain_label(self)
        self.notes_label.setObjectName("hint")

        # Exposures and the add form.
        self.exposure_model = ExposureTableModel(self)
        self.exposure_view = make_table(
            self.exposure_model, self, stretch_column=3, content_columns=(0, 1, 2)
        )
        self.exposure_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.drug_combo = QComboBox(self)
        for therapy in services.ctx.catalog:
            self.drug_combo.addItem(therapy.name, therapy.code)
        self.last_dose_radio = QRadioButton(self.tr("&Last dose on"), self)
        self.ongoing_radio = QRadioButton(self.tr("&Ongoing since"), self)
        # Section 7: injected drugs take a date or "last dose unknown"; "ongoing since" is for
        # oral bisphosphonates only. The choices follow the drug (the service enforces it).
        self.unknown_radio = QRadioButton(self.tr("Last dose &unknown"), self)
        self.last_dose_radio.setChecked(True)
        self._kind = QButtonGroup(self)
        self._kind.addButton(self.last_dose_radio)
        self._kind.addButton(self.ongoing_radio)
        self._kind.addButton(self.unknown_radio)
        self.exposure_date = QLineEdit(self)
        self.exposure_date.setPlaceholderText(self.tr("YYYY-MM-DD"))
        # Wide enough for its placeholder and a typed date, however narrow the column gets.
        self.exposure_date.setMinimumWidth(
            self.exposure_date.fontMetrics().horizontalAdvance(
                self.exposure_date.placeholderText() + "MM"
            )
            + 12
        )
        self.exposure_date.setMaxLength(10)
        self.where_edit = QLineEdit(self)
        self.where_edit.setMaxLength(200)
        self.where_edit.setPlaceholderText(self.tr("e.g. GP surgery, St Mary's Hospital"))
        self.add_exposure_button = QPushButton(self.tr("&Record exposure"), self)
        self.add_exposure_button.setAutoDefault(False)
        self.exposure_errors = {name: self._error_label() for name in ("drug", "date", "where")}
        self.exposure_general_error = self._error_label()
        form = QGridLayout()
        form.setVerticalSpacing(2)
        drug_label = QLabel(self.tr("&Drug:"), self)
        drug_label.setBuddy(self.drug_combo)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.last_dose_radio)
        kind_row.addWidget(self.ongoing_radio)
        kind_row.addWidget(self.unknown_radio)
        kind_row.addWidget(self.exposure_date, 1)
        where_label = QLabel(self.tr("&Where given:"), self)
        where_label.setBuddy(self.where_edit)
        form.addWidget(drug_label, 0, 0)
        form.addWidget(self.drug_combo, 0, 1)
        form.addWidget(self.exposure_errors["drug"], 1, 1)
        form.addLayout(kind_row, 2, 1)
        form.addWidget(self.exposure_errors["date"], 3, 1)
        form.addWidget(where_label, 4, 0)
        form.addWidget(self.where_edit, 4, 1)
        form.addWidget(self.exposure_errors["where"], 5, 1)
        form.addWidget(self.exposure_general_error, 6, 1)
        form.addWidget(self.add_exposure_button, 7, 1, Qt.AlignmentFlag.AlignRight)
        exposure_box = QGroupBox(self.tr("Drugs given elsewhere (outside exposures)"), self)
        exposure_layout = QVBoxLayout(exposure_box)
        exposure_layout.addWidget(self.exposure_view, 1)
        self.edit_exposure_button = QPushButton(self.tr("&Edit exposure…"), self)
        self.edit_exposure_button.setAutoDefault(False)
        self.remove_exposure_button = QPushButton(self.tr("Re&move exposure…"), self)
        self.remove_exposure_button.setAutoDefault(False)
        row_buttons = QHBoxLayout()
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.edit_exposure_button)
        row_buttons.addWidget(self.remove_exposure_button)
        exposure_layout.addLayout(row_buttons)
        self.exposure_form = QWidget(exposure_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.exposure_form.setLayout(form)
        exposure_layout.addWidget(self.exposure_form)

        # Timeline.
        self.timeline_model = TimelineTableModel(icons, self)
        self.timeline_view = make_table(
            self.timeline_model,
            self,
            stretch_column=WHAT_COLUMN,
            wrap=True,
            content_columns=(0, 2, 3),
        )
        # What and the findings share the width the short columns leave (no sideways
        # scrolling) and wrap rather than cut; each row's tooltip has the whole session.
        self.timeline_view.horizontalHeader().setSectionResizeMode(
            FINDINGS_COLUMN, QHeaderView.ResizeMode.Stretch
        )
        timeline_box = QGroupBox(self.tr("Sessions and lab draws"), self)
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.addWidget(self.timeline_view)
        self.next_doses_label = _plain_label(self)
        self.next_doses_label.setObjectName("hint")
        self.next_doses_label.setWordWrap(True)
        timeline_layout.addWidget(self.next_doses_label)

        details_box = QGroupBox(self.tr("Details"), self)
        details_layout = QFormLayout(details_box)
        details_layout.addRow(self.name_label)
        details_layout.addRow(self.details_label)
        details_layout.addRow(self.notes_label)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(details_box)
        left_layout.addWidget(exposure_box, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(timeline_box)
        # The timeline is the wide list; the exposures are a few short rows.
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)

        buttons = QDialogButtonBox(self)
        self.book_button = buttons.addButton(
            self.tr("&Book for this patient…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.book_button.setIcon(icons.icon("book"))
        self.book_button.setAutoDefault(False)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        buttons.rejected.connect(self.close)
        close.clicked.connect(self.close)
        self.book_button.clicked.connect(lambda: self.book_requested.emit(self.mrn))
        # A role sees only what it can finish: no booking or exposure form it would be refused.
        self.book_button.setVisible(actor.can(Permission.BOOK))
        may_edit = actor.can(Permission.EDIT_PATIENTS)
        for widget in (self.exposure_form, self.edit_exposure_button, self.remove_exposure_button):
            widget.setVisible(may_edit)
        self.add_exposure_button.clicked.connect(self.add_exposure)
        self.edit_exposure_button.clicked.connect(self.edit_exposure)
        self.remove_exposure_button.clicked.connect(self.remove_exposure)
        self.exposure_view.selectionModel().currentChanged.connect(
            lambda *_: self._update_exposure_buttons()
        )
        self.exposure_model.modelReset.connect(self._update_exposure_buttons)
        self.exposure_date.returnPressed.connect(self.add_exposure)
        self.drug_combo.currentIndexChanged.connect(lambda _index: self._update_exposure_kinds())
        self._kind.buttonToggled.connect(lambda *_: self._update_exposure_kinds())
        self._update_exposure_kinds()
        self.where_edit.returnPressed.connect(self.add_exposure)

        layout = QVBoxLayout(self)
        layout.addWidget(self.urgent_banner)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1180, 640)
        self._update_exposure_buttons()
        self.reload()
        # A change to this patient anywhere reloads the view (live refresh).
        self.live_changes = follow_changes(
            self,
            services.ctx.feed,
            lambda change: change.touches_patient(self.mrn),
            self.reload,
            views=(self.exposure_view, self.timeline_view),
            loaded=self.loaded,
        )

    def _error_label(self) -> QLabel:
        label = _plain_label(self)
        label.setObjectName("fieldError")
        label.hide()
        return label

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        """Load the patient's record on a worker thread."""
        services, actor, mrn = self.services, self.actor, self.mrn

        def job() -> PatientRecord:
            patient = services.setup.patient(actor, mrn)
            exposures = services.setup.exposures(actor, mrn)
            sessions, labs = services.queries.patient_schedule(actor, mrn)
            due = services.queries.doses_due(actor, mrn)
            alerts = services.lab_results.open_alerts(actor, mrn)
            return PatientRecord(patient, exposures, sessions, labs, due, alerts)

        self.runner.run(job, self._show, self._failed, key=f"patient-{id(self)}", context=self)

    def _show(self, record: PatientRecord) -> None:
        self.record = record
        self.urgent_banner.show_alerts(record.alerts)
        patient = record.patient
        self.name_label.setText(patient.name)
        now = self.services.ctx.clock()
        today = now.date()
        # One label for the MRN: a number that already says "MRN" is not prefixed again.
        mrn_text = (
            patient.mrn
            if patient.mrn.upper().startswith("MRN")
            else self.tr("MRN %1").replace("%1", patient.mrn)
        )
        parts = [mrn_text, wording.age_words(patient.date_of_birth, today)]
        if patient.sex:
            parts.append(self.tr("sex %1").replace("%1", patient.sex))
        if patient.phone:
            parts.append(self.tr("phone %1").replace("%1", patient.phone))
        self.details_label.setText(" · ".join(parts))
        self.notes_label.setText(patient.notes)
        self.notes_label.setVisible(bool(patient.notes))
        self.exposure_model.set_rows(record.exposures)
        if record.doses_due:
            lines = [self.tr("Next doses:")]
            lines += [f"• {wording.dose_due_text(due, today)}" for due in record.doses_due]
            self.next_doses_label.setText("\n".join(lines))
            # The clinicians' details (the rule that sets each interval) in the tooltip.
            self.next_doses_label.setToolTip(
                wording.plain_tooltip(
                    "\n".join(
                        f"{due.drug_name}: {wording.dose_due_details(due)}"
                        for due in record.doses_due
                    )
                )
                or ""
            )
        else:
            self.next_doses_label.setText(self.tr("No antiresorptive schedule to follow."))
            self.next_doses_label.setToolTip("")
        self.timeline_model.set_timeline(record.sessions, record.labs, now)
        upcoming = [
            row for row, entry in enumerate(self.timeline_model.rows()) if entry.start >= now
        ]
        if upcoming:
            self.timeline_view.scrollTo(self.timeline_model.index(upcoming[0], 0))
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        explanation = wording.explain_error(error)
        self.banner.show_message("error", explanation.headline, explanation.detail)
        self.loaded.emit()

    # ------------------------------------------------------------------ exposures

    def _update_exposure_kinds(self) -> None:
        """Offer the date kinds the chosen drug takes; unknown needs no date."""
        code = str(self.drug_combo.currentData())
        catalog = self.services.ctx.catalog
        therapy = catalog.get(code) if code in catalog else None
        oral = therapy is not None and is_oral_bisphosphonate(therapy)
        injected = therapy is not None and therapy.is_antiresorptive and not oral
        self.ongoing_radio.setEnabled(oral)
        self.unknown_radio.setEnabled(injected)
        if (self.ongoing_radio.isChecked() and not oral) or (
            self.unknown_radio.isChecked() and not injected
        ):
            self.last_dose_radio.setChecked(True)
        self.exposure_date.setEnabled(not self.unknown_radio.isChecked())

    def add_exposure(self) -> ExposureView | None:
        """Record the exposure through the service; errors appear next to their field. The
        booked sessions it now stops are named in the banner."""
        for label in [*self.exposure_errors.values(), self.exposure_general_error]:
            label.hide()
        unknown = self.unknown_radio.isChecked()
        when = None if unknown else self.exposure_date.text().strip() or None
        last_dose = when if self.last_dose_radio.isChecked() else None
        ongoing = when if self.ongoing_radio.isChecked() else None
        try:
            outcome = self.services.setup.record_exposure(
                self.actor,
                mrn=self.mrn,
                drug=str(self.drug_combo.currentData()),
                last_dose=last_dose,
                ongoing_since=ongoing,
                where=self.where_edit.text(),
                last_dose_unknown=unknown,
            )
        except InvalidInputError as error:
            target = EXPOSURE_FIELDS.get(error.field)
            label = self.exposure_errors[target] if target else self.exposure_general_error
            label.setText(wording.explain_error(error).detail)
            label.show()
            return None
        except ClinicError as error:
            explanation = wording.explain_error(error)
            self.exposure_general_error.setText(f"{explanation.headline}: {explanation.detail}")
            self.exposure_general_error.show()
            return None
        exposure = outcome.exposure
        self.exposure_date.clear()
        self.where_edit.clear()
        self.last_dose_radio.setChecked(True)
        headline = self.tr("Exposure recorded: %1").replace("%1", exposure.drug_name)
        if outcome.stopped_sessions:
            # Whoever records it is told at once which booked sessions it now stops, and why.
            notices = outcome.stopped_sessions
            self.banner.show_message(
                "warning",
                headline,
                notice_summary(notices) + ":\n" + "\n".join(notice_lines(notices)),
            )
        else:
            self.banner.show_message(
                "ok",
                headline,
                self.tr("The patient's booked sessions were checked again against it."),
            )
        self.reload()
        return exposure

    def selected_exposure(self) -> ExposureView | None:
        """The exposure in the table's current row."""
        row = self.exposure_view.currentIndex().row()
        if not 0 <= row < self.exposure_model.rowCount():
            return None
        item = self.exposure_model.item(row)
        return item if isinstance(item, ExposureView) else None

    def _update_exposure_buttons(self) -> None:
        chosen = self.selected_exposure() is not None
        allowed = self.actor.can(Permission.EDIT_PATIENTS)
        self.edit_exposure_button.setEnabled(chosen and allowed)
        self.remove_exposure_button.setEnabled(chosen and allowed)

    def edit_exposure(self) -> ExposureView | None:
        """Correct the selected exposure's date or place (the service re-checks bookings)."""
        exposure = self.selected_exposure()
        if exposure is None:
            return None
        changed = EditExposureDialog.ask(self, self.services, self.actor, exposure)
        if changed is None:
            return None
        self.banner.show_message(
            "ok",
            self.tr("Exposure corrected: %1").replace("%1", changed.drug_name),
            self.tr("The patient's booked sessions were checked again against it."),
        )
        self.reload()
        return changed

    def remove_exposure(self) -> bool:
        """Withdraw the selected exposure, with a reason (the service re-checks bookings)."""
        exposure = self.selected_exposure()
        if exposure is None:
            return False
        if not RemoveExposureDialog.ask(self, self.services, self.actor, exposure):
            return False
        self.banner.show_message(
            "ok",
            self.tr("Exposure removed: %1").replace("%1", exposure.drug_name),
            self.tr("The patient's booked sessions were checked again without it."),
        )
        self.reload()
        return True
