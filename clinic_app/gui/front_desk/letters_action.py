"""Saving the letters of an IV iron session from the GUI: the letter to the outside
prescriber and the patient sheet (``clinic_app.exports.letters``), as two PDFs in a folder.

The folder is asked with :class:`LettersFolderDialog` (``ask`` is what tests replace); the
files are written off the GUI thread by the same ``LetterService.write_letters`` the CLI uses,
so the role check, the refusals (not iron, no outside antiresorptive) and the audit entry are
the service's. The answer comes back as words for the window's banner.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from clinic_app.bootstrap import Services
from clinic_app.domain.clinic_dates import clinic_date
from clinic_app.gui import wording
from clinic_app.gui.tasks import TaskRunner
from clinic_app.services.actor import Actor
from clinic_app.services.letters import LetterFiles
from clinic_app.services.results import SessionView

Report = Callable[[str, str, str], None]  # (level, headline, detail) for the banner


def tr(text: str) -> str:
    """Translate in the ``Letters`` context."""
    return QCoreApplication.translate("Letters", text)


class LettersFolderDialog:
    """Asks where to save the letters (the modal part, replaced in tests)."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> Path | None:
        """The chosen folder, or None when the user cancelled."""
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen = QFileDialog.getExistingDirectory(
            parent, tr("Save the letters in which folder?"), start
        )
        return Path(chosen) if chosen else None


def save_letters(
    parent: QWidget,
    services: Services,
    actor: Actor,
    runner: TaskRunner,
    session: SessionView,
    report: Report,
    done: Callable[[LetterFiles | None], None] | None = None,
) -> None:
    """Ask for a folder and write the letters of ``session`` there; ``report`` says how it went.

    ``done`` is called with the files (or None when nothing was written) once it is over.
    """
    if session.id is None:
        return
    folder = LettersFolderDialog.ask(parent)
    if folder is None:
        if done is not None:
            done(None)
        return
    session_id, letters = session.id, services.letters

    def finished(files: LetterFiles) -> None:
        before = clinic_date(files.data.no_antiresorptive_before)
        detail = [
            tr("Letter to the outside prescriber: %1").replace("%1", str(files.prescriber_letter)),
            tr("Patient sheet: %1").replace("%1", str(files.patient_sheet)),
            tr("No antiresorptive before %1 without calcium and phosphate.").replace("%1", before),
        ]
        if not files.data.clinic_phone:
            detail.append(
                tr(
                    "The clinic has no phone number yet, so the sheet names the clinic only; "
                    "an administrator can add it."
                )
            )
        report(
            "ok",
            tr("Letters saved for %1 (%2)")
            .replace("%1", session.patient_name)
            .replace("%2", session.mrn),
            "\n".join(detail),
        )
        if done is not None:
            done(files)

    def failed(error: BaseException) -> None:
        explanation = wording.explain_error(error)
        report(
            "error", tr("No letters: %1").replace("%1", explanation.headline), explanation.detail
        )
        if done is not None:
            done(None)

    runner.run(
        lambda: letters.write_letters(actor, session_id, folder),
        finished,
        failed,
        context=parent,
    )
