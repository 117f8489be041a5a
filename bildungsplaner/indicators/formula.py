"""The formula of a Kennzahl: ``100 * kinder / bev`` — parsed safely, evaluated over whole columns.

Rules:

* Only ``+ - * /``, unary minus (and plus), numbers, input names and parentheses. The text is parsed with
  :mod:`ast` (``mode="eval"``) and every node is checked against that whitelist; anything else — calls,
  attribute access, ``**``, subscripts, comparisons, ``__import__`` — is refused with a German message naming
  it. Nothing is ever passed to ``eval``.
* A name must be one of the definition's inputs (the message lists them).
* Evaluation is vectorised over numpy arrays (one value per region and year). A missing input value (NaN)
  makes the result missing; a division by zero makes it missing with the flag ``x`` („nicht sinnvoll“),
  never infinite and never 0. Which input made a value missing (and its flag) is the caller's business
  (``compute.py``): it knows the inputs' flags.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from bildungsplaner import UserInputError
from bildungsplaner.i18n import tr

__all__ = ["DIVISION_BY_ZERO", "Formula", "FormulaError", "parse_formula"]

#: The flag of a value whose denominator is zero: „x“, not meaningful (Zeichenerklärung).
DIVISION_BY_ZERO = "x"
#: Longest formula accepted (a guard against pathological input, far above anything written by hand).
MAX_LENGTH = 2000

_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}


class FormulaError(UserInputError):
    """The formula cannot be used (a German message says why)."""


@dataclass(frozen=True)
class Formula:
    """A checked formula: its text, the parsed tree and the input names it uses (in order of appearance)."""

    text: str
    tree: ast.expr
    names: tuple[str, ...]

    def evaluate(self, values: Mapping[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """``(result, zero_division)``: float64 values (NaN where missing) and a bool mask of the results made
        missing by a zero denominator (and not already missing through an input)."""
        size = max((len(np.asarray(v)) for v in values.values()), default=1)
        zero = np.zeros(size, dtype=bool)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            result = self._eval(self.tree, values, zero, size)
        result = np.broadcast_to(np.asarray(result, dtype=np.float64), (size,)).copy()
        result[~np.isfinite(result)] = np.nan
        return result, zero & np.isnan(result)

    def _eval(self, node: ast.expr, values: Mapping[str, np.ndarray], zero: np.ndarray, size: int) -> np.ndarray:
        if isinstance(node, ast.Constant):
            return np.asarray(float(node.value))  # type: ignore[arg-type]
        if isinstance(node, ast.Name):
            return np.asarray(values[node.id], dtype=np.float64)
        if isinstance(node, ast.UnaryOp):
            operand = self._eval(node.operand, values, zero, size)
            return -operand if isinstance(node.op, ast.USub) else operand
        assert isinstance(node, ast.BinOp)
        left = self._eval(node.left, values, zero, size)
        right = self._eval(node.right, values, zero, size)
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        denominator = np.broadcast_to(np.asarray(right, dtype=np.float64), (size,))
        numerator = np.broadcast_to(np.asarray(left, dtype=np.float64), (size,))
        by_zero = denominator == 0
        zero |= by_zero & ~np.isnan(numerator)
        return np.where(by_zero, np.nan, numerator / np.where(by_zero, 1.0, denominator))


def _describe(node: ast.AST) -> str:
    if isinstance(node, ast.Call):
        return tr("ein Funktionsaufruf")
    if isinstance(node, ast.Attribute):
        return tr("ein Zugriff mit Punkt („{attr}“)", attr=node.attr)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        return tr("„**“ (Potenz)")
    if isinstance(node, ast.BinOp):
        return tr("der Operator „{op}“", op=type(node.op).__name__)
    if isinstance(node, ast.Compare | ast.BoolOp):
        return tr("ein Vergleich oder eine logische Verknüpfung")
    if isinstance(node, ast.Constant):
        return tr("der Wert {value}", value=repr(node.value))
    return tr("„{what}“", what=type(node).__name__)


def parse_formula(text: str, names: Iterable[str]) -> Formula:
    """Check ``text`` against the whitelist and the input ``names``; raise :class:`FormulaError` otherwise."""
    allowed = list(names)
    if not isinstance(text, str) or not text.strip():
        raise FormulaError(tr("Die Formel ist leer."))
    if len(text) > MAX_LENGTH:
        raise FormulaError(tr("Die Formel ist zu lang (höchstens {count} Zeichen).", count=str(MAX_LENGTH)))
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        raise FormulaError(tr("Die Formel „{formula}“ ist nicht lesbar (Stelle {column}): erlaubt sind + - * / "
                              "( ), Zahlen und die Namen der Eingaben.", formula=text.strip(),
                              column=str(exc.offset or 0))) from None
    used: list[str] = []

    def check(node: ast.AST) -> None:
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            check(node.left)
            check(node.right)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            check(node.operand)
        elif isinstance(node, ast.Constant) and isinstance(node.value, int | float) \
                and not isinstance(node.value, bool):
            if not np.isfinite(float(node.value)):
                raise FormulaError(tr("Die Formel enthält eine unendliche Zahl."))
        elif isinstance(node, ast.Name):
            if node.id not in allowed:
                raise FormulaError(tr("Die Formel nennt „{name}“, aber es gibt keine Eingabe dieses Namens "
                                      "(Eingaben: {names}).", name=node.id, names=", ".join(allowed) or "keine"))
            if node.id not in used:
                used.append(node.id)
        else:
            raise FormulaError(tr("Die Formel enthält {what}; erlaubt sind nur + - * / ( ), Zahlen und die "
                                  "Namen der Eingaben.", what=_describe(node)))

    check(tree.body)
    return Formula(text.strip(), tree.body, tuple(used))
