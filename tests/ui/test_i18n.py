"""Translations: the language manager, and the shipped Qt Linguist files being complete."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication

from kiosk.ui import i18n

PLACEHOLDER = re.compile(r"%(?:\d|n)|\{\w*\}")  # Qt's %1 / %n and str.format's {name}


@pytest.fixture
def manager(qapp):
    """A manager of its own, so windows other tests left behind are not rebuilt by it."""
    from PySide6.QtCore import QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # finish their deleteLater
    manager = i18n.LanguageManager(qapp)
    yield manager
    manager.set_language("en")
    manager.deleteLater()


def test_switching_language_translates_and_signals(qtbot, manager):
    with qtbot.waitSignal(manager.languageChanged) as changed:
        assert manager.set_language("hi")
    assert changed.args == ["hi"]
    assert QCoreApplication.translate("AttractScreen", "Touch to start") == "शुरू करने के लिए छुएँ"
    assert manager.set_language("te")
    assert QCoreApplication.translate("AttractScreen", "Touch to start") == "ప్రారంభించడానికి తాకండి"
    assert manager.set_language("en")
    assert QCoreApplication.translate("AttractScreen", "Touch to start") == "Touch to start"
    assert manager.language == "en"


def test_unknown_language_is_refused(manager):
    with pytest.raises(ValueError):
        manager.set_language("xx")


def _messages(language: str):
    tree = ET.parse(i18n.translation_file(language, ".ts"))
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            yield context.find("name").text, message


@pytest.mark.parametrize("language", ["hi", "te"])
def test_every_string_is_translated_and_keeps_its_placeholders(language):
    untranslated, broken = [], []
    count = 0
    for context, message in _messages(language):
        count += 1
        source = message.find("source").text
        translation = message.find("translation")
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            untranslated.append(f"{context}: {source}")
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for form in forms:
            if not form.strip():
                untranslated.append(f"{context}: {source}")
            elif sorted(set(PLACEHOLDER.findall(form))) != sorted(set(PLACEHOLDER.findall(source))):
                broken.append(f"{context}: {source!r} -> {form!r}")
    assert count > 100
    assert untranslated == []
    assert broken == []


@pytest.mark.parametrize("language", ["en", "hi", "te"])
def test_committed_qm_matches_its_ts(qapp, language):
    """The .qm the app loads carries every translation of the .ts (nobody forgot lrelease)."""
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(i18n.translation_file(language)))
    checked = 0
    for context, message in _messages(language):
        source = message.find("source").text
        translation = message.find("translation")
        forms = [f.text for f in translation.iter("numerusform")]
        if forms:
            assert translator.translate(context, source, None, 1) == forms[0], source
            assert translator.translate(context, source, None, 5) == forms[-1], source
        else:
            assert translator.translate(context, source) == translation.text, source
        checked += 1
    assert checked >= 5


def test_regenerate_keeps_translations_and_compiles(tmp_path):
    import shutil

    shutil.copy(i18n.translation_file("hi", ".ts"), tmp_path / "kiosk_hi.ts")
    (qm,) = i18n.regenerate(("hi",), directory=tmp_path)
    assert qm == tmp_path / "kiosk_hi.qm" and qm.stat().st_size > 1000
    tree = ET.parse(tmp_path / "kiosk_hi.ts")
    sources = {m.find("source").text: m.find("translation") for m in tree.getroot().iter("message")}
    assert sources["Touch to start"].text == "शुरू करने के लिए छुएँ"  # kept, not reset
    assert "Choose your seats" in sources  # collected from the self-service sources


def test_choosing_the_current_language_again_changes_nothing(qtbot, manager):
    assert manager.set_language("hi")
    with qtbot.assertNotEmitted(manager.languageChanged):
        assert manager.set_language("hi")
    assert QCoreApplication.translate("Header", "Back") == "वापस"


def _marked_words() -> set[tuple[str, str]]:
    """(context, words) of every literal ``translate("Context", "words")`` and
    ``QT_TRANSLATE_NOOP("Context", "words")`` call in the sources lupdate reads."""
    import ast

    marked = set()
    for path in i18n.python_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else \
                getattr(node.func, "id", "")  # an ast node: Name has .id, others do not
            context, words = node.args[0], node.args[1]
            if name in ("translate", "QT_TRANSLATE_NOOP") and all(
                    isinstance(a, ast.Constant) and isinstance(a.value, str)
                    for a in (context, words)):
                marked.add((context.value, words.value))
    return marked


@pytest.mark.parametrize("language", ["hi", "te"])
def test_every_marked_string_reaches_the_translators(language):
    """A word marked in code but missing from the .ts is English on every screen: a helper
    that wraps ``translate`` hides its literals from lupdate (the audit log's 228 sentences
    were lost that way)."""
    root = ET.parse(i18n.translation_file(language, ".ts")).getroot()
    filed = {(ctx.findtext("name"), m.findtext("source"))
             for ctx in root.iter("context") for m in ctx.iter("message")}
    marked = _marked_words()
    assert len(marked) > 500  # the scan finds the calls (it cannot pass by finding none)
    missing = sorted(marked - filed)
    assert not missing, f"{len(missing)} marked strings not in kiosk_{language}.ts: {missing[:5]}"
    from kiosk.domain import audit_words  # the audit log's words, whatever marks them
    words = {*audit_words.TEMPLATES.values(), *audit_words.NAMES.values(),
             *audit_words.WHY.values(), *audit_words.METHODS.values()}
    unfiled = sorted(w for w in words if (audit_words.CONTEXT, w) not in filed)
    assert not unfiled, f"audit words not in kiosk_{language}.ts: {unfiled[:5]}"
