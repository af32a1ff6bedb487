"""Issue 25, numbers on a client's quote: finite, of bounded precision and magnitude.
Each case: the pack in, the located line and exit code out; the other files of the
folder are still checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from .build_helpers import syllabus

PACK = """\
client: 客户
title: 项目
courses: []
plan:
  quote:
    tax: {tax}
    items:
      - {{item: 讲师课酬, price: {price}, quantity: {quantity}}}
"""


@pytest.mark.parametrize(
    ("tax", "price", "quantity", "column"),
    [
        ("NaN", "100", "1", (6, 10)),
        ("sNaN", "100", "1", (6, 10)),
        ("Infinity", "100", "1", (6, 10)),
        ("-Infinity", "100", "1", (6, 10)),
        ("'1e-100000'", "100", "1", (6, 10)),
        ("6%", "NaN", "1", (8, 29)),
        ("6%", "'1e-100000'", "1", (8, 29)),
        ("6%", "100", "'0." + "0" * 5000 + "1'", (8, 44)),
    ],
)
def test_a_number_that_is_not_finite_or_too_precise_is_located(
    tmp_path: Path, tax: str, price: str, quantity: str, column: tuple[int, int]
) -> None:
    (tmp_path / "a.pack.yaml").write_text(
        PACK.format(tax=tax, price=price, quantity=quantity), "utf-8"
    )
    (tmp_path / "b.yaml").write_text("title: 课\nduration: 1h\nmodules: oops\n", "utf-8")
    done = syllabus("validate", tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    line, col = column
    assert f"a.pack.yaml:{line}:{col}: error[money-format]" in done.stdout
    assert "b.yaml:3:10: error[type]" in done.stdout  # the folder's other file is checked too
    assert max(len(text) for text in done.stdout.splitlines()) < 400


def test_a_plain_rate_and_price_still_pass(tmp_path: Path) -> None:
    pack = tmp_path / "a.pack.yaml"
    pack.write_text(PACK.format(tax="6.25%", price="'¥12,000.50'", quantity="0.5"), "utf-8")
    done = syllabus("validate", pack)
    assert done.returncode == 0, done.stdout + done.stderr
