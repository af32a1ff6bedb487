"""The client training plan a pack may carry under ``plan:``, as typed values.

The chapters follow the shape clients sign (背景分析 → 问题定义 → 目标设定 → 理论框架 →
实施路径 → 资源需求 → 风险评估 → 时间规划 → 预期效果) plus the quote. Every part is
optional: an empty tuple or ``None`` means the chapter is left out. Money is ``Decimal``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from ..problems import Mark


@dataclass(frozen=True)
class Titled:
    """A paragraph, with an optional heading of its own."""

    text: str
    title: str = ""


@dataclass(frozen=True)
class Goal:
    goal: str
    measure: str = ""


@dataclass(frozen=True)
class Phase:
    phase: str
    mark: Mark
    when: dt.date | None = None
    activities: tuple[str, ...] = ()
    text: str = ""
    courses: bool = False  # the pack's courses are delivered in this phase


@dataclass(frozen=True)
class Resources:
    participants: int | None = None
    groups: int | None = None
    venue: str = ""
    equipment: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(
            self.participants or self.groups or self.venue or self.equipment or self.materials
        )


@dataclass(frozen=True)
class QuoteItem:
    item: str
    mark: Mark
    quantity: Decimal = Decimal(1)
    unit: str = ""
    price: Decimal = Decimal(0)
    per_day: bool = False  # ``quantity: days``: the pack's number of delivery days
    optional: bool = False  # listed apart, not in the total


@dataclass(frozen=True)
class Instalment:
    """One payment: a share of the total, and when it is due (``50%`` 合同签订后5个工作日内)."""

    percent: Decimal
    when: str


@dataclass(frozen=True)
class Discount:
    """Off the subtotal, before tax: an amount, or a percentage of the subtotal."""

    value: Decimal
    percent: bool = False
    mark: Mark = field(default_factory=Mark)  # where it was written


@dataclass(frozen=True)
class Quote:
    items: tuple[QuoteItem, ...]
    currency: str = "CNY"
    tax: Decimal | None = None  # percent, 0-100
    valid_until: dt.date | None = None
    valid_days: int | None = None  # counted from the plan's issue date
    payment: tuple[Instalment, ...] = ()
    payment_text: str = ""  # payment terms written as text
    invoice: str = ""  # 增值税专用发票 | 增值税普通发票 (the rate is ``tax``)
    travel: str = ""  # who bears travel, meals and lodging
    discount: Discount | None = None
    valid_mark: Mark = field(default_factory=Mark)  # where valid_until was written

    def valid_through(self, issued: dt.date) -> dt.date | None:
        """The last day the quote holds: ``valid_until``, or ``issued`` + ``valid_days``."""
        if self.valid_until is not None:
            return self.valid_until
        if self.valid_days is not None:
            return issued + dt.timedelta(days=self.valid_days)
        return None

    @property
    def has_terms(self) -> bool:
        return bool(
            self.valid_until
            or self.valid_days is not None
            or self.payment
            or self.payment_text
            or self.invoice
            or self.travel
        )


@dataclass(frozen=True)
class Contact:
    person: str = ""
    phone: str = ""
    email: str = ""
    wechat: str = ""
    address: str = ""

    def lines(self) -> tuple[tuple[str, str], ...]:
        """(key, value) of what is filled in, in a fixed order."""
        return _filled(self, ("person", "phone", "email", "wechat", "address"))


@dataclass(frozen=True)
class Bank:
    name: str = ""  # 开户行
    account: str = ""  # 账号
    tax_id: str = ""  # 纳税人识别号

    def lines(self) -> tuple[tuple[str, str], ...]:
        return _filled(self, ("name", "account", "tax_id"))


def _filled(record: object, keys: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(key, value) of the ``keys`` of ``record`` that are filled in, in that order."""
    return tuple((k, getattr(record, k)) for k in keys if getattr(record, k))


@dataclass(frozen=True)
class Supplier:
    """Who sells the training (乙方): from a profile file or written inline."""

    company: str
    short: str = ""
    logo: Path | None = None
    contact: Contact = Contact()
    bank: Bank = Bank()


@dataclass(frozen=True)
class Issue:
    """What a client-signed document says about itself: its date (方案日期) and version,
    and who issues it."""

    issued: dt.date
    version: str = ""
    supplier: Supplier | None = None


@dataclass(frozen=True)
class Risk:
    risk: str
    response: str = ""


@dataclass(frozen=True)
class Milestone:
    date: dt.date
    milestone: str


@dataclass(frozen=True)
class Evaluation:
    level: str = ""
    method: str = ""
    when: str = ""


@dataclass(frozen=True)
class Plan:
    background: tuple[Titled, ...] = ()
    problems: tuple[Titled, ...] = ()
    goals: tuple[Goal, ...] = ()
    framework: tuple[Titled, ...] = ()
    path: tuple[Phase, ...] = ()
    resources: Resources = Resources()
    quote: Quote | None = None
    risks: tuple[Risk, ...] = ()
    timeline: tuple[Milestone, ...] = ()
    evaluation: tuple[Evaluation, ...] = ()
