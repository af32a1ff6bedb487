"""The quote's figures: exact decimals, rounded half-up to the fen (0.01), and the total
in Chinese capital numerals as an invoice writes it (人民币贰万捌仟陆佰贰拾元整). Pure."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..numerals import CAPITAL_DIGITS, to_chinese
from .training_plan import Quote, QuoteItem

FEN = Decimal("0.01")
_DIGITS = CAPITAL_DIGITS
CURRENCY_ZH = {"CNY": "人民币", "USD": "美元", "EUR": "欧元", "HKD": "港币", "JPY": "日元"}


def fen(amount: Decimal) -> Decimal:
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Line:
    item: str
    quantity: Decimal
    unit: str
    price: Decimal
    amount: Decimal


@dataclass(frozen=True)
class Figures:
    lines: tuple[Line, ...]
    subtotal: Decimal
    tax_rate: Decimal | None
    tax: Decimal
    total: Decimal
    currency: str
    discount: Decimal = Decimal(0)  # off the subtotal, before tax
    discount_rate: Decimal | None = None  # when the discount was written as a percentage
    optional: tuple[Line, ...] = ()  # listed apart, not in the total

    @property
    def net(self) -> Decimal:
        """The subtotal less the discount: what tax is charged on (不含税金额)."""
        return self.subtotal - self.discount


def _line(item: QuoteItem, delivery_days: int) -> Line:
    quantity = Decimal(delivery_days) if item.per_day else item.quantity
    return Line(item.item, quantity, item.unit, item.price, fen(quantity * item.price))


def figures(quote: Quote, delivery_days: int) -> Figures:
    """Each line's amount (quantity × price, to the fen), subtotal, the discount off the
    subtotal, tax on what is left (each to the fen, half-up) and total, as an invoice
    computes them. ``quantity: days`` counts the pack's delivery days. Optional items
    are priced apart and never counted."""
    lines = tuple(_line(i, delivery_days) for i in quote.items if not i.optional)
    optional = tuple(_line(i, delivery_days) for i in quote.items if i.optional)
    subtotal = fen(sum((line.amount for line in lines), Decimal(0)))
    discount, rate = Decimal(0), None
    if quote.discount is not None:
        if quote.discount.percent:
            rate = quote.discount.value
            discount = fen(subtotal * rate / 100)
        else:
            discount = fen(quote.discount.value)
        discount = min(discount, subtotal)  # a discount never makes the quote negative
    net = subtotal - discount
    tax = fen(net * quote.tax / 100) if quote.tax is not None else Decimal(0)
    return Figures(
        lines, subtotal, quote.tax, tax, fen(net + tax), quote.currency, discount, rate, optional
    )


def money(amount: Decimal) -> str:
    """``28,620.00``: thousands separators, two decimals."""
    return f"{fen(amount):,.2f}"


def quantity_text(quantity: Decimal) -> str:
    """``2``, ``1.5``: no trailing zeros (a count is not money)."""
    text = f"{quantity.normalize():f}"
    return text


def percent_text(rate: Decimal) -> str:
    return f"{rate.normalize():f}%"


def capital(amount: Decimal) -> str:
    """The amount in capital numerals: 壹拾万元整, 壹佰万元零壹分, 伍角.

    Zero rules as on an invoice: one 零 stands for any run of zeros inside the yuan
    part; 零 between 元 and 分 when there are no jiao; 整 when there are no fen."""
    amount = fen(amount)
    if amount < 0:
        return "负" + capital(-amount)
    yuan = int(amount)
    cents = int((amount - yuan) * 100)
    jiao, fen_digit = divmod(cents, 10)
    words = _yuan_words(yuan)
    out = f"{words}元" if words else ""
    if jiao == 0 and fen_digit == 0:
        return (out or "零元") + "整"
    if jiao:
        out += f"{_DIGITS[jiao]}角"
    elif out:
        out += "零"
    if fen_digit:
        out += f"{_DIGITS[fen_digit]}分"
    return out


def _yuan_words(number: int) -> str:
    return to_chinese(number, capital=True) if number else ""


def total_in_words(figures: Figures) -> str:
    """人民币贰万捌仟陆佰贰拾元整 (the currency's Chinese name first)."""
    return CURRENCY_ZH.get(figures.currency, figures.currency) + capital(figures.total)
