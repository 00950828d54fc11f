"""The language of the GUI: which one to use, and the Qt translators that provide it.

The choice, first match wins: the ``CLINIC_APP_LANG`` environment variable, the setting
``ui/language`` (View > Language), the system locale (``QLocale.system()``). A language
without a translation file falls back to English, the language of the source.

The translations are ``resources/translations/clinic_app_<lang>.qm`` (compiled from the
committed ``.ts`` by ``tools/update_translations.py``) plus Qt's own ``qtbase_<lang>.qm``
(standard buttons, dialogs) when PySide6 ships it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from clinic_app.resource_files import resource_path

LANGUAGE_KEY = "ui/language"
LANGUAGE_ENV = "CLINIC_APP_LANG"
SOURCE_LANGUAGE = "en"
#: The languages the GUI can show, each in its own words (for the menu).
LANGUAGE_NAMES = {"en": "English", "de": "Deutsch"}


def translation_file(language: str) -> str:
    """The path of the compiled translation of ``language``, as a string for Qt."""
    return str(resource_path("translations", f"clinic_app_{language}.qm"))


def available_languages() -> list[str]:
    """English plus every language with a compiled translation file."""
    found = [
        language
        for language in LANGUAGE_NAMES
        if language != SOURCE_LANGUAGE
        and resource_path("translations", f"clinic_app_{language}.qm").is_file()
    ]
    return [SOURCE_LANGUAGE, *found]


def _normalise(code: str) -> str:
    """``de_DE.UTF-8`` or ``de-AT`` -> ``de``."""
    return code.strip().replace("-", "_").split(".")[0].split("_")[0].lower()


def choose_language(
    settings: QSettings | None,
    environ: Mapping[str, str] | None = None,
    system_locale: QLocale | None = None,
) -> str:
    """The language code to show the GUI in (``"en"`` when nothing better is available)."""
    environ = os.environ if environ is None else environ
    available = available_languages()
    candidates: list[str] = []
    if environ.get(LANGUAGE_ENV):
        candidates.append(environ[LANGUAGE_ENV])
    if settings is not None:
        stored = settings.value(LANGUAGE_KEY)
        if isinstance(stored, str) and stored:
            candidates.append(stored)
    candidates.append((system_locale or QLocale.system()).name())
    for candidate in candidates:
        language = _normalise(candidate)
        if language in available:
            return language
    return SOURCE_LANGUAGE


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for ``language`` on ``app`` (none for English).

    The translators are children of ``app``, so they live as long as it does. Returns the
    ones installed.
    """
    if language == SOURCE_LANGUAGE:
        return []
    QLocale.setDefault(ui_locale(language))
    installed: list[QTranslator] = []
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    ours = QTranslator(app)
    if ours.load(translation_file(language)):
        app.installTranslator(ours)
        installed.append(ours)
    return installed


def ui_locale(language: str, system_locale: QLocale | None = None) -> QLocale:
    """The locale dates and numbers are written in for UI ``language``: the system's when it
    speaks that language (an Austrian PC keeps "Jänner"), else the language's own, so a German
    UI on an English PC names its days and months in German, in the text and in the date
    pickers' calendars alike (gui/common/dates.py reads the default locale)."""
    system = system_locale or QLocale.system()
    wanted = QLocale(language)
    return system if system.language() == wanted.language() else wanted


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo :func:`install_translators` (tests switch back to English)."""
    QLocale.setDefault(QLocale.system())
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
