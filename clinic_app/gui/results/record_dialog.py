"""Recording a lab draw's results (value and unit per test, when drawn) and the patient's
weight at this visit, through ``LabResultsService``.

The dialog calls the service itself when the nurse saves, so a refusal (a wrong unit, a value
that is not a number, a draw in the future...) is shown naming the field and the dialog stays
open; nothing is written by a refused save. The weight is recorded first: a second weight on
the same day replaces the first, so saving again after a refused result is harmless.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import ClinicError
from clinic_app.gui import wording
from clinic_app.gui.common import dates
from clinic_app.services.actor import Actor
from clinic_app.services.lab_results import ResultEntry
from clinic_app.services.results import LabView
from clinic_app.services.visit_views import MissingResult, ResultsOutcome, SessionNotice


@dataclass(frozen=True, slots=True)
class DrawToRecord:
    """The lab draw whose results are typed: who, when, and which tests it took."""

    lab_id: int
    mrn: str
    patient_name: str
    drawn_at: datetime
    tests: tuple[str, ...]

    @classmethod
    def of_lab(cls, lab: LabView) -> DrawToRecord:
        """From a lab draw of the daily list or the patient view."""
        assert lab.id is not None
        return cls(lab.id, lab.mrn, lab.patient_name, lab.start, lab.tests)

    @classmethod
    def of_missing(cls, missing: MissingResult) -> DrawToRecord:
        """From a 'result not back' row of the results list (its missing tests only)."""
        return cls(
            missing.lab_id,
            missing.mrn,
            missing.patient_name,
            missing.drawn_at,
            missing.missing_tests,
        )


def merge_notices(*groups: tuple[SessionNotice, ...]) -> tuple[SessionNotice, ...]:
    """The sessions stopped, once each (the later notice of a session wins)."""
    by_session: dict[int, SessionNotice] = {}
    for group in groups:
        for notice in group:
            by_session[notice.session_id] = notice
    return tuple(by_session.values())


class RecordResultsDialog(QDialog):
    """One row per test (value, unit), when the blood was drawn, and the weight."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        draw: DrawToRecord,
        units: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.draw = draw
        self.outcome: ResultsOutcome | None = None
        self.weight_notices: tuple[SessionNotice, ...] = ()
        self.setWindowTitle(self.tr("Record results - lab draw %1").replace("%1", str(draw.lab_id)))
        about = QLabel(
            self.tr("%1 (%2), lab draw %3 booked %4")
            .replace("%1", draw.patient_name)
            .replace("%2", draw.mrn)
            .replace("%3", str(draw.lab_id))
            .replace(
                "%4",
                f"{wording.short_day_label(draw.drawn_at.date())} {wording.hhmm(draw.drawn_at)}",
            ),
            self,
        )
        about.setTextFormat(Qt.TextFormat.PlainText)
        about.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Test"), self), 0, 0)
        grid.addWidget(QLabel(self.tr("Value"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("Unit (SI)"), self), 0, 2)
        self.value_edits: dict[str, QLineEdit] = {}
        self.unit_edits: dict[str, QLineEdit] = {}
        for row, test in enumerate(draw.tests, start=1):
            value = QLineEdit(self)
            value.setObjectName(f"value-{test}")
            value.setMaxLength(20)
            value.setAccessibleName(self.tr("%1 value").replace("%1", test))
            unit = QLineEdit(units.get(test, ""), self)
            unit.setMaxLength(20)
            unit.setAccessibleName(self.tr("%1 unit").replace("%1", test))
            # A mnemonic on the first test's name, so Alt+V reaches the first value.
            label = QLabel(("&" if row == 1 else "") + test, self)
            label.setBuddy(value)
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(unit, row, 2)
            self.value_edits[test] = value
            self.unit_edits[test] = unit
        next_row = len(draw.tests) + 1
        self.drawn_edit = QDateTimeEdit(self)
        self.drawn_edit.setDisplayFormat(dates.date_time_edit_format())
        local = draw.drawn_at
        self.drawn_edit.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )
        drawn_label = QLabel(self.tr("&Drawn at:"), self)
        drawn_label.setBuddy(self.drawn_edit)
        grid.addWidget(drawn_label, next_row, 0)
        grid.addWidget(self.drawn_edit, next_row, 1, 1, 2)
        self.weight_edit = QLineEdit(self)
        self.weight_edit.setMaxLength(10)
        self.weight_edit.setPlaceholderText(self.tr("kg, at this visit (for the clearance)"))
        weight_label = QLabel(self.tr("Patient's &weight (kg):"), self)
        weight_label.setBuddy(self.weight_edit)
        grid.addWidget(weight_label, next_row + 1, 0)
        grid.addWidget(self.weight_edit, next_row + 1, 1, 1, 2)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("fieldError")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save results"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(grid)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        if draw.tests:
            self.value_edits[draw.tests[0]].setFocus()

    def set_values(self, values: Mapping[str, str]) -> None:
        """Type values into the test rows (tests and screenshots)."""
        for test, value in values.items():
            self.value_edits[test].setText(value)

    def _show_error(self, error: ClinicError) -> None:
        explanation = wording.explain_error(error)
        self.error_label.setText(f"{explanation.headline}: {explanation.detail}")
        self.error_label.show()

    def entries(self) -> list[ResultEntry]:
        """The typed results (tests left empty are not recorded)."""
        return [
            ResultEntry(test, edit.text().strip(), self.unit_edits[test].text().strip())
            for test, edit in self.value_edits.items()
            if edit.text().strip()
        ]

    def drawn_at(self) -> str:
        """The drawn-at moment as the service reads it (local ``YYYY-MM-DDTHH:MM``)."""
        return self.drawn_edit.dateTime().toString("yyyy-MM-ddTHH:mm")

    def save(self) -> ResultsOutcome | None:
        """Record the weight (if typed) and the results; a refusal stays on screen."""
        self.error_label.hide()
        entries = self.entries()
        weight = self.weight_edit.text().strip()
        if not entries and not weight:
            self.error_label.setText(self.tr("Type at least one value, or the weight."))
            self.error_label.show()
            return None
        drawn_day = self.drawn_edit.date().toPython()
        assert isinstance(drawn_day, date)
        weighed: ResultsOutcome | None = None
        try:
            if weight:
                weighed = self.services.lab_results.record_weight(
                    self.actor, self.draw.mrn, weight, on=drawn_day
                )
                self.weight_notices = weighed.stopped_sessions
                self.weight_edit.setReadOnly(True)  # saved: a second save would replace it
            if entries:
                self.outcome = self.services.lab_results.record_results(
                    self.actor, self.draw.lab_id, entries, drawn_at=self.drawn_at()
                )
            else:
                self.outcome = weighed
        except ClinicError as error:
            self._show_error(error)
            return None
        self.accept()
        return self.outcome

    def notices(self) -> tuple[SessionNotice, ...]:
        """Every booked session the saved weight and results now stop."""
        results = self.outcome.stopped_sessions if self.outcome is not None else ()
        return merge_notices(self.weight_notices, results)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        services: Services,
        actor: Actor,
        draw: DrawToRecord,
        units: Mapping[str, str],
    ) -> tuple[ResultsOutcome, tuple[SessionNotice, ...]] | None:
        """Show the dialog modally: what was saved and the sessions it stops, or None."""
        dialog = cls(services, actor, draw, units, parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.outcome is not None:
                return dialog.outcome, dialog.notices()
            return None
        finally:
            dialog.deleteLater()
