"""Translations: every message translated into German, placeholders kept, German on screen.

When a test here fails after a GUI text changed, run ``python tools/update_translations.py``,
translate the messages it reports as unfinished in
``resources/translations/clinic_app_de.ts`` (Qt Linguist, or the XML by hand: fill the
``<translation>`` and drop ``type="unfinished"``), then run the script again to rebuild the
``.qm``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QDateEdit, QLabel, QWidget
from pytestqt.qtbot import QtBot

from clinic_app.bootstrap import Services
from clinic_app.gui.booking.booking_dialog import BookingDialog
from clinic_app.gui.common.dates import date_edit_format, long_date
from clinic_app.gui.main_window import MainWindow
from clinic_app.gui.resources import IconSet
from clinic_app.gui.tasks import TaskRunner
from clinic_app.gui.translations import (
    LANGUAGE_KEY,
    available_languages,
    choose_language,
    install_translators,
    remove_translators,
    translation_file,
    ui_locale,
)
from tests.conftest import NURSE

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
GERMAN_TS = TRANSLATIONS / "clinic_app_de.ts"
sys.path.insert(0, str(ROOT / "tools"))
import update_translations  # noqa: E402

PLACEHOLDER = re.compile(r"%n|%\d|\{\w*\}")


def committed(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element of a committed .ts file."""
    result: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(ts_file).getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            assert translation is not None
            result[(name, message.findtext("source") or "")] = translation
    return result


@pytest.fixture(scope="module")
def extracted() -> list[update_translations.Message]:
    """The messages of the source as they are today (pyside6-lupdate, contexts fixed up)."""
    return update_translations.extract_messages()


def test_every_message_in_the_source_has_a_finished_german_translation(
    extracted: list[update_translations.Message],
) -> None:
    german = committed(GERMAN_TS)
    missing = [
        f"{m.context}: {m.source!r}"
        for m in extracted
        if (m.context, m.source) not in german
        or german[(m.context, m.source)].get("type") is not None
        or not german[(m.context, m.source)].text
    ]
    assert not missing, (
        f"{len(missing)} message(s) without a German translation; run "
        "tools/update_translations.py and translate them in clinic_app_de.ts:\n"
        + "\n".join(missing[:40])
    )


def test_extraction_sees_every_module_level_tr_helper(
    extracted: list[update_translations.Message],
) -> None:
    # A module-level tr(text) helper translates in its CONTEXT: lupdate alone files those
    # under the class name or the empty context, where the run-time lookup never finds them.
    contexts = {m.context for m in extracted}
    assert "" not in contexts
    assert {"MainWindow", "Wording", "ClinicSettings", "UserAdmin", "Startup"} <= contexts
    assert len(extracted) > 900


def _literal_texts() -> set[str]:
    """The English text of every tr/_tr/translate/QT_TRANSLATE_NOOP call with a literal."""
    import ast

    texts: set[str] = set()
    for path in (ROOT / "clinic_app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name not in ("tr", "_tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"):
                continue
            text_arg = node.args[1] if len(node.args) >= 2 else node.args[0]  # (context, text)
            if isinstance(text_arg, ast.Constant) and isinstance(text_arg.value, str):
                texts.add(text_arg.value)
    return texts


def test_lupdate_extracts_every_literal_text(
    extracted: list[update_translations.Message],
) -> None:
    # A text lupdate cannot see (a variable context, a call inside an f-string) is never
    # translated: hoist it into a plain call with literal arguments.
    unseen = _literal_texts() - {m.source for m in extracted}
    assert not unseen, sorted(unseen)


def test_the_compiled_files_are_up_to_date() -> None:
    # --check rebuilds the .ts and .qm in a temporary folder and compares them byte for byte.
    run = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_every_translation_keeps_the_placeholders_and_one_mnemonic() -> None:
    problems = []
    for (context, source), translation in committed(GERMAN_TS).items():
        text = translation.text or ""
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: {source!r} -> {text!r} (placeholders)")
        if source.replace("&&", "").count("&") != text.replace("&&", "").count("&"):
            problems.append(f"{context}: {source!r} -> {text!r} (mnemonic)")
    assert not problems, "\n".join(problems)


def test_the_language_comes_from_the_variable_then_the_setting_then_the_system(
    tmp_path: Path,
) -> None:
    assert available_languages() == ["en", "de"]
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    german_pc = QLocale(QLocale.Language.German, QLocale.Country.Austria)
    english_pc = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert choose_language(settings, {}, german_pc) == "de"
    assert choose_language(settings, {}, english_pc) == "en"
    # A system language without a translation falls back to English.
    assert choose_language(settings, {}, QLocale(QLocale.Language.Japanese)) == "en"
    settings.setValue(LANGUAGE_KEY, "en")
    assert choose_language(settings, {}, german_pc) == "en"
    settings.setValue(LANGUAGE_KEY, "de")
    assert choose_language(settings, {}, english_pc) == "de"
    assert choose_language(settings, {"CLINIC_APP_LANG": "en_GB.UTF-8"}, german_pc) == "en"
    assert choose_language(None, {"CLINIC_APP_LANG": "de-CH"}, english_pc) == "de"
    assert choose_language(None, {"CLINIC_APP_LANG": "xx"}, english_pc) == "en"


def test_english_installs_no_translator(qapp: QApplication) -> None:
    assert install_translators(qapp, "en") == []
    assert QTranslator().load(translation_file("de"))


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """The German translators installed for one test, English again afterwards."""
    installed = install_translators(qapp, "de")
    assert len(installed) == 2  # Qt's own qtbase_de and ours
    yield
    remove_translators(qapp, installed)


def test_the_main_window_speaks_german(
    german: None,
    qtbot: QtBot,
    clinic: Services,
    runner: TaskRunner,
    icons: IconSet,
    tmp_path: Path,
) -> None:
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(clinic, NURSE, settings=settings, runner=runner, icons=icons)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.day_loaded, timeout=10_000):
        window.show()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[:4] == ["&Datei", "&Ansicht", "&Sitzung", "&Patient"]
    assert "&Hilfe" in menus
    assert window.today_action.text() == "&Heute"
    # German is longer: the window still fits a 1366-pixel clinic PC (measured 1324).
    assert window.minimumSizeHint().width() <= 1366
    view_menu = window.menuBar().actions()[1].menu()
    assert view_menu is not None
    language_menu = view_menu.findChild(type(view_menu), "languageMenu")
    assert language_menu is not None and language_menu.title() == "&Sprache"
    # Choosing English is stored for the next start.
    english = next(a for a in language_menu.actions() if a.data() == "en")
    english.trigger()
    assert settings.value(LANGUAGE_KEY) == "en"
    assert "nächsten Start" in window.statusBar().currentMessage()
    runner.wait(10_000)


