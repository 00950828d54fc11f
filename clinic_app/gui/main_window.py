"""The main window (the day grid and dialogs arrive with the front-desk GUI)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from clinic_app.bootstrap import Services


class MainWindow(QMainWindow):
    """The application's main window."""

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.setWindowTitle(self.tr("clinic_app - %1").replace("%1", services.setup.clinic_name()))
        self.setCentralWidget(QLabel(self.tr("Clinic schedule")))
        self.resize(1280, 800)
