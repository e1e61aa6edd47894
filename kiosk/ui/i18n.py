"""User-interface languages: English, Hindi and Telugu through Qt Linguist files.

``resources/translations/kiosk_<lang>.ts`` are the sources translators edit; the compiled
``.qm`` files beside them are what the app loads. ``LanguageManager.set_language`` swaps the
installed ``QTranslator`` at run time and emits ``languageChanged``; Qt also sends every widget a
``LanguageChange`` event, and the main window rebuilds the current mode's screens.

``regenerate()`` (or ``python -m kiosk.ui.i18n``) re-runs ``lupdate`` over ``kiosk/ui``,
``kiosk/tickets`` and the domain modules that mark words (the audit log's sentences), and
``lrelease`` over the result, with the tools that ship inside PySide6.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator, Signal

from kiosk.paths import shipped_dir

LANGUAGES: dict[str, str] = {"en": "English", "hi": "हिन्दी", "te": "తెలుగు"}
LOCALES = {"en": "en_IN", "hi": "hi_IN", "te": "te_IN"}

_REPO_ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS_DIR = shipped_dir("resources") / "translations"
SOURCE_DIRS = (_REPO_ROOT / "kiosk" / "ui", _REPO_ROOT / "kiosk" / "tickets")


def translation_file(language: str, suffix: str = ".qm", directory: Path | None = None) -> Path:
    return (directory or TRANSLATIONS_DIR) / f"kiosk_{language}{suffix}"


class LanguageManager(QObject):
    """Owns the application's translator; one per application (see ``language_manager``)."""

    languageChanged = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._translator: QTranslator | None = None
        self._language = "en"
        self._installed: str | None = None  # what the app's translator currently holds

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> bool:
        """Install ``language``'s translations; returns False (and keeps English) if missing."""
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}; choose one of {sorted(LANGUAGES)}")
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before choosing a language")
        if language == self._installed:
            return True  # re-installing would make every widget retranslate for nothing
        new: QTranslator | None = QTranslator(self)
        ok = new.load(str(translation_file(language)))
        if not ok:
            new = None
            ok = language == "en"  # English works without its (plural-forms-only) file
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator.deleteLater()
        self._translator = new
        if new is not None:
            app.installTranslator(new)
        effective = language if ok else "en"
        self._installed = effective
        QLocale.setDefault(QLocale(LOCALES[effective]))
        changed = effective != self._language
        self._language = effective
        if changed:
            self.languageChanged.emit(effective)
        return ok


_manager: LanguageManager | None = None


def language_manager() -> LanguageManager:
    """The application-wide manager, created on first use and parented to the QApplication."""
    global _manager
    app = QCoreApplication.instance()
    if _manager is None or _manager.parent() is not app:
        _manager = LanguageManager(app)
    return _manager


def install_language(language: str) -> bool:
    """Shorthand for start-up: ``install_language(config.language)``."""
    return language_manager().set_language(language)


def _tool(name: str) -> str:
    """Path of a Qt Linguist tool: the one inside PySide6 first, then PATH."""
    import PySide6

    bundled = Path(PySide6.__file__).parent / name
    if bundled.exists():
        return str(bundled)
    for candidate in (f"pyside6-{name}", name):
        found = shutil.which(candidate)
        if found:
            return found
    raise FileNotFoundError(f"Qt {name} not found (install PySide6 with its tools)")


# Plain-Python modules (no Qt) that mark their words with their own QT_TRANSLATE_NOOP for the
# screens to translate, e.g. the audit log's sentences.
MARKED_DOMAIN_DIR = _REPO_ROOT / "kiosk" / "domain"


def python_sources() -> list[Path]:
    sources = [p for d in SOURCE_DIRS if d.exists() for p in d.rglob("*.py")]
    if MARKED_DOMAIN_DIR.exists():
        sources += [p for p in MARKED_DOMAIN_DIR.rglob("*.py")
                    if "QT_TRANSLATE_NOOP(" in p.read_text(encoding="utf-8")]
    return sorted(sources)


def regenerate(languages: tuple[str, ...] = ("en", "hi", "te"), compile_only: bool = False,
               directory: Path | None = None) -> list[Path]:
    """Update the .ts files from the sources (unless ``compile_only``) and compile them to .qm.

    English needs only its plural forms ("1 seat" / "2 seats"), so its file is ``-pluralonly``.
    Existing translations are kept; new strings arrive marked unfinished for a translator.
    """
    directory = directory or TRANSLATIONS_DIR
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for language in languages:
        ts = translation_file(language, ".ts", directory)
        if not compile_only:
            extra = ["-pluralonly"] if language == "en" else []
            subprocess.run([_tool("lupdate"), "-no-obsolete", "-locations", "none", *extra,
                            "-source-language", "en_IN", "-target-language", LOCALES[language],
                            *map(str, python_sources()), "-ts", str(ts)],
                           check=True, capture_output=True)
        qm = translation_file(language, ".qm", directory)
        subprocess.run([_tool("lrelease"), str(ts), "-qm", str(qm)], check=True,
                       capture_output=True)
        written.append(qm)
    return written


if __name__ == "__main__":
    for path in regenerate(compile_only="--compile-only" in sys.argv):
        print(path)
