"""The daily list's nurse tools (issue 14): hand a patient to a nurse, "my patients", the
list printed by nurse.

Kept out of ``daily_list_window`` so that window only builds and places them:

* the nurse panel beside the table (``nurse_panel.NursePanel``): drop a session row on a
  nurse, or "Reassign to nurse..." (Ctrl+Shift+N, context menu) with a nurse picker, both
  through ``StaffingService.reassign``; a refusal shows the service's message and the list
  is read again unchanged. Users without ``Permission.ASSIGN_NURSES`` see both disabled.
* "My patients" (Ctrl+Shift+M, nurses only): the nurse filter set to the logged-in nurse.
  A user account is not linked to a nurse of the rota, so the first use asks which nurse
  she is (from the day's rota) and the window remembers it.
* "Print by nurse..." (Ctrl+Shift+B: preview, then print) and "Save by nurse as PDF..."
  (Ctrl+Shift+D): one page per nurse, then the unassigned (``exports.nurse_list_print``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QMenu, QToolButton

from clinic_app.domain.errors import ClinicError
from clinic_app.exports.nurse_list_print import render_nurse_list, write_nurse_list_pdf
from clinic_app.exports.pdf_export import page_layout
from clinic_app.gui.common.export_dialog import show_error
from clinic_app.gui.common.save_pdf import save_pdf
from clinic_app.gui.daily_list.daily_list_model import DailyListModel
from clinic_app.gui.daily_list.nurse_panel import NursePanel, NursePickerDialog
from clinic_app.services.actor import Permission, Role
from clinic_app.services.staffing import DayAssignmentView

if TYPE_CHECKING:
    from clinic_app.gui.daily_list.daily_list_window import DailyListWindow

CONFIRMATION_MS = 15_000


class NurseTools(QObject):
    """The nurse panel and the nurse actions of one daily list window."""

    def __init__(self, window: DailyListWindow) -> None:
        super().__init__(window)
        self.window = window
        self.may_assign = window.actor.can(Permission.ASSIGN_NURSES)
        # The rota's nurse the logged-in nurse said she is (no account-to-rota link exists).
        self.me: str | None = None
        self.panel = NursePanel()
        self.panel.model.session_dropped.connect(self.reassign)

        self.reassign_action = QAction(self.tr("Reassi&gn to nurse..."), window)
        self.reassign_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.reassign_action.setToolTip(
            self.tr("Hand the selected patient to another nurse (Ctrl+Shift+N)")
        )
        self.reassign_action.triggered.connect(lambda: self.reassign_selected())
        self.mine_action = QAction(self.tr("&My patients"), window)
        self.mine_action.setCheckable(True)
        self.mine_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.mine_action.setToolTip(self.tr("Show only my patients today (Ctrl+Shift+M)"))
        self.mine_action.setVisible(window.actor.role is Role.NURSE)
        self.mine_action.toggled.connect(self.show_mine)
        self.print_action = QAction(self.tr("Print b&y nurse..."), window)
        self.print_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.print_action.setToolTip(
            self.tr("One page per nurse with her patients, then the unassigned (Ctrl+Shift+B)")
        )
        self.print_action.triggered.connect(lambda: self.print_preview())
        self.pdf_action = QAction(self.tr("Save by nurse as PD&F..."), window)
        self.pdf_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.pdf_action.triggered.connect(lambda: self.save_pdf())
        for action in (self.reassign_action, self.mine_action, self.print_action, self.pdf_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)
        # One toolbar button for both ways out by nurse (the print row must fit 1366 px).
        self.print_button = QToolButton()
        self.print_button.setObjectName("printByNurse")
        self.print_button.setDefaultAction(self.print_action)
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        menu = QMenu(self.print_button)
        menu.addAction(self.print_action)
        menu.addAction(self.pdf_action)
        self.print_button.setMenu(menu)

    # ------------------------------------------------------------------ state

    def assignment(self) -> DayAssignmentView | None:
        """The day's assignment the window shows."""
        return self.window.assignment

    def nurses(self) -> list[str]:
        """The day's nurses (none on a day without a rota)."""
        assignment = self.assignment()
        if assignment is None or not assignment.nurse_checked:
            return []
        return [n.nurse for n in assignment.nurses]

    def set_assignment(self, assignment: DayAssignmentView | None) -> None:
        """The window read the day's assignment: the panel and the actions follow."""
        self.panel.set_assignment(assignment, may_assign=self.may_assign)
        self.window.model.set_draggable(self.may_assign and bool(self.nurses()))
        table = self.window.table
        table.setDragEnabled(self.may_assign)
        self.mine_action.setEnabled(bool(self.nurses()))
        self.update_actions()

    def update_actions(self) -> None:
        """Enable "Reassign" for a session a nurse looks after, on a day with a rota."""
        view = self.window.selected_session()
        self.reassign_action.setEnabled(
            self.may_assign
            and bool(self.nurses())
            and view is not None
            and DailyListModel.needs_nurse(view)
        )
        # The filter chosen some other way is no longer "my patients".
        mine = self.me is not None and self.window.chosen_nurse() == self.me
        if self.mine_action.isChecked() != mine:
            self.mine_action.blockSignals(True)
            self.mine_action.setChecked(mine)
            self.mine_action.blockSignals(False)

    # ------------------------------------------------------------------ reassigning

    def reassign_selected(self) -> bool:
        """Ask which nurse takes the selected session, then hand it to her."""
        view = self.window.selected_session()
        if not self.reassign_action.isEnabled() or view is None or view.id is None:
            return False
        assignment = self.assignment()
        current = (
            next((s.nurse for s in assignment.sessions if s.session_id == view.id), None)
            if assignment is not None
            else None
        )
        nurse = NursePickerDialog.ask(
            self.window,
            self.tr("Reassign to nurse"),
            self.tr("Which nurse looks after %1 (%2, %3)?")
            .replace("%1", view.patient_name)
            .replace("%2", f"{view.start:%H:%M}")
            .replace("%3", view.chair),
            self.nurses(),
            current,
        )
        if nurse is None:
            return False
        return self.reassign(view.id, nurse)

    def reassign(self, session_id: int, nurse: str) -> bool:
        """``nurse`` looks after the session (``StaffingService.reassign``); True when saved.
        A refusal shows the service's message; the list is read again either way."""
        window = self.window
        if not self.may_assign:
            return False
        try:
            saved = window.services.staffing.reassign(window.actor, session_id, nurse)
        except ClinicError as error:
            show_error(window, self.tr("Nurse not changed"), str(error))
            window.refresh()
            return False
        window.refresh()
        window.select_session(session_id)
        if saved.nurse == nurse:
            message = (
                self.tr("%1 is now looked after by %2")
                .replace("%1", saved.patient_name)
                .replace("%2", nurse)
            )
        else:
            # Stored, but she is not free for most of it: the day's plan keeps another nurse.
            message = (
                self.tr("%1 is not free for most of %2's session; %3 keeps it")
                .replace("%1", nurse)
                .replace("%2", saved.patient_name)
                .replace("%3", saved.nurse or self.tr("no nurse"))
            )
        window.statusBar().showMessage(message, CONFIRMATION_MS)
        return True

    # ------------------------------------------------------------------ my patients

    def show_mine(self, on: bool) -> None:
        """Filter the list to the logged-in nurse's patients (asking once who she is)."""
        window = self.window
        if not on:
            if self.me is not None and window.chosen_nurse() == self.me:
                window.nurse_filter.setCurrentIndex(0)
            return
        nurses = self.nurses()
        if not nurses:  # no rota that day: nobody's patients to show
            self.update_actions()
            return
        if self.me not in nurses:
            self.me = NursePickerDialog.ask(
                window,
                self.tr("My patients"),
                self.tr("Which nurse of today's rota are you?"),
                nurses,
                self.me,
            )
        if self.me is None or self.me not in nurses:
            self.me = None
            self.update_actions()
            return
        try:
            mine = window.services.staffing.my_patients(window.actor, self.me, window.day())
        except ClinicError as error:
            show_error(window, self.tr("My patients"), str(error))
            self.update_actions()
            return
        window.nurse_filter.setCurrentIndex(window.nurse_filter.findData(self.me))
        window.statusBar().showMessage(
            self.tr("Patients of %1 today: %2")
            .replace("%1", self.me)
            .replace("%2", str(len(mine))),
            CONFIRMATION_MS,
        )

    # ------------------------------------------------------------------ printing

    def _printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(self.window.page_size.currentData(), landscape=True))
        printer.setDocName(
            self.tr("Daily list by nurse %1").replace("%1", self.window.day().isoformat())
        )
        return printer

    def paint_on(self, printer: QPrinter) -> int:
        """Paint the list by nurse on ``printer`` (preview or paper); returns the pages."""
        window = self.window
        return render_nurse_list(
            printer,
            window.day_list,
            self._assignment_or_empty(),
            clinic_name=window.clinic_name,
            printed_at=window.services.ctx.clock(),
        )

    def print_preview(self) -> None:
        """The print preview of the list by nurse (printing from there)."""
        preview = QPrintPreviewDialog(self._printer(), self.window)
        preview.setWindowTitle(self.tr("Print preview - daily list by nurse"))
        preview.paintRequested.connect(self.paint_on)
        preview.resize(1100, 760)
        preview.exec()

    def save_pdf(self, path: Path | None = None) -> Path | None:
        """Save the list by nurse as a PDF (asks where unless ``path`` is given)."""
        window = self.window
        day_list, assignment = window.day_list, self._assignment_or_empty()
        page_size, clock = window.page_size.currentData(), window.services.ctx.clock
        return save_pdf(
            window,
            title=self.tr("Save daily list by nurse as PDF"),
            suggested_name=f"daily-list-by-nurse-{window.day().isoformat()}.pdf",
            write=lambda target: write_nurse_list_pdf(
                day_list,
                assignment,
                target,
                clinic_name=window.clinic_name,
                printed_at=clock(),
                page_size=page_size,
            ),
            path=path,
        )

    def _assignment_or_empty(self) -> DayAssignmentView:
        assignment = self.assignment()
        if assignment is not None and assignment.day == self.window.day():
            return assignment
        # Not read (the service refused): everyone is unassigned, as on a day without a rota.
        return DayAssignmentView(self.window.day(), False, "", (), (), 0, ())
