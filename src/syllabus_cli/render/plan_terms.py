"""The parts of a training plan a client signs: the quote as an invoice writes it
(subtotal, discount, 增值税, 价税合计, the total in capitals), the options priced apart,
the terms (validity, payment, invoice, travel), the supplier's details, and the 双方确认
block kept on one page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from ..dates import format_date
from ..i18n import labels
from ..spec.quote import Figures, figures, money, percent_text, quantity_text, total_in_words
from ..spec.training_plan import Issue, Quote, Supplier
from .docx_tables import keep_next
from .plan_table import table

if TYPE_CHECKING:
    from .proposal import Writer


def _bold(cells: Sequence[Any]) -> None:
    for cell in cells:
        for run in cell.paragraphs[0].runs:
            run.bold = True


def quote_section(
    w: Writer, quote: Quote, issue: Issue | None, language: str, delivery_days: int
) -> None:
    """The quote table, the total in capitals (zh), the options apart, then the terms
    and the supplier's details."""
    lang, lab = language, labels("plan", language)
    fig = figures(quote, delivery_days)
    unit = "元" if fig.currency == "CNY" and lang == "zh" else fig.currency
    bracket = ("（", "）") if lang == "zh" else (" (", ")")

    def head(label: str) -> str:
        return f"{label}{bracket[0]}{unit}{bracket[1]}"

    header = (lab["item"], lab["quantity"], lab["unit"], head(lab["price"]), head(lab["amount"]))
    widths = (6.0, 1.8, 1.8, 3.4, 3.6)
    rows = [_row(line) for line in fig.lines]
    sums = _sum_rows(fig, lab, bracket)
    grid = table(w, header, rows + sums, widths)
    _align(grid)
    for row in grid.rows[1 + len(rows) :]:
        _bold((row.cells[0], row.cells[4]))
    if lang == "zh":
        words = w.styles.paragraph(w.doc)
        words.add_run(lab["in_words"] + lab["colon"]).bold = True
        words.add_run(total_in_words(fig))
        words.runs[1].font.size = Pt(11)
    if fig.optional:
        w.styles.paragraph(w.doc, lab["optional"], "Syllabus Meta", keep=True).runs[0].bold = True
        _align(table(w, header, [_row(line) for line in fig.optional], widths))
    terms = terms_rows(quote, issue, fig, lang)
    if terms:
        w.styles.paragraph(w.doc, lab["terms"], "Heading 2", keep=True)
        table(w, (lab["term"], lab["content"]), terms, (4.0, 12.6))
    supplier = issue.supplier if issue else None
    if supplier is not None and (supplier.contact.lines() or supplier.bank.lines()):
        w.styles.paragraph(w.doc, lab["supplier_info"], "Heading 2", keep=True)
        details = supplier_rows(supplier, lang)
        table(w, (lab["supplier_item"], lab["content"]), details, (4.0, 12.6))


def _row(line: Any) -> tuple[str, str, str, str, str]:
    return (
        line.item,
        quantity_text(line.quantity),
        line.unit,
        money(line.price),
        money(line.amount),
    )


def _align(grid: Any) -> None:
    for row in grid.rows[1:]:
        for column in (1, 3, 4):
            row.cells[column].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _sum_rows(
    fig: Figures, lab: dict[str, str], bracket: tuple[str, str]
) -> list[tuple[str, str, str, str, str]]:
    """小计, 优惠 and 优惠后金额 when discounted, 增值税 and 价税合计 when taxed, else 合计."""
    rows = [(lab["subtotal"], "", "", "", money(fig.subtotal))]
    if fig.discount:
        rate = (
            f"{bracket[0]}{percent_text(fig.discount_rate)}{bracket[1]}"
            if fig.discount_rate
            else ""
        )
        rows.append((lab["discount"] + rate, "", "", "", "-" + money(fig.discount)))
        if fig.tax_rate is not None:
            rows.append((lab["net"], "", "", "", money(fig.net)))
    if fig.tax_rate is not None:
        rate = f"{bracket[0]}{percent_text(fig.tax_rate)}{bracket[1]}"
        rows.append((lab["tax"] + rate, "", "", "", money(fig.tax)))
        rows.append((lab["total_with_tax"], "", "", "", money(fig.total)))
    else:
        rows.append((lab["total"], "", "", "", money(fig.total)))
    return rows


def terms_rows(quote: Quote, issue: Issue | None, fig: Figures, lang: str) -> list[tuple[str, str]]:
    lab = labels("plan", lang)
    rows: list[tuple[str, str]] = []
    through = quote.valid_through(issue.issued) if issue else quote.valid_until
    if through is not None:
        rows.append((lab["valid"], lab["valid_value"].format(date=format_date(through, lang))))
    if quote.payment:
        said = [
            lab["instalment"].format(percent=percent_text(i.percent), when=i.when)
            for i in quote.payment
        ]
        rows.append((lab["payment"], ("；" if lang == "zh" else "; ").join(said)))
    elif quote.payment_text:
        rows.append((lab["payment"], quote.payment_text))
    if quote.invoice:
        kind = lab["vat_special" if "专用" in quote.invoice else "vat_general"]
        if fig.tax_rate is not None:
            kind = lab["invoice_value"].format(kind=kind, rate=percent_text(fig.tax_rate))
        rows.append((lab["invoice"], kind))
    if quote.travel:
        rows.append((lab["travel"], quote.travel))
    return rows


def supplier_rows(supplier: Supplier, lang: str) -> list[tuple[str, str]]:
    lab, say = labels("plan", lang), labels("supplier", lang)
    rows = [(lab["company"], supplier.company)]
    rows += [(say[key], value) for key, value in supplier.contact.lines()]
    rows += [(say[key], value) for key, value in supplier.bank.lines()]
    return rows


def confirmation(w: Writer, client: str, supplier: Supplier | None, lang: str) -> None:
    """双方确认: 甲方 and 乙方 side by side, each with its company, 授权代表签字, 盖章
    and 日期; rows never split and every row keeps with the next, so the block (with
    its heading and sentence) stays on one page."""
    from .docx_base import row_flags

    lab = labels("plan", lang)
    sentence = w.styles.paragraph(w.doc, lab["confirm_text"], keep=True)
    sentence.paragraph_format.space_after = Pt(12)
    grid = w.doc.add_table(rows=0, cols=2, style=w.styles["Syllabus Table"])
    grid.autofit = False
    colon = lab["colon"]
    sides = (
        (lab["client_party"], client),
        (lab["supplier_party"], supplier.company if supplier else ""),
    )
    lines = [
        tuple(f"{party}{colon}{name}" for party, name in sides),
        *(
            (f"{lab[key]}{colon}", f"{lab[key]}{colon}")
            for key in ("signature", "seal", "sign_date")
        ),
    ]
    for number, values in enumerate(lines):
        row = grid.add_row()
        row_flags(row)
        row.height = Cm(1.0 if number == 0 else 2.0 if number < 3 else 1.2)
        for cell, text in zip(row.cells, values, strict=True):
            cell.width = Cm(8.3)
            cell.text = text
            if number == 0:
                _bold((cell,))
        if number < len(lines) - 1:
            keep_next(row)
