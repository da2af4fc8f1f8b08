"""Checks for the accessibility walk: accessible names, keyboard reachability, target sizes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTabBar,
    QAbstractSlider,
)


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else ""
    return f"{type(widget).__name__}({widget.objectName() or shown!r})"


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces: set, or derived by Qt (text, buddy label)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return widget.accessibleName()
    return interface.text(QAccessible.Text.Name).strip()


def _inside_composite(widget: QWidget, root: QWidget) -> bool:
    """Parts of a spin box, combo box or tab widget that are reached through their owner."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root.parentWidget():
        if isinstance(parent, (QAbstractSpinBox, QComboBox)):
            return True
        parent = parent.parentWidget()
    return False


def controls(root: QWidget) -> list[QWidget]:
    """The visible, enabled controls of ``root``'s window a person could operate."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible():
            continue
        if isinstance(widget, QHeaderView):
            continue  # part of its view: sorted from the view or the keyboard's menu
        if widget.window() is not root.window() or _inside_composite(widget, root):
            continue
        if isinstance(widget, QAbstractSlider) and widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue  # scroll bars: the view they scroll has the keyboard
        found.append(widget)
    return found


def unnamed(root: QWidget) -> list[str]:
    return [describe(w) for w in controls(root) if not accessible_name(w)]


def tab_reachable(widget: QWidget) -> bool:
    return (
        widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
    )


def unreachable(root: QWidget) -> list[str]:
    """Controls Tab never reaches, walking from the first one with ``focusNextChild``."""
    targets = [w for w in controls(root) if w.isEnabled()]
    if not targets:
        return []
    window = root.window()
    window.activateWindow()
    QApplication.processEvents()
    first = next((w for w in targets if tab_reachable(w)), None)
    if first is None:
        return [describe(w) for w in targets]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    seen: list[QWidget] = []
    for _ in range(2000):
        current = QApplication.focusWidget()
        if current is None or (seen and current is seen[0]):
            break
        if current not in seen:
            seen.append(current)
        # What Tab does between widgets (a table's own Tab moves between its cells; Ctrl+Tab
        # leaves it, as Qt documents).
        window.focusNextPrevChild(True)
        QApplication.processEvents()
    reached = set(seen)
    missing = []
    for widget in targets:
        proxy = widget.focusProxy()
        if widget in reached or (proxy is not None and proxy in reached):
            continue
        if any(other in reached for other in _group_of(widget)):
            continue  # Tab reaches the checked one of a group; the arrow keys the others
        missing.append(describe(widget))
    return missing


def _group_of(widget: QWidget) -> list[QWidget]:
    if not isinstance(widget, QAbstractButton):
        return []
    group = widget.group()
    if isinstance(group, QButtonGroup) and group.exclusive():
        return list(group.buttons())
    parent = widget.parentWidget()
    if widget.autoExclusive() and parent is not None:
        siblings = parent.findChildren(QAbstractButton)
        return [b for b in siblings if b.autoExclusive() and b.parentWidget() is parent]
    return []
