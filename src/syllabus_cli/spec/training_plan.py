"""The client training plan a pack may carry under ``plan:``, as typed values.

The chapters follow the shape clients sign (背景分析 → 问题定义 → 目标设定 → 理论框架 →
实施路径 → 资源需求 → 风险评估 → 时间规划 → 预期效果) plus the quote. Every part is
optional: an empty tuple or ``None`` means the chapter is left out. Money is ``Decimal``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

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


@dataclass(frozen=True)
class Quote:
    items: tuple[QuoteItem, ...]
    currency: str = "CNY"
    tax: Decimal | None = None  # percent, 0-100


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
