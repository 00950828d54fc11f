"""Correcting or withdrawing a recorded outside exposure (from the patient view).

Both dialogs call the setup service themselves when the user confirms, so a refusal is shown
next to the field the service names (``InvalidInputError.field``) and the dialog stays open.
The service re-checks the patient's booked sessions after either change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.bootstrap import Services
from clinic_app.domain.errors import ClinicError, InvalidInputError
from clinic_app.domain.exposure import is_oral_bisphosphonate
from clinic_app.gui import wording
from clinic_app.gui.common.dates import short_date
from clinic_app.services.actor import Actor
from clinic_app.services.results import ExposureView

# Which error label shows a service error about each field.
EDIT_FIELDS = {"date": "date", "last-dose": "date", "ongoing-since": "date", "where": "where"}


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.hide()
    return label


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExposureDialogs", text)


def when_text(exposure: ExposureView) -> str:
    """ "last dose 2026-10-01", "ongoing since 2024-05-01", or "last dose unknown" (never
    blank: an injected drug whose date is not known says so)."""
    if exposure.last_dose_unknown:
        if exposure.unconfirmed_date is not None:
            return _tr("last dose unknown (recorded as %1, unconfirmed)").replace(
                "%1", short_date(exposure.unconfirmed_date)
            )
        return _tr("last dose unknown")
    if exposure.last_dose_date is not None:
        return _tr("last dose %1").replace("%1", short_date(exposure.last_dose_date))
    if exposure.ongoing_since is not None:
        return _tr("ongoing since %1").replace("%1", short_date(exposure.ongoing_since))
    return ""


def _describe(exposure: ExposureView) -> str:
    if exposure.last_dose_unknown:
        when = when_text(exposure)
    elif exposure.last_dose_date is not None:
        when = _tr("last dose %1").replace("%1", short_date(exposure.last_dose_date))
    elif exposure.ongoing_since is not None:
        when = _tr("ongoing since %1").replace("%1", short_date(exposure.ongoing_since))
    else:
        when = ""
    return ", ".join(part for part in (exposure.drug_name, when, exposure.where_given) if part)


class EditExposureDialog(QDialog):
    """Change an exposure's last dose / ongoing-since date and where it was given."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        exposure: ExposureView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.exposure = exposure
        self.result_view: ExposureView | None = None
        self.setWindowTitle(self.tr("Edit exposure"))
        summary = QLabel(_describe(exposure), self)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        self.last_dose_radio = QRadioButton(self.tr("&Last dose on"), self)
        self.ongoing_radio = QRadioButton(self.tr("&Ongoing since"), self)
        self._kind = QButtonGroup(self)
        self._kind.addButton(self.last_dose_radio)
        self._kind.addButton(self.ongoing_radio)
        self.date_edit = QLineEdit(self)
        self.date_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.date_edit.setMaxLength(10)
        # "Ongoing since" is for oral bisphosphonates only (section 7; the service refuses it
        # for injected drugs): offer it only where it applies.
        catalog = services.ctx.catalog
        therapy = catalog.get(exposure.drug) if exposure.drug in catalog else None
        self.ongoing_radio.setEnabled(therapy is not None and is_oral_bisphosphonate(therapy))
        if exposure.last_dose_unknown:
            self.date_edit.setPlaceholderText(self.tr("last dose unknown: type the date if known"))
        if exposure.ongoing_since is not None:
            self.ongoing_radio.setChecked(True)
            self.date_edit.setText(exposure.ongoing_since.isoformat())
        else:
            self.last_dose_radio.setChecked(True)
            if exposure.last_dose_date is not None:
                self.date_edit.setText(exposure.last_dose_date.isoformat())
        self.where_edit = QLineEdit(exposure.where_given, self)
        self.where_edit.setMaxLength(200)
        self.errors = {name: _error_label(self) for name in ("date", "where")}
        self.general_error = _error_label(self)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.last_dose_radio)
        kind_row.addWidget(self.ongoing_radio)
        kind_row.addWidget(self.date_edit, 1)
        where_label = QLabel(self.tr("&Where given:"), self)
        where_label.setBuddy(self.where_edit)
        form = QGridLayout()
        form.addLayout(kind_row, 0, 1)
        form.addWidget(self.errors["date"], 1, 1)
        form.addWidget(where_label, 2, 0)
        form.addWidget(self.where_edit, 2, 1)
        form.addWidget(self.errors["where"], 3, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.date_edit.setFocus()

    def save(self) -> ExposureView | None:
        """Save through the service; on a refusal show it next to its field and stay open."""
        for label in [*self.errors.values(), self.general_error]:
            label.hide()
        when = self.date_edit.text().strip()
        ongoing = self.ongoing_radio.isChecked()
        try:
            view = self.services.setup.update_exposure(
                self.actor,
                self.exposure.id,
                last_dose=None if ongoing else when,
                ongoing_since=when if ongoing else None,
                where=self.where_edit.text(),
            )
        except InvalidInputError as error:
            target = EDIT_FIELDS.get(error.field)
            label = self.errors[target] if target else self.general_error
            label.setText(wording.explain_error(error).detail)
            label.show()
            return None
        except ClinicError as error:
            explanation = wording.explain_error(error)
            self.general_error.setText(f"{explanation.headline}: {explanation.detail}")
            self.general_error.show()
            return None
        self.result_view = view
        self.accept()
        return view

    @classmethod
    def ask(
        cls, parent: QWidget | None, services: Services, actor: Actor, exposure: ExposureView
    ) -> ExposureView | None:
        """Show the dialog modally; the corrected exposure, or None when cancelled."""
        dialog = cls(services, actor, exposure, parent)
        try:
            return dialog.result_view if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class RemoveExposureDialog(QDialog):
    """Withdraw an exposure recorded in error, with the reason (kept in the audit trail)."""

    def __init__(
        self,
        services: Services,
        actor: Actor,
        exposure: ExposureView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.actor = actor
        self.exposure = exposure
        self.removed = False
        self.setWindowTitle(self.tr("Remove exposure"))
        summary = QLabel(
            self.tr("Remove %1? It stays in the audit trail with the reason.").replace(
                "%1", _describe(exposure)
            ),
            self,
        )
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setPlaceholderText(self.tr("e.g. recorded for the wrong patient"))
        reason_label = QLabel(self.tr("&Reason:"), self)
        reason_label.setBuddy(self.reason_edit)
        self.reason_error = _error_label(self)
        self.general_error = _error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.remove_button = buttons.addButton(
            self.tr("Re&move"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.remove)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.reason_error)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.reason_edit.setFocus()

    def remove(self) -> bool:
        """Remove through the service; a refusal is shown under the reason (or below)."""
        self.reason_error.hide()
        self.general_error.hide()
        try:
            self.services.setup.remove_exposure(
                self.actor, self.exposure.id, self.reason_edit.text()
            )
        except InvalidInputError as error:
            label = self.reason_error if error.field == "reason" else self.general_error
            label.setText(wording.explain_error(error).detail)
            label.show()
            return False
        except ClinicError as error:
            explanation = wording.explain_error(error)
            self.general_error.setText(f"{explanation.headline}: {explanation.detail}")
            self.general_error.show()
            return False
        self.removed = True
        self.accept()
        return True

    @classmethod
    def ask(
        cls, parent: QWidget | None, services: Services, actor: Actor, exposure: ExposureView
    ) -> bool:
        """Show the dialog modally; True when the exposure was removed."""
        dialog = cls(services, actor, exposure, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted and dialog.removed
        finally:
            dialog.deleteLater()
