"""Finds the user-visible text lupdate cannot see: translate() wrappers and error messages.

``pyside6-lupdate`` reads ``self.tr("...")`` and ``QCoreApplication.translate("ctx", "...")``.
Three kinds of text escape it:

* helpers such as ``def _t(text): return QCoreApplication.translate("vocabulary", text)``,
  called as ``_t("Lunch")``;
* the keys of ``domain.wording.phrase("context", "key", …)``: text stored or built as keys
  (a handover's draft, the reports), rendered in the reader's language when read;
* the messages of :class:`~officer_desk.domain.errors.DeskError` and its subclasses, raised in
  ``domain/``, ``app/``, ``store/``, ``sync/`` and ``reports/``, which may not import Qt.

This module scans the sources (AST, nothing is imported) and returns both as
``(context, text)`` pairs.  An error message is a *key* with named fields and its values as keywords
(``NotFound("There is no account called {username}.", username=name)``): the key is
extracted as it is, and at run time ``domain.errors.render`` translates the key and fills
the values in.  Values passed for a field from a string literal somewhere (``what=
"release plans"``, the ``label`` of ``rules.required_text``) are *fragments*: translated
on their own in the same context.
"""

from __future__ import annotations

import ast
import itertools
import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

MESSAGES_CONTEXT = "messages"
# The layers whose errors reach the screen (ui/: work functions run on the database worker
# raise them too).  cli/ talks to facility IT in a terminal, in English.
MESSAGE_LAYERS = ("domain", "app", "demo", "store", "sync", "reports", "ui")
ERROR_ROOT = "DeskError"
PHRASE = "phrase"  # domain.wording.phrase(context, key, n, **values)
# Enum values that messages show as they are ("Only a {needed} can …", "(this one is
# {status})"): translated as fragments.  Roles are also joined with "or" (require_role).
ENUM_FRAGMENTS = {"Role": " or ", "EnrolmentStatus": None}


@dataclass(frozen=True)
class Template:
    """An error message: its text with ``{name}`` fields, and where it was found."""

    text: str
    fields: tuple[str, ...]
    where: str


@dataclass
class Catalogue:
    wrapped: list[tuple[str, str, str]] = field(default_factory=list)  # context, text, where
    templates: list[Template] = field(default_factory=list)
    fragments: set[str] = field(default_factory=set)
    unresolved: list[str] = field(default_factory=list)  # messages built in ways we cannot read

    def message_texts(self) -> list[str]:
        seen = dict.fromkeys(t.text for t in self.templates)
        seen.update(dict.fromkeys(sorted(self.fragments)))
        return list(seen)


def scan(package: Path) -> Catalogue:
    files = sorted(p for p in package.rglob("*.py") if "migrations" not in p.parts)
    trees = {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in files}
    catalogue = Catalogue()
    for path, tree in trees.items():
        catalogue.wrapped.extend(_wrapped_calls(path.relative_to(package.parent), tree))
        catalogue.wrapped.extend(_phrases(path.relative_to(package.parent), tree))
    errors = _error_classes(trees.values())
    layer_trees = {
        path: tree
        for path, tree in trees.items()
        if path.relative_to(package).parts[0] in MESSAGE_LAYERS
    }
    field_sources: dict[tuple[str, str], str] = {}  # (function, parameter) -> where
    for path, tree in layer_trees.items():
        where = str(path.relative_to(package.parent))
        constants = _module_constants(tree)
        for function, call in _calls_in_functions(tree):
            name = _call_name(call)
            through_super = (  # an error class making its own message: super().__init__(...)
                name == "__init__"
                and isinstance(call.func, ast.Attribute)
                and isinstance(call.func.value, ast.Call)
                and _call_name(call.func.value) == "super"
            )
            has_message = bool(call.args) or _keyword(call, "message") is not None
            if not (name in errors or through_super) or not has_message:
                continue
            message = call.args[0] if call.args else _keyword(call, "message")
            assert message is not None
            if any(isinstance(node, ast.JoinedStr) for node in ast.walk(message)):
                # rendered before the screen knows the reader's language: a key is needed
                catalogue.unresolved.append(
                    f"{where}:{call.lineno}: an f-string; write the key with {{fields}} and "
                    f"pass the values as keywords: {ast.unparse(message)}"
                )
                continue
            found = list(_templates(message, constants))
            if not found and _has_text(message):
                catalogue.unresolved.append(f"{where}:{call.lineno}: {ast.unparse(message)}")
            keywords = {k.arg: k.value for k in call.keywords if k.arg}
            for text, fields, parameters in found:
                named = tuple(f for _, f, _, _ in string.Formatter().parse(text) if f)
                if named:  # a key with its values as keywords: ("{username}", username=...)
                    fields = tuple(dict.fromkeys(named))
                    values = [keywords[f] for f in fields if f in keywords]
                    parameters = tuple(v.id for v in values if isinstance(v, ast.Name))
                    catalogue.fragments.update(_literal_words(values))
                if re.fullmatch(r"[\s.:;,()]*((\{\w+\})[\s.:;,()]*)*", text):
                    continue  # only fields: the words come from elsewhere (a hub's answer)
                catalogue.templates.append(Template(text, fields, f"{where}:{call.lineno}"))
                if function is not None:
                    for parameter in parameters:
                        field_sources[(function.name, parameter)] = where
    catalogue.fragments.update(_fragments(layer_trees.values(), field_sources))
    catalogue.fragments.update(_enum_fragments(layer_trees.values()))
    return catalogue


