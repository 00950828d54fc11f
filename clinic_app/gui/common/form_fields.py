"""Form pieces the login, user and audit screens share: plain and error labels, password fields.

Labels never interpret their text as HTML (they may quote user input); an error label is
hidden until :func:`show_error` gives it a message.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget


def plain_label(text: str = "", parent: QWidget | None = None, *, name: str = "") -> QLabel:
    """A word-wrapped label that never interprets its text as HTML (it may quote user input)."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def error_label(parent: QWidget | None = None) -> QLabel:
    """A hidden red message label (``fieldError`` in the stylesheet); see :func:`show_error`."""
    label = plain_label("", parent, name="fieldError")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    """Show ``text`` in ``label`` (hide it when ``text`` is empty); screen readers hear it."""
    label.setText(text)
    label.setAccessibleDescription(text)
    label.setVisible(bool(text))


def password_field(parent: QWidget | None = None, *, name: str = "password") -> QLineEdit:
    """A password field: echo off, no copying out, no input method history."""
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setInputMethodHints(
        Qt.InputMethodHint.ImhHiddenText
        | Qt.InputMethodHint.ImhSensitiveData
        | Qt.InputMethodHint.ImhNoPredictiveText
    )
    field.setMaxLength(1024)
    return field
