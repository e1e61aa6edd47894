"""The page base and the page stack every mode uses."""

from __future__ import annotations

from enum import StrEnum

import pytest
from PySide6.QtWidgets import QLineEdit, QScrollArea

from kiosk.ui.page_names import CounterPage, DoorPage, ManagerPage, SelfServicePage
from kiosk.ui.pages import Page, PageStack


class Demo(StrEnum):
    ONE = "one"
    TWO = "two"
    LAZY = "lazy"


class Recording(Page):
    """A page that writes down what the stack told it."""

    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log
        self.field = QLineEdit(self)

    def enter(self) -> None:
        self.log.append(f"enter {self.name}")

    def leave(self) -> None:
        self.log.append(f"leave {self.name}")

    def back(self) -> None:
        self.log.append(f"back {self.name}")

    def refresh(self) -> None:
        self.log.append(f"refresh {self.name}")

    def first_focus(self) -> QLineEdit:
        return self.field


class One(Recording):
    name = Demo.ONE


class Two(Recording):
    name = Demo.TWO


class Lazy(Recording):
    name = Demo.LAZY


class Redirecting(Page):
    name = "redirecting"

    def __init__(self, stack: PageStack) -> None:
        super().__init__()
        self.stack = stack

    def enter(self) -> None:
        self.stack.go(Demo.ONE)


@pytest.fixture
def stack(qtbot):
    stack = PageStack()
    qtbot.addWidget(stack)
    return stack


def test_a_page_without_a_name_says_what_to_set(qtbot):
    class Nameless(Page):
        pass

    with pytest.raises(NotImplementedError, match="must set the class attribute `name`"):
        Nameless()


def test_back_must_be_implemented_by_a_page_that_offers_it(qtbot):
    class NoBack(Page):
        name = "noback"

    page = NoBack()
    qtbot.addWidget(page)
    with pytest.raises(NotImplementedError, match="must implement back"):
        page.back()


def test_going_to_a_page_leaves_the_old_one_then_enters_and_focuses_the_new(qtbot, stack):
    log: list[str] = []
    one, two = stack.add(One(log)), stack.add(Two(log))
    stack.show()
    qtbot.waitExposed(stack)
    stack.go(Demo.ONE)
    with qtbot.waitSignal(stack.pageChanged) as changed:
        stack.go(Demo.TWO)
    assert changed.args == ["two"]
    assert log == ["enter one", "leave one", "enter two"]
    assert stack.current_page() is two and stack.current_name() == Demo.TWO
    qtbot.waitUntil(lambda: two.field.hasFocus())
    assert not one.field.hasFocus()


def test_names_are_plain_strings_too(stack):
    log: list[str] = []
    stack.add(One(log))
    stack.go("one")
    assert stack.current_name() == "one" == Demo.ONE


def test_back_and_reload_go_to_the_current_page(stack):
    log: list[str] = []
    stack.add(One(log))
    stack.go(Demo.ONE)
    stack.back()
    stack.reload()  # reload is refresh unless a page says more
    assert log[-2:] == ["back one", "refresh one"]


def test_a_lazy_page_is_built_the_first_time_it_is_asked_for(stack):
    log: list[str] = []
    built: list[Lazy] = []

    def factory() -> Lazy:
        built.append(Lazy(log))
        return built[-1]

    stack.add_lazy(Demo.LAZY, factory)
    assert stack.pages == {} and stack.names() == ["lazy"]
    page = stack.go(Demo.LAZY)
    stack.page(Demo.LAZY)
    assert built == [page] and stack.pages == {"lazy": page}


def test_a_factory_that_builds_the_wrong_page_is_refused(stack):
    stack.add_lazy(Demo.LAZY, lambda: One([]))
    with pytest.raises(ValueError, match="built the page 'one'"):
        stack.page(Demo.LAZY)


def test_a_page_that_goes_elsewhere_on_enter_is_not_announced(stack):
    log: list[str] = []
    stack.add(One(log))
    stack.add(Redirecting(stack))
    announced: list[str] = []
    stack.pageChanged.connect(announced.append)
    stack.go("redirecting")
    assert stack.current_name() == "one" and announced == ["one"]


def test_a_scrolling_page_is_found_inside_its_scroll_area(stack):
    log: list[str] = []
    page = stack.add(One(log), scroll=True)
    stack.go(Demo.ONE)
    assert isinstance(stack.currentWidget(), QScrollArea)
    assert stack.currentWidget().objectName() == "page_one"
    assert stack.current_page() is page


def test_a_field_called_name_does_not_hide_the_page_name(stack):
    page = One([])
    page.name = QLineEdit(page)  # type: ignore[assignment, misc]  (a form's name field)
    stack.add(page)
    stack.go(Demo.ONE)
    assert stack.current_name() == "one"


def test_removing_a_page_takes_it_out_of_the_stack(stack):
    stack.add(One([]))
    stack.add(Two([]))
    stack.go(Demo.ONE)
    stack.remove(Demo.TWO)
    assert stack.count() == 1 and list(stack.pages) == ["one"]


@pytest.mark.parametrize("names", [CounterPage, SelfServicePage, ManagerPage, DoorPage])
def test_page_names_are_unique_strings(names):
    values = [str(member) for member in names]
    assert len(set(values)) == len(values)
    assert all(member == str(member) for member in names)