def _enum_fragments(trees: Iterable[ast.Module]) -> Iterator[str]:
    for tree in trees:
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef) or node.name not in ENUM_FRAGMENTS:
                continue
            values = [
                item.value.value
                for item in node.body
                if isinstance(item, ast.Assign)
                and isinstance(item.value, ast.Constant)
                and isinstance(item.value.value, str)
            ]
            yield from values
            joiner = ENUM_FRAGMENTS[node.name]
            if joiner:
                for size in range(2, len(values) + 1):
                    for group in itertools.combinations(values, size):
                        yield joiner.join(group)


def _error_classes(trees: Iterable[ast.Module]) -> set[str]:
    classes = [n for tree in trees for n in ast.walk(tree) if isinstance(n, ast.ClassDef)]
    known = {ERROR_ROOT}
    grew = True
    while grew:
        grew = False
        for cls in classes:
            bases = {getattr(b, "id", getattr(b, "attr", None)) for b in cls.bases}
            if cls.name not in known and bases & known:
                known.add(cls.name)
                grew = True
    return known


def _call_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _module_constants(tree: ast.Module) -> dict[str, ast.expr]:
    constants: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                constants[target.id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value:
            constants[node.target.id] = node.value
    return constants


InFunction = tuple[ast.FunctionDef | None, ast.Call]


def _calls_in_functions(tree: ast.Module) -> Iterator[InFunction]:
    """Every call, with the function it is written in (None at module level)."""

    def visit(node: ast.AST, function: ast.FunctionDef | None) -> Iterator[InFunction]:
        for child in ast.iter_child_nodes(node):
            inner = child if isinstance(child, ast.FunctionDef) else function
            if isinstance(child, ast.Call):
                yield function, child
            yield from visit(child, inner)

    yield from visit(tree, None)


def _has_text(message: ast.expr) -> bool:
    """Literal words we failed to read (``raise ValidationError(why)``: found where it is made)."""
    if isinstance(message, ast.BinOp):
        return _has_text(message.left) or _has_text(message.right)
    if isinstance(message, ast.Constant):
        return isinstance(message.value, str) and bool(message.value.strip())
    return isinstance(message, ast.JoinedStr)


Found = tuple[str, tuple[str, ...], tuple[str, ...]]


def _templates(node: ast.expr, constants: dict[str, ast.expr]) -> Iterator[Found]:
    """The message as templates: itself, and the words chosen inside it (``a if b else c``)."""
    if isinstance(node, ast.IfExp):
        yield from _templates(node.body, constants)
        yield from _templates(node.orelse, constants)
        return
    if isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _templates(value, constants)
        return
    parts: list[str | ast.expr] = []
    if not _flatten(node, constants, parts):
        return
    names: dict[str, str] = {}  # expression source -> field name
    text: list[str] = []
    parameters: list[str] = []
    for part in parts:
        if isinstance(part, str):  # a key: its {fields} are filled at display time
            text.append(part)
            continue
        if isinstance(part, ast.IfExp | ast.BoolOp):
            yield from _templates(part, constants)
        source = ast.unparse(part)
        name = names.get(source)
        if name is None:
            name = _field_name(part, set(names.values()))
            names[source] = name
            if isinstance(part, ast.Name):
                parameters.append(part.id)
        text.append("{" + name + "}")
    yield "".join(text), tuple(names.values()), tuple(parameters)


def _flatten(node: ast.expr, constants: dict[str, ast.expr], parts: list[str | ast.expr]) -> bool:
    """Literal text and the expressions between it; False when there is no literal text."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        parts.append(node.value)
    elif isinstance(node, ast.JoinedStr):
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            elif isinstance(value, ast.FormattedValue):
                parts.append(value.value)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        for side in (node.left, node.right):
            if not _flatten(side, constants, parts):
                parts.append(side)
    elif isinstance(node, ast.Name) and node.id in constants:
        constant = constants[node.id]
        if not isinstance(constant, ast.Constant | ast.JoinedStr | ast.BinOp):
            return False
        return _flatten(constant, constants, parts)
    else:
        return False
    return any(isinstance(p, str) for p in parts)


def _field_name(node: ast.expr, taken: set[str]) -> str:
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "len":
        candidates = ["count"]
    else:
        dotted = []
        target: ast.expr = node
        while isinstance(target, ast.Attribute):
            dotted.insert(0, target.attr)
            target = target.value
        if isinstance(target, ast.Name):
            dotted.insert(0, target.id)
        dotted = [d.strip("_") for d in dotted if d.strip("_")]
        candidates = ["_".join(dotted[-i:]) for i in range(1, len(dotted) + 1)] if dotted else []
    for candidate in candidates:
        if candidate and candidate.isidentifier() and candidate not in taken:
            return candidate
    n = 1
    while f"value{n}" in taken:
        n += 1
    return f"value{n}"


def _fragments(trees: Iterable[ast.Module], sources: dict[tuple[str, str], str]) -> Iterator[str]:
    """String literals passed for a field that a message shows as it is (``label``, ``what``)."""
    functions = {name for name, _ in sources}
    signatures: dict[str, list[str]] = {}
    trees = list(trees)
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name in functions:
                signatures[node.name] = [a.arg for a in node.args.args]
    for tree in trees:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node)
            if name not in signatures:
                continue
            parameters = signatures[name]
            bound = dict(zip(parameters, node.args, strict=False))
            bound.update({k.arg: k.value for k in node.keywords if k.arg})
            for parameter, value in bound.items():
                if (name, parameter) in sources and _is_text(value):
                    yield value.value  # type: ignore[attr-defined]


def _literal_words(values: Iterable[ast.expr]) -> Iterator[str]:
    """Words written at the raise site as a value (``what="records"``, ``a if b else c``)."""
    for value in values:
        if isinstance(value, ast.IfExp):
            yield from _literal_words([value.body, value.orelse])
        elif isinstance(value, ast.BoolOp):
            yield from _literal_words(value.values)
        elif _is_text(value):
            yield value.value  # type: ignore[attr-defined]


def _is_text(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(node.value.strip())
    )


def _wrapper_contexts(tree: ast.Module) -> dict[str, str]:
    """Module functions that pass their first parameter to translate(): name -> context."""
    wrappers: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        parameter = node.args.args[0].arg
        for inner in ast.walk(node):
            if (
                isinstance(inner, ast.Call)
                and _call_name(inner) == "translate"
                and len(inner.args) >= 2
                and isinstance(inner.args[0], ast.Constant)
                and isinstance(inner.args[1], ast.Name)
                and inner.args[1].id == parameter
            ):
                wrappers[node.name] = str(inner.args[0].value)
    return wrappers


def _wrapped_calls(where: Path, tree: ast.Module) -> Iterator[tuple[str, str, str]]:
    """``_t("Lunch")`` where ``def _t(text): return QCoreApplication.translate("ctx", text)``."""
    wrappers = _wrapper_contexts(tree)
    if not wrappers:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            context = wrappers.get(node.func.id)
            if context and node.args and _is_text(node.args[0]):
                yield context, node.args[0].value, f"{where}:{node.lineno}"  # type: ignore[attr-defined]


def _phrases(where: Path, tree: ast.Module) -> Iterator[tuple[str, str, str]]:
    """``phrase("context", "key", …)`` (``domain.wording``): text kept as keys, rendered
    when read; the context may be a module constant."""
    constants = _module_constants(tree)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and _call_name(node) == PHRASE and len(node.args) >= 2):
            continue
        context, key = node.args[0], node.args[1]
        if isinstance(context, ast.Name):
            context = constants.get(context.id, context)
        if _is_text(context) and _is_text(key):
            yield context.value, key.value, f"{where}:{node.lineno}"  # type: ignore[attr-defined]


def unmarked_lookups(package: Path) -> list[str]:
    """``tr(WORDS[key])`` where ``WORDS`` holds plain literals: lupdate never sees those texts.

    Mark them where they are written, ``QT_TRANSLATE_NOOP("Context", "…")``, in the context
    of the tr() that shows them.  Also found through a loop: ``for k, w in WORDS.items():
    self.tr(w)``.
    """
    found: list[tuple[str, int, str]] = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        plain = {
            name
            for name, value in _module_constants(tree).items()
            if isinstance(value, ast.Dict)
            and value.values
            and all(_is_text(v) for v in value.values)
        }
        if not plain:
            continue
        looped: set[str] = set()  # loop variables that walk a plain dict
        for node in ast.walk(tree):
            if isinstance(node, ast.For) and _names(node.iter) & plain:
                looped |= _names(node.target)
        wrappers = {name for name, _ in _wrapper_contexts(tree).items()}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _call_name(node)
            if name == "translate" and len(node.args) >= 2:
                text = node.args[1]
            elif (name == "tr" or name in wrappers) and node.args:
                text = node.args[0]
            else:
                continue
            if not isinstance(text, ast.Constant) and _names(text) & (plain | looped):
                where = path.relative_to(package.parent)
                found.append((str(where), node.lineno, ast.unparse(node)))
    return [f"{where}:{line}: {call}" for where, line, call in sorted(found)]


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def as_python(catalogue: Catalogue) -> str:
    """A file of translate() calls lupdate can read, so one lupdate run fills one .ts."""
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    seen: set[tuple[str, str]] = set()
    entries = [(c, t) for c, t, _ in catalogue.wrapped]
    entries += [(MESSAGES_CONTEXT, text) for text in catalogue.message_texts()]
    for context, text in entries:
        if (context, text) in seen:
            continue
        seen.add((context, text))
        # a count: lupdate makes it a text with plural forms
        count = ", None, 1" if "%n" in text else ""
        lines.append(f"QCoreApplication.translate({context!r}, {text!r}{count})")
    return "\n".join(lines) + "\n"