def test_the_booking_dialog_speaks_german(
    german: None, qtbot: QtBot, clinic: Services, runner: TaskRunner, icons: IconSet
) -> None:
    dialog = BookingDialog(clinic, NURSE, runner, icons, None)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Therapie:", "&Datum und Uhrzeit:", "St&uhl:", "&Verordner:"} <= texts
    assert dialog.windowTitle() == "Neue Buchung"
    assert dialog.find_button.text() == "Nächste &freie Termine suchen (Strg+F)"
    runner.wait(10_000)


def test_german_dates_on_an_english_pc(german: None, qtbot: QtBot) -> None:
    """Day and month names follow the UI language, in text and in the pickers' calendars."""
    assert long_date(date(2026, 12, 2)) == "Mittwoch, 2. Dezember 2026"
    picker = QDateEdit(QDate(2026, 12, 2))
    qtbot.addWidget(picker)
    picker.setDisplayFormat(date_edit_format())
    picker.setCalendarPopup(True)
    assert picker.text().startswith("Mi")
    calendar = picker.calendarWidget()
    assert calendar is not None and calendar.locale().language() == QLocale.Language.German


def test_the_ui_locale_keeps_the_systems_country_for_its_language() -> None:
    austria, england = QLocale("de_AT"), QLocale("en_GB")
    assert ui_locale("de", austria).name() == "de_AT"
    assert ui_locale("de", england).language() == QLocale.Language.German
    assert ui_locale("en", england).name() == "en_GB"


def mnemonic(text: str) -> str | None:
    """The letter after a single '&' (``&&`` is a literal ampersand), lower case."""
    match = re.search(r"(?<!&)&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def clashes(texts: list[str]) -> list[str]:
    """The texts whose mnemonic letter another text already uses."""
    seen: dict[str, str] = {}
    found = []
    for text in texts:
        letter = mnemonic(text)
        if letter is None:
            continue
        if letter in seen:
            found.append(f"{seen[letter]!r} / {text!r}")
        seen.setdefault(letter, text)
    return found


def window_clashes(
    qtbot: QtBot,
    clinic: Services,
    runner: TaskRunner,
    icons: IconSet,
    tmp_path: Path,
) -> list[str]:
    """Mnemonic clashes in each menu of a new main window and in a new booking dialog."""
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(clinic, NURSE, settings=settings, runner=runner, icons=icons)
    qtbot.addWidget(window)
    problems = clashes([a.text() for a in window.menuBar().actions()])
    for top in window.menuBar().actions():
        menu = top.menu()
        assert menu is not None
        for sub in [menu, *menu.findChildren(type(menu))]:
            problems += clashes([a.text() for a in sub.actions() if not a.isSeparator()])
    dialog = BookingDialog(clinic, NURSE, runner, icons, None)
    qtbot.addWidget(dialog)
    widgets = [w for w in dialog.findChildren(QWidget) if not w.isHidden()]
    problems += clashes([w.text() for w in widgets if isinstance(w, QLabel | QAbstractButton)])
    runner.wait(10_000)
    return problems


def test_german_adds_no_mnemonic_clash(
    qapp: QApplication,
    qtbot: QtBot,
    clinic: Services,
    runner: TaskRunner,
    icons: IconSet,
    tmp_path: Path,
) -> None:
    # Two entries of one menu or dialog on the same Alt+letter make the key cycle between
    # them. The English has a few (the booking form and its inline new-patient form); the
    # German must not have more.
    english = window_clashes(qtbot, clinic, runner, icons, tmp_path)
    installed = install_translators(qapp, "de")
    try:
        german = window_clashes(qtbot, clinic, runner, icons, tmp_path)
    finally:
        remove_translators(qapp, installed)
    assert len(german) <= len(english), f"German: {german}\nEnglish: {english}"
