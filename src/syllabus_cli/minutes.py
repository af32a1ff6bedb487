"""Minutes as text: the one place a length in minutes becomes words. Pure, no imports
from the rest of the tool (``i18n`` and ``duration`` both use it).

- ``format_minutes``: the short form a spec or a message writes (``2h``, ``1h50``,
  ``45min``; zh ``2小时``, ``1小时50分钟``, ``45分钟``);
- ``describe``: both figures, as validation messages show them (``1h50 (110 min)``);
- ``minutes_text``: the form a document prints (``3 hours``, ``1 h 30 min``; zh as
  ``format_minutes``).
"""

from __future__ import annotations


def format_minutes(minutes: int, language: str = "en") -> str:
    """120 -> '2h', 110 -> '1h50', 45 -> '45min' (zh: 2小时, 1小时50分钟, 45分钟)."""
    hours, rest = divmod(minutes, 60)
    if language == "zh":
        if hours and rest:
            return f"{hours}小时{rest}分钟"
        return f"{hours}小时" if hours else f"{rest}分钟"
    if hours and rest:
        return f"{hours}h{rest:02d}"
    return f"{hours}h" if hours else f"{rest}min"


def describe(minutes: int) -> str:
    """'1h50 (110 min)' — both figures, as validation messages show them."""
    return f"{format_minutes(minutes)} ({minutes} min)" if minutes >= 60 else f"{minutes} min"


def minutes_text(minutes: int, language: str) -> str:
    """``8小时`` ``1小时30分钟`` ``45分钟`` / ``3 hours`` ``1 hour`` ``1 h 30 min`` ``45 min``."""
    if language == "zh":
        return format_minutes(minutes, "zh")  # the one Chinese form, as messages write it
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    if hours:
        return f"{hours} hour" if hours == 1 else f"{hours} hours"
    return f"{rest} min"


def message_minutes(minutes: int, language: str) -> str:
    """A length inside a message: the Chinese short form, or both English figures."""
    return format_minutes(minutes, "zh") if language == "zh" else describe(minutes)
