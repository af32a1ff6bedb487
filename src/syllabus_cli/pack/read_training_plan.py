"""Read a pack's ``plan:`` with the same Reader and key tables as a course, so its
problems are located the same way: unknown keys with a did-you-mean, wrong types,
dates, money (exact decimals, never negative) and a tax between 0 % and 100 %."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import TypeVar

from ..i18n import Word, msg
from ..load import YEntry, YMap, YScalar, YSeq, YValue
from ..problems import Mark, warning
from ..spec import fields
from ..spec.read import Reader, clean_text, kind_name
from ..spec.training_plan import (
    Discount,
    Evaluation,
    Goal,
    Instalment,
    Milestone,
    Phase,
    Plan,
    Quote,
    QuoteItem,
    Resources,
    Risk,
    Titled,
)

T = TypeVar("T")
_MONEY = re.compile(r"^[¥￥$€]?\s*([+-]?[\d,]*\.?\d+)\s*(元)?$")
_DAYS = ("days", "天数", "培训天数")


def read_plan(reader: Reader, entry: YEntry | None) -> Plan | None:
    if entry is None:
        return None
    if isinstance(entry.value, YScalar) and entry.value.value is None:
        return None
    known = reader.mapping(entry.value, "'plan'", fields.PLAN)
    if known is None:
        return None
    path = _items(reader, known.get("path"), "a phase of 'path'", fields.PLAN_PHASE, _phase)
    marked = [p for p in path if p.courses]
    for extra in marked[1:]:
        reader.problems.append(
            warning(
                extra.mark,
                "plan-courses",
                msg("plan.courses-twice", phase=marked[0].phase),
            )
        )
    quote = None
    if "quote" in known:
        quote = _quote(reader, known["quote"].value)
    resources = Resources()
    if "resources" in known:
        resources = _resources(reader, known["resources"].value)
    return Plan(
        background=_sections(reader, known.get("background")),
        problems=_sections(reader, known.get("problems")),
        goals=_items(
            reader, known.get("goals"), "a goal", fields.PLAN_GOAL, _goal, lambda t: Goal(t)
        ),
        framework=_sections(reader, known.get("framework")),
        path=path,
        resources=resources,
        quote=quote,
        risks=_items(reader, known.get("risks"), "a risk", fields.PLAN_RISK, _risk),
        timeline=_milestones(reader, known.get("timeline")),
        evaluation=_items(
            reader,
            known.get("evaluation"),
            "an evaluation",
            fields.PLAN_EVALUATION,
            _evaluation,
            lambda t: Evaluation(method=t),
        ),
    )


def _items(
    reader: Reader,
    entry: YEntry | None,
    what: str,
    table: dict[str, fields.Field],
    build: Callable[[Reader, dict[str, YEntry], YMap], T | None],
    from_text: Callable[[str], T] | None = None,
) -> tuple[T, ...]:
    """A list of mappings (or of plain texts, where ``from_text`` says how to read one)."""
    if entry is None or (isinstance(entry.value, YScalar) and entry.value.value is None):
        return ()
    value = entry.value
    if not isinstance(value, YSeq):
        reader.wrong_type(value, entry.key, "a list")
        return ()
    out: list[T] = []
    for item in value.items:
        if from_text is not None and _is_text(item):
            assert isinstance(item, YScalar)
            text = clean_text(item.raw, folded=item.style == ">")
            if text:
                out.append(from_text(text))
            continue
        if not isinstance(item, YMap):
            wanted = "text or a mapping" if from_text else "a mapping"
            reader.add(
                item.mark,
                "type",
                msg(
                    "plan.item-type",
                    what=Word(what),
                    wanted=Word(wanted),
                    got=Word(kind_name(item)),
                ),
            )
            continue
        known = reader.mapping(item, what, table)
        if known is not None and all(k in known for k, f in table.items() if f.required):
            built = build(reader, known, item)
            if built is not None:
                out.append(built)
    return tuple(out)


def _is_text(item: YValue) -> bool:
    return (
        isinstance(item, YScalar)
        and isinstance(item.value, (str, int, float))
        and not isinstance(item.value, bool)
    )


def _sections(reader: Reader, entry: YEntry | None) -> tuple[Titled, ...]:
    """Text, or a list of text and {title, text}."""
    if entry is None:
        return ()
    if isinstance(entry.value, YScalar):
        text = reader.text(entry)
        return (Titled(text),) if text else ()
    return _items(
        reader,
        entry,
        f"an item of {entry.key!r}",
        fields.PLAN_SECTION,
        lambda r, k, _: Titled(r.text(k.get("text"), required=True), r.text(k.get("title"))),
        lambda t: Titled(t),
    )


def _goal(reader: Reader, known: dict[str, YEntry], _: YMap) -> Goal:
    return Goal(reader.text(known.get("goal"), required=True), reader.text(known.get("measure")))


def _risk(reader: Reader, known: dict[str, YEntry], _: YMap) -> Risk:
    return Risk(reader.text(known.get("risk"), required=True), reader.text(known.get("response")))


def _evaluation(reader: Reader, known: dict[str, YEntry], _: YMap) -> Evaluation:
    return Evaluation(
        reader.text(known.get("level")),
        reader.text(known.get("method"), required=True),
        reader.text(known.get("when")),
    )


def _phase(reader: Reader, known: dict[str, YEntry], item: YMap) -> Phase:
    return Phase(
        phase=reader.text(known.get("phase"), required=True),
        mark=item.mark,
        when=reader.date(known.get("when")),
        activities=reader.texts(known.get("activities")),
        text=reader.text(known.get("text")),
        courses=reader.boolean(known.get("courses"), False),
    )


def _milestones(reader: Reader, entry: YEntry | None) -> tuple[Milestone, ...]:
    def build(r: Reader, known: dict[str, YEntry], _: YMap) -> Milestone | None:
        day = r.date(known.get("date"))
        text = r.text(known.get("milestone"), required=True)
        return Milestone(day, text) if day is not None else None

    return _items(reader, entry, "a milestone", fields.PLAN_MILESTONE, build)


def _resources(reader: Reader, value: YValue) -> Resources:
    known = reader.mapping(value, "'resources'", fields.PLAN_RESOURCES)
    if known is None:
        return Resources()
    return Resources(
        participants=_count(reader, known.get("participants")),
        groups=_count(reader, known.get("groups")),
        venue=reader.text(known.get("venue")),
        equipment=reader.texts(known.get("equipment")),
        materials=reader.texts(known.get("materials")),
    )


def _count(reader: Reader, entry: YEntry | None) -> int | None:
    if entry is None:
        return None
    value = entry.value
    if isinstance(value, YScalar) and type(value.value) is int:
        if value.value < 0:
            reader.add(value.mark, "negative", msg("plan.negative", key=entry.key, value=value.raw))
            return None
        return value.value
    reader.wrong_type(value, entry.key, "a whole number")
    return None


def _quote(reader: Reader, value: YValue) -> Quote | None:
    known = reader.mapping(value, "'quote'", fields.PLAN_QUOTE)
    if known is None:
        return None
    currency = "CNY"
    if "currency" in known:
        cv = known["currency"].value
        text = cv.raw.strip().upper() if isinstance(cv, YScalar) and cv.value is not None else ""
        if re.fullmatch(r"[A-Z]{3}", text):
            currency = text
        else:
            reader.add(cv.mark, "currency", msg("plan.currency", text=text))
    tax = _percent(reader, known.get("tax"))
    items = _items(reader, known.get("items"), "a quote item", fields.PLAN_QUOTE_ITEM, _quote_item)
    if items and all(i.optional for i in items):
        reader.problems.append(
            warning(known["items"].value.mark, "quote-empty", msg("plan.all-optional"))
        )
    payment, payment_text = _payment(reader, known.get("payment"))
    invoice = _invoice(reader, known.get("invoice"))
    if invoice and tax is None:
        reader.problems.append(
            warning(known["invoice"].value.mark, "invoice-rate", msg("plan.invoice-rate"))
        )
    valid_until = reader.date(known.get("valid_until"))
    valid_days = _count(reader, known.get("valid_days"))
    if valid_until is not None and valid_days is not None:
        reader.add(known["valid_days"].key_mark, "conflict", msg("plan.valid-both"))
    return Quote(
        items,
        currency,
        tax,
        valid_until=valid_until,
        valid_days=valid_days,
        payment=payment,
        payment_text=payment_text,
        invoice=invoice,
        travel=reader.text(known.get("travel")),
        discount=_discount(reader, known.get("discount")),
        valid_mark=known["valid_until"].value.mark if "valid_until" in known else Mark(),
    )


_INVOICES = {
    "增值税专用发票": "增值税专用发票",
    "专用发票": "增值税专用发票",
    "专票": "增值税专用发票",
    "增值税普通发票": "增值税普通发票",
    "普通发票": "增值税普通发票",
    "普票": "增值税普通发票",
}


def _invoice(reader: Reader, entry: YEntry | None) -> str:
    """增值税专用发票 or 增值税普通发票 (专票, 普票 and the short names read as them)."""
    if entry is None or (isinstance(entry.value, YScalar) and entry.value.value is None):
        return ""
    value = entry.value
    raw = value.raw.strip() if isinstance(value, YScalar) else ""
    found = _INVOICES.get(raw)
    if found is None:
        reader.add(value.mark, "invoice", msg("plan.invoice", shown=_shown(value)))
        return ""
    return found


def _payment(reader: Reader, entry: YEntry | None) -> tuple[tuple[Instalment, ...], str]:
    """Text, or a list of {percent, when} adding up to 100%."""
    if entry is None or (isinstance(entry.value, YScalar) and entry.value.value is None):
        return (), ""
    if isinstance(entry.value, YScalar):
        return (), reader.text(entry)

    def build(r: Reader, known: dict[str, YEntry], _: YMap) -> Instalment | None:
        share = _percent(r, known.get("percent"))
        when = r.text(known.get("when"), required=True)
        return Instalment(share, when) if share is not None else None

    items = _items(reader, entry, "a payment", fields.PLAN_PAYMENT, build)
    total = sum((i.percent for i in items), Decimal(0))
    written = entry.value.items if isinstance(entry.value, YSeq) else ()
    if items and len(items) == len(written) and total != 100:
        reader.problems.append(
            warning(
                entry.value.mark,
                "payment-sum",
                msg("plan.payment-sum", total=f"{total.normalize():f}"),
            )
        )
    return items, ""


def _discount(reader: Reader, entry: YEntry | None) -> Discount | None:
    """``5%`` (of the subtotal) or an amount (``2000``, ``¥2,000``)."""
    if entry is None or (isinstance(entry.value, YScalar) and entry.value.value is None):
        return None
    value = entry.value
    raw = unicodedata.normalize("NFKC", value.raw).strip() if isinstance(value, YScalar) else ""
    if raw.endswith("%"):
        rate = _percent(reader, entry)
        return Discount(rate, percent=True, mark=value.mark) if rate is not None else None
    amount = _money(reader, entry, what="an amount or a percentage")
    return Discount(amount, mark=value.mark) if amount is not None else None


def _quote_item(reader: Reader, known: dict[str, YEntry], item: YMap) -> QuoteItem | None:
    name = reader.text(known.get("item"), required=True)
    price = _money(reader, known.get("price"))
    quantity, per_day = Decimal(1), False
    entry = known.get("quantity")
    if entry is not None:
        qv = entry.value
        if isinstance(qv, YScalar) and isinstance(qv.value, str) and qv.value.strip() in _DAYS:
            per_day = True
        else:
            parsed = _money(reader, entry, what='a number or "days"')
            if parsed is None:
                return None
            quantity = parsed
    if price is None:
        return None
    return QuoteItem(
        name,
        item.mark,
        quantity,
        reader.text(known.get("unit")),
        price,
        per_day,
        optional=reader.boolean(known.get("optional"), False),
    )


# A price or a quantity: at most a billion (亿亿 and beyond have no place on a quote, and the
# total in capital numerals is written up to 万亿).
MAX_AMOUNT = Decimal(1_000_000_000)


def _decimal(value: YValue) -> Decimal | None:
    if not isinstance(value, YScalar) or value.value is None or isinstance(value.value, bool):
        return None
    match = _MONEY.match(unicodedata.normalize("NFKC", value.raw).strip())
    if match is None:
        return None
    return _bounded(match.group(1).replace(",", ""))


# Places after the point a price, a quantity or a rate may have: 0.5 天, ¥12,000.50, 6.25%.
MAX_PLACES = 4
_PLAIN = re.compile(rf"[+-]?\d{{0,30}}(\.\d{{1,{MAX_PLACES}}})?")  # too big: MAX_AMOUNT says so


def _bounded(text: str) -> Decimal | None:
    """A finite decimal of bounded precision written in plain digits, or None: never NaN,
    Infinity or ``1e-100000`` (a 100,003-character percentage on a client's quote)."""
    if not _PLAIN.fullmatch(text) or not text.strip("+-."):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        return None


def _money(reader: Reader, entry: YEntry | None, what: str = "an amount") -> Decimal | None:
    """An exact decimal from the text as written (12000, 12,000.50, ¥300); never negative."""
    if entry is None:
        return None
    amount = _decimal(entry.value)
    if amount is None:
        reader.add(
            entry.value.mark,
            "money-format",
            msg("plan.money", key=entry.key, what=Word(what), shown=_shown(entry.value)),
        )
        return None
    if amount < 0:
        reader.add(entry.value.mark, "negative", msg("plan.negative", key=entry.key, value=amount))
        return None
    if amount > MAX_AMOUNT:  # no training quote is this big; the total must fit 万亿 capitals
        reader.add(
            entry.value.mark,
            "money-format",
            msg("plan.too-large", key=entry.key, value=amount, limit=f"{MAX_AMOUNT:,}"),
        )
        return None
    return amount


def _percent(reader: Reader, entry: YEntry | None) -> Decimal | None:
    """``6%`` or ``6`` (percent); between 0 and 100."""
    if entry is None or (isinstance(entry.value, YScalar) and entry.value.value is None):
        return None
    value = entry.value
    raw = value.raw.strip().rstrip("%％").strip() if isinstance(value, YScalar) else ""
    rate = _bounded(unicodedata.normalize("NFKC", raw))
    if rate is None:
        if entry.key == "tax":
            reader.add(value.mark, "money-format", msg("plan.tax-format", shown=_shown(value)))
        else:
            said = msg("plan.percent-format", key=entry.key, shown=_shown(value))
            reader.add(value.mark, "money-format", said)
        return None
    if not Decimal(0) <= rate <= Decimal(100):
        if entry.key == "tax":
            reader.add(value.mark, "tax-range", msg("plan.tax-range", raw=raw))
        else:
            said = msg("plan.percent-range", key=entry.key, raw=raw)
            reader.add(value.mark, "percent-range", said)
        return None
    return rate


def _shown(value: YValue) -> str:
    if isinstance(value, YScalar) and value.value is not None:
        raw = value.raw if len(value.raw) <= 40 else f"{value.raw[:37]}..."
        return repr(raw)
    return Word(kind_name(value))
