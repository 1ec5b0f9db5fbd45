"""Plain-text pieces for tables of numbers: formatting, aligned tables, verdicts.

Numbers print with seven significant digits, the way R printed them on the lecture's
slides, so a line of ours can be read side by side with a line of theirs.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal, InvalidOperation, localcontext

from .core.checks import finite_number, positive_int

DIGITS = 7  # R's default print precision, used on the slides
MAX_DIGITS = 17  # a float has no more significant digits than this


def fmt(value: float, digits: int = DIGITS) -> str:
    """``value`` with ``digits`` significant digits and no trailing zeros (0.59327, 0.5)."""
    value = finite_number(value, "value")
    digits = positive_int(digits, "digits", maximum=MAX_DIGITS)
    if value == 0:
        return "0"
    return f"{value:.{digits}g}"


class Lines(list):
    """A list of text lines that a notebook shows one per line."""

    def __repr__(self) -> str:
        return "\n".join(str(line) for line in self)

    def _repr_pretty_(self, p, cycle):
        p.text(repr(self))


class Table:
    """Rows of cells shown as aligned plain text; floats print with ``digits`` digits."""

    def __init__(self, headers: Sequence[str], rows: Sequence[Sequence], title: str = "",
                 digits: int = DIGITS):
        if not _is_list(headers) or not headers or not all(isinstance(h, str) for h in headers):
            raise TypeError(f"headers must be a non-empty list of column names (text), got "
                            f"{headers!r}")
        if not _is_list(rows):
            raise TypeError(f"rows must be a list of rows, each a list of cells, got {rows!r}")
        for i, row in enumerate(rows):
            if not _is_list(row):
                raise TypeError(f"rows[{i}] must be a list of cells, got {row!r}")
            if len(row) != len(headers):
                raise ValueError(f"rows[{i}] has {len(row)} cells, the headers name "
                                 f"{len(headers)}")
        if not isinstance(title, str):
            raise TypeError(f"title must be text, got {title!r} ({type(title).__name__})")
        self.headers = list(headers)
        self.rows = [list(r) for r in rows]
        self.title = title
        self.digits = positive_int(digits, "digits", maximum=MAX_DIGITS)

    def column(self, header: str) -> list:
        """The cells under ``header``, as stored (numbers stay numbers)."""
        if header not in self.headers:
            raise KeyError(f"no column {header!r}; columns are {self.headers}")
        i = self.headers.index(header)
        return [row[i] for row in self.rows]

    def _cell(self, value) -> str:
        if isinstance(value, float):
            return fmt(value, self.digits)
        return str(value)

    def __repr__(self) -> str:
        cells = [self.headers] + [[self._cell(v) for v in row] for row in self.rows]
        widths = [max(len(row[i]) for row in cells) for i in range(len(self.headers))]
        lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
                 for row in cells]
        lines.insert(1, "  ".join("-" * w for w in widths))
        if self.title:
            lines.insert(0, self.title)
        return "\n".join(lines)

    def _repr_pretty_(self, p, cycle):
        p.text(repr(self))


def _is_list(value) -> bool:
    # Text is a sequence too, but a row of one letter per cell is never what was meant.
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes))


def decimals(printed: str) -> int:
    """How many digits a printed number has after its decimal point ('0.1497' -> 4)."""
    if not isinstance(printed, str):
        raise TypeError(f"printed must be a number written as text, got {printed!r} "
                        f"({type(printed).__name__})")
    try:
        exponent = Decimal(printed).as_tuple().exponent
    except InvalidOperation:
        raise ValueError(f"printed must be a number written as text, got {printed!r}") from None
    return max(0, -exponent)


def agreement(printed: str, exact: float) -> str:
    """Does a number printed to a few decimals agree with ``exact``?

    'yes' when ``exact`` rounds to it, 'yes, truncated' when only chopping off the later
    digits gives it, and 'NO' otherwise.
    """
    exact = finite_number(exact, "exact")
    places = decimals(printed)
    quantum = Decimal(1).scaleb(-places)
    shown = Decimal(printed)
    with localcontext() as context:
        context.prec = 310 + places  # every digit of a float up to 1e308, and the decimals
        if Decimal(exact).quantize(quantum, rounding=ROUND_HALF_EVEN) == shown:
            return "yes"
        if Decimal(exact).quantize(quantum, rounding=ROUND_DOWN) == shown:
            return "yes, truncated"
    return "NO"


def rounded_like(printed: str, exact: float) -> str:
    """``exact`` rounded to as many decimals as ``printed`` shows."""
    places = decimals(printed)
    return f"{finite_number(exact, 'exact'):.{places}f}"


class Text(str):
    """A string that a notebook shows as plain lines (no quotes)."""

    def __repr__(self) -> str:
        return str(self)

    def _repr_pretty_(self, p, cycle):
        p.text(str(self))
