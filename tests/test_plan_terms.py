"""What a client signs, as a user writes it: the supplier, the issue date and version,
and the quote's terms (validity, payment, invoice, travel, discount, optional items).
YAML in, located problems or figures out."""

from __future__ import annotations

import datetime as dt
import textwrap
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from syllabus_cli.load import parse_text
from syllabus_cli.pack.spec import build_pack
from syllabus_cli.problems import Mark
from syllabus_cli.spec.quote import figures
from syllabus_cli.spec.training_plan import Discount, Quote, QuoteItem

from .conftest import REPO

COURSE = (REPO / "tests" / "data" / "agenda" / "one-day.yaml").as_posix()
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16


def pack_text(body: str) -> str:
    return f"client: 客户\ntitle: 项目\ndate: 2026-12-08\ncourses: [{COURSE}]\n" + textwrap.dedent(
        body
    )


def read(text: str, where: Path | None = None):  # type: ignore[no-untyped-def]
    return build_pack(parse_text(text, (where or REPO / "packs") / "p.yaml"))


def located(text: str, where: Path | None = None) -> list[tuple[int, int, str]]:
    _, problems = read(text, where)
    return sorted((p.line, p.column, p.code) for p in problems)


def test_the_contract_example_reads_clean(tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(PNG)
    (tmp_path / "supplier.yaml").write_text(
        "company: 上海某某企业管理咨询有限公司\nshort: 某某咨询\nlogo: logo.png\n"
        "contact: {person: 王老师, phone: 138-0000-0000, email: a@b.cn, wechat: abc, address: 上海市}\n"
        'bank: {name: 招商银行上海分行, account: "1219 0000 0000 000", tax_id: 91310000XXXXXXXXXX}\n',
        encoding="utf-8",
    )
    text = pack_text("""\
        issued: 2026-11-20
        version: V1.0
        supplier: supplier.yaml
        plan:
          quote:
            tax: 6%
            valid_days: 30
            payment:
              - {percent: 50%, when: 合同签订后5个工作日内}
              - {percent: 50%, when: 培训结束后15个工作日内}
            invoice: 增值税专用发票
            travel: 讲师差旅及食宿由甲方承担
            discount: 5%
            items:
              - {item: 讲师课酬, quantity: 2, unit: 天, price: 12000}
              - {item: 训后辅导, quantity: 1, unit: 次, price: 5000, optional: true}
    """)
    pack, problems = read(text, tmp_path)
    assert problems == ()
    assert pack is not None and pack.plan is not None and pack.plan.quote is not None
    issue, quote = pack.issue, pack.plan.quote
    assert issue.issued == dt.date(2026, 11, 20) and issue.version == "V1.0"
    assert issue.supplier is not None
    assert issue.supplier.company == "上海某某企业管理咨询有限公司"
    assert issue.supplier.logo == tmp_path / "logo.png"
    assert issue.supplier.bank.account == "1219 0000 0000 000"
    assert quote.valid_through(issue.issued) == dt.date(2026, 12, 20)
    assert [(i.percent, i.when) for i in quote.payment] == [
        (Decimal(50), "合同签订后5个工作日内"),
        (Decimal(50), "培训结束后15个工作日内"),
    ]
    assert quote.invoice == "增值税专用发票" and quote.travel == "讲师差旅及食宿由甲方承担"
    fig = figures(quote, 2)
    # 24,000 less 5% = 22,800; 6% VAT 1,368; 价税合计 24,168; the option stays out
    assert (fig.subtotal, fig.discount, fig.net, fig.tax, fig.total) == (
        Decimal("24000.00"),
        Decimal("1200.00"),
        Decimal("22800.00"),
        Decimal("1368.00"),
        Decimal("24168.00"),
    )
    assert [line.item for line in fig.optional] == ["训后辅导"]


def test_issued_defaults_to_source_date_epochs_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # 2026-11-18 UTC
    pack, _ = read(pack_text(""))
    assert pack is not None and pack.issue.issued == dt.date(2026, 11, 18)


def test_an_inline_supplier_and_its_mistakes_are_located() -> None:
    text = pack_text("""\
        supplier:
          company: 某某咨询
          contakt: {person: 王老师}
          bank: {acount: "1219"}
          logo: missing.png
    """)
    assert located(text) == [(7, 3, "unknown-key"), (8, 10, "unknown-key"), (9, 9, "file-missing")]


def test_a_supplier_files_problems_are_reported_at_the_supplier_line(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text("short: 某某\nlogo: logo.svg\n", encoding="utf-8")
    (tmp_path / "logo.svg").write_text("<svg/>", encoding="utf-8")
    _, problems = read(pack_text("supplier: s.yaml\n"), tmp_path)
    assert [(p.line, p.column, p.code) for p in problems] == [
        (5, 11, "required"),
        (5, 11, "logo-format"),
    ]
    assert "s.yaml" in problems[1].message and "line 2" in problems[1].message
    _, missing = read(pack_text("supplier: nowhere.yaml\n"), tmp_path)
    assert [(p.line, p.code) for p in missing] == [(5, "file-missing")]


def test_the_quote_terms_are_checked_where_they_are_written() -> None:
    text = pack_text("""\
        issued: 2026-11-20
        plan:
          quote:
            valid_until: 2026-11-01
            payment:
              - {percent: 50%, when: 签约后}
              - {percent: 30%, when: 课后}
            invoice: 收据
            discount: 120%
            items:
              - {item: 讲师课酬, price: 12000, optional: yes please}
    """)
    assert located(text) == [
        (8, 18, "date-order"),
        (10, 7, "payment-sum"),
        (12, 14, "invoice"),
        (13, 15, "percent-range"),
        (15, 46, "type"),
    ]


def test_valid_until_and_valid_days_together_conflict() -> None:
    text = pack_text("""\
        plan:
          quote:
            valid_until: 2099-12-31
            valid_days: 30
            items: [{item: 讲师课酬, price: 12000}]
    """)
    assert located(text) == [(8, 5, "conflict")]


def test_an_invoice_without_a_rate_and_a_quote_of_options_only_are_warnings() -> None:
    text = pack_text("""\
        plan:
          quote:
            invoice: 专票
            items: [{item: 训后辅导, price: 5000, optional: true}]
    """)
    assert located(text) == [(7, 14, "invoice-rate"), (8, 12, "quote-empty")]


def test_the_new_keys_suggest_the_right_spelling() -> None:
    _, problems = read(pack_text("isued: 2026-11-20\nplan:\n  quote:\n    valid_day: 3\n"))
    said = [p.message for p in problems]
    assert any("did you mean 'issued'" in m for m in said)
    assert any("did you mean 'valid_days'" in m for m in said)


# --- the arithmetic, as an invoice does it -------------------------------------------

money = st.decimals(min_value=0, max_value=1_000_000, places=2, allow_nan=False)
rates = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False)


def half_up(amount: Decimal) -> Decimal:
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@given(
    prices=st.lists(money, min_size=1, max_size=5),
    extra=money,
    tax=st.none() | rates,
    discount=st.none() | rates.map(lambda r: Discount(r, True)) | money.map(Discount),
)
def test_discount_comes_off_the_subtotal_and_vat_is_charged_on_the_rest(
    prices: list[Decimal], extra: Decimal, tax: Decimal | None, discount: Discount | None
) -> None:
    items = tuple(QuoteItem(f"项目{i}", Mark(), Decimal(1), "", p) for i, p in enumerate(prices))
    option = QuoteItem("可选", Mark(), Decimal(1), "", extra, optional=True)
    fig = figures(Quote((*items, option), tax=tax, discount=discount), 1)
    assert fig.subtotal == sum(prices, Decimal(0))  # the option is never counted
    assert [line.amount for line in fig.optional] == [extra]
    assert Decimal(0) <= fig.discount <= fig.subtotal
    if discount is not None and discount.percent:
        assert fig.discount == half_up(fig.subtotal * discount.value / 100)
    expected_tax = half_up((fig.subtotal - fig.discount) * (tax or 0) / 100)
    assert fig.tax == expected_tax
    assert fig.total == fig.subtotal - fig.discount + fig.tax
    assert fig.total == half_up(fig.total)  # to the fen, exactly


def test_proposal_takes_a_supplier_file_and_names_its_mistakes(tmp_path: Path) -> None:
    from docx import Document
    from typer.testing import CliRunner

    from syllabus_cli.cli import app

    runner = CliRunner()
    course = REPO / "courses" / "ecommerce-cs-sales.yaml"
    good = tmp_path / "s.yaml"
    good.write_text("company: 上海某某企业管理咨询有限公司\n", encoding="utf-8")
    out = tmp_path / "p.docx"
    args = ["proposal", str(course), "-o", str(out), "--client", "某客户", "--supplier", str(good)]
    done = runner.invoke(app, [*args, "--issued", "2026-11-20", "--doc-version", "V2.0"])
    assert done.exit_code == 0, done.output
    cover = [p.text for p in Document(str(out)).paragraphs if p.text.strip()][:8]
    for line in (
        "甲方：某客户",
        "乙方：上海某某企业管理咨询有限公司",
        "方案日期：2026年11月20日（星期五）",
        "版本：V2.0",
    ):
        assert line in cover
    bad = tmp_path / "bad.yaml"
    bad.write_text("company: 某某\nlogo: nowhere.png\n", encoding="utf-8")
    refused = runner.invoke(
        app, ["proposal", str(course), "-o", str(tmp_path / "q.docx"), "--supplier", str(bad)]
    )
    assert refused.exit_code == 1
    assert "bad.yaml:2:7: error[file-missing]" in refused.output


def test_a_discount_over_the_subtotal_is_an_error_at_the_discount(tmp_path: Path) -> None:
    """It used to be capped without a word, so the plan quoted 0 for the courses; the
    subtotal counts the delivery days (two one-day courses at 12,000 a day: 24,000)."""
    from typer.testing import CliRunner

    from syllabus_cli.cli import app

    second = tmp_path / "second.yaml"
    second.write_text(
        Path(COURSE).read_text(encoding="utf-8").replace("title:", "title: 第二门课 #", 1),
        encoding="utf-8",
    )

    def validate(discount: str) -> tuple[int, str]:
        spec = tmp_path / "p.yaml"
        spec.write_text(
            "client: 客户\ntitle: 项目\ndate: 2026-12-08\n"
            f"courses: [{COURSE}, {second.as_posix()}]\n"
            "plan:\n  quote:\n"
            f"    discount: {discount}\n"
            "    items:\n      - {item: 讲师课酬, quantity: 天数, unit: 天, price: 12000}\n",
            encoding="utf-8",
        )
        done = CliRunner().invoke(app, ["validate", str(spec)], env={"COLUMNS": "200"})
        return done.exit_code, done.output

    code, out = validate("30000")
    assert code == 1
    assert "p.yaml:7:15: error[discount-over]: the discount (30,000.00) is more than the subtotal (24,000.00)" in out  # fmt: skip
    assert validate("24000")[0] == 0  # the whole subtotal off: allowed, if odd
    assert validate("¥2,000")[0] == 0


def test_a_pack_with_a_discount_over_the_subtotal_writes_no_quote(tmp_path: Path) -> None:
    """`validate` said discount-over, but `pack` built anyway (exit 0) and wrote the
    plan with the discount capped: 小计 12,000.00, 优惠 -12,000.00, 合计 0.00."""
    from .build_helpers import courses, syllabus

    courses(tmp_path, "a")
    pack = tmp_path / "p.yaml"

    def build(discount: str) -> tuple[int, str]:
        pack.write_text(
            "client: 客户\ntitle: 项目\ndate: 2026-12-08\ncourses: [a.yaml]\n"
            f"plan:\n  quote:\n    discount: {discount}\n"
            "    items: [{item: 讲师课酬, price: 12000}]\n",
            encoding="utf-8",
        )
        done = syllabus("pack", pack, "--out", tmp_path / "out", "-j", "1")
        return done.returncode, done.stdout + done.stderr

    code, said = build("20000")
    assert code == 1, said
    assert "p.yaml:7:15: error[discount-over]: the discount (20,000.00) is more than" in said
    assert not (tmp_path / "out" / "p" / "p.proposal.docx").exists()
    assert build("20000")[0] == 1  # and again, when the courses are unchanged
    assert build("2000")[0] == 0 and (tmp_path / "out" / "p" / "p.proposal.docx").is_file()
    code, said = build("20000")  # the good plan of the last build is not replaced
    assert code == 1 and "error[discount-over]" in said
