"""The pack's combined proposal as a training plan, read back chapter by chapter."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn

from syllabus_cli.build.batch import build_pack_folder

from .conftest import REPO
from .office import docx_to_pdf, pdf_text

PLAN = REPO / "tests" / "data" / "plan" / "every-chapter.yaml"


def build(pack: Path, out: Path) -> Any:
    batch = build_pack_folder(pack, out, workers=1, force=False)
    assert batch.ok, batch.errors
    return Document(str(out / pack.stem / f"{pack.stem}.proposal.docx"))


def chapters(doc: Any) -> dict[str, list[Any]]:
    """Heading 1 text → the paragraphs (text) and tables (rows of cell texts) under it."""
    found: dict[str, list[Any]] = {}
    current: list[Any] | None = None
    body = doc.element.body
    paragraphs = {p._p: p for p in doc.paragraphs}
    tables = {t._tbl: t for t in doc.tables}
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = paragraphs[child]
            if paragraph.style.name == "Heading 1":
                current = found.setdefault(paragraph.text, [])
            elif current is not None and paragraph.text.strip():
                current.append((paragraph.style.name, paragraph.text))
        elif child.tag == qn("w:tbl") and current is not None:
            current.append([[c.text for c in r.cells] for r in tables[child].rows])
    return found


@pytest.fixture(scope="module")
def plan_doc(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return build(PLAN, tmp_path_factory.mktemp("plan"))


def test_every_chapter_in_the_contract_order(plan_doc: Any) -> None:
    assert list(chapters(plan_doc)) == [
        "一、背景分析", "二、问题定义", "三、目标设定", "四、理论框架", "五、实施路径",
        "六、讲师介绍", "七、资源需求", "八、费用报价", "九、风险评估", "十、时间规划",
        "十一、预期效果", "十二、双方确认",
    ]  # fmt: skip


def test_the_text_chapters(plan_doc: Any) -> None:
    got = chapters(plan_doc)
    assert got["一、背景分析"] == [
        ("Heading 2", "行业趋势"), ("Normal", "线上咨询量逐年上升。"),
        ("Heading 2", "客户现状"), ("Normal", "询单转化率徘徊在18%。"),
    ]  # fmt: skip
    assert got["二、问题定义"] == [
        ("List Bullet", "售前被动应答"),
        ("List Bullet", "激励方案不统一"),
    ]
    assert got["三、目标设定"] == [
        [["序号", "目标", "衡量标准"], ["1", "询单转化率提升", "3个月内由18%提升到25%"]]
    ]
    assert got["四、理论框架"] == [("Normal", "“认知—技能—机制”三层模型。")]
    assert got["九、风险评估"] == [
        [["序号", "风险", "应对措施"], ["1", "工学矛盾", "提前两周锁定日期"]]
    ]
    assert got["十一、预期效果"] == [
        [["评估层级", "评估方式", "评估时间"], ["反应层", "满意度问卷", "课后当天"]]
    ]


def test_the_path_opens_with_the_course_map_and_holds_the_courses(plan_doc: Any) -> None:
    path = chapters(plan_doc)["五、实施路径"]
    assert path[1] == [
        ["课程", "时长", "日期", "对象"],
        ["一天课程", "8小时", "2026年9月30日（星期三）", "—"],
        ["半天课程", "3小时", "2026年10月8日（星期四）", "—"],  # after 国庆
        ["合计", "11小时", "", ""],
    ]
    headings = [item for item in path if isinstance(item, tuple) and item[0].startswith("Heading")]
    titles = [text for _, text in headings]
    assert titles[0] == "（一）训前调研"
    # the courses sit in 集中授课: each a Heading 2, its own sections Heading 3 below it
    start, end = titles.index("（二）集中授课"), titles.index("（三）训后辅导")
    inside = headings[start + 1 : end]
    assert [t for style, t in inside if style == "Heading 2"] == ["一天课程", "半天课程"]
    first = inside[: [t for _, t in inside].index("半天课程")]
    assert [t for style, t in first if style == "Heading 3"] == [
        "课程时长与形式", "课程大纲", "课程日程"]  # fmt: skip
    texts = [item[1] for item in path if isinstance(item, tuple)]
    assert texts.index("两门课程连续交付。") < texts.index("一天课程")
    assert "王老师 · 客服管理顾问" not in texts  # the instructor has a chapter of its own
    assert "时间：2026年9月21日（星期一）" in texts


def test_the_instructor_is_a_chapter_of_its_own(plan_doc: Any) -> None:
    assert chapters(plan_doc)["六、讲师介绍"][0] == ("Normal", "王老师 · 客服管理顾问")


def test_resources_and_the_quote(plan_doc: Any) -> None:
    got = chapters(plan_doc)
    assert got["七、资源需求"] == [
        [["资源", "说明"], ["参训人数", "30人"], ["分组", "5组"], ["场地", "客户培训室"],
         ["设备", "投影、白板"]]
    ]  # fmt: skip
    quote = got["八、费用报价"]
    assert quote[0] == [
        ["项目", "数量", "单位", "单价（元）", "金额（元）"],
        ["讲师课酬", "2", "天", "12,000.00", "24,000.00"],  # quantity: days = 2 delivery days
        ["课程开发", "1", "项", "3,000.50", "3,000.50"],
        ["小计", "", "", "", "27,000.50"],
        ["增值税（6%）", "", "", "", "1,620.03"],
        ["价税合计", "", "", "", "28,620.53"],
    ]
    assert quote[1] == ("Normal", "合计金额（大写）：人民币贰万捌仟陆佰贰拾元伍角叁分")
    # the option is priced apart and not in the total
    assert quote[2] == ("Syllabus Meta", "可选项目（不计入合计）")
    assert quote[3] == [
        ["项目", "数量", "单位", "单价（元）", "金额（元）"],
        ["训后辅导", "1", "次", "5,000.00", "5,000.00"],
    ]
    assert quote[4] == ("Heading 2", "报价条款")
    assert quote[5] == [
        ["条款", "内容"],
        ["报价有效期", "至2026年10月10日（星期六）"],  # issued 9月10日 + 30 days
        ["付款方式", "合同签订后5个工作日内支付50%；培训结束后15个工作日内支付50%"],
        ["发票", "增值税专用发票（税率6%）"],
        ["差旅食宿", "讲师差旅及食宿由甲方承担"],
    ]
    assert quote[6] == ("Heading 2", "乙方信息")
    assert quote[7][0] == ["项目", "内容"]
    assert quote[7][1:] == [
        ["单位名称", "上海某某企业管理咨询有限公司"],
        ["联系人", "李经理"],
        ["电话", "138-0000-0000"],
        ["开户行", "招商银行上海分行"],
        ["账号", "1219 0000 0000 000"],
        ["纳税人识别号", "91310000MA1FL0000X"],
    ]


def test_a_plan_with_a_quote_ends_in_the_confirmation_block(plan_doc: Any) -> None:
    block = chapters(plan_doc)["十二、双方确认"]
    assert block[1] == [
        ["甲方：某品牌客服部", "乙方：上海某某企业管理咨询有限公司"],
        ["授权代表签字：", "授权代表签字："],
        ["盖章：", "盖章："],
        ["日期：", "日期："],
    ]
    table = plan_doc.tables[-1]
    for row in table.rows:  # rows never split; each keeps with the next but the last
        assert row._tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None
    kept = [
        any(p.paragraph_format.keep_with_next for p in r.cells[0].paragraphs) for r in table.rows
    ]
    assert kept == [True, True, True, False]


def test_the_timeline_merges_milestones_phases_and_delivery_days(plan_doc: Any) -> None:
    assert chapters(plan_doc)["十、时间规划"] == [
        [
            ["日期", "时间", "事项"],
            ["2026年9月18日（星期五）", "", "方案确认"],
            ["2026年9月21日（星期一）", "", "训前调研"],
            ["2026年9月30日（星期三）", "08:30–18:00", "授课：一天课程"],
            ["2026年10月8日（星期四）", "08:45–12:00", "授课：半天课程"],
            ["2026年10月20日（星期二）", "", "训后辅导"],
            ["2026年10月30日（星期五）", "", "项目总结"],
        ]
    ]


def test_the_cover_and_one_toc(plan_doc: Any) -> None:
    texts = [p.text for p in plan_doc.paragraphs if p.text.strip()]
    assert texts[0:7] == [
        "客服能力提升项目", "培训方案", "甲方：某品牌客服部", "乙方：上海某某企业管理咨询有限公司",
        "讲师：王老师", "方案日期：2026年9月10日（星期四）", "版本：V1.2",
    ]  # fmt: skip  # the issue date, not the first teaching day
    fields = [t.text.strip() for t in plan_doc.element.body.iter(qn("w:instrText"))]
    assert fields[0].startswith("TOC")


def write_pack(tmp_path: Path, text: str) -> Path:
    """The test pack, rewritten, beside the test courses (its paths stay right)."""
    folder = tmp_path / "packs"
    folder.mkdir(exist_ok=True)
    shutil.copytree(REPO / "tests" / "data" / "agenda", tmp_path / "agenda", dirs_exist_ok=True)
    pack = folder / "p.yaml"
    pack.write_text(text, encoding="utf-8")
    return pack


def test_a_chapter_without_content_is_left_out(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8").split("plan:")[0]
    pack = write_pack(tmp_path, text + "plan:\n  quote: {items: [{item: 课酬, price: 100}]}\n")
    assert list(chapters(build(pack, tmp_path / "out"))) == [
        "一、实施路径", "二、讲师介绍", "三、费用报价", "四、时间规划", "五、双方确认"]  # fmt: skip


def test_without_a_marked_phase_the_courses_are_the_paths_last_phase(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8").replace("courses: true, ", "")
    doc = build(write_pack(tmp_path, text), tmp_path / "out")
    titles = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert titles[2:6] == ["（一）训前调研", "（二）集中授课", "（三）训后辅导", "（四）课程实施"]
    assert titles[6:8] == ["一天课程", "半天课程"]  # the courses, under the last phase


def test_an_english_pack_has_english_labels(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8").replace("client:", "language: en\nclient:", 1)
    doc = build(write_pack(tmp_path, text), tmp_path / "out")
    got = chapters(doc)
    assert list(got) == [
        "1. Background", "2. Problem statement", "3. Goals", "4. Framework", "5. Implementation",
        "6. Instructors", "7. Resources", "8. Quote", "9. Risks", "10. Timeline",
        "11. Expected results", "12. Acceptance",
    ]  # fmt: skip
    assert got["8. Quote"][0][0] == ["Item", "Qty", "Unit", "Unit price (CNY)", "Amount (CNY)"]
    assert got["8. Quote"][0][-2:] == [
        ["VAT (6%)", "", "", "", "1,620.03"],
        ["Total incl. VAT", "", "", "", "28,620.53"],
    ]
    assert got["10. Timeline"][0][3] == ["Wed 30 Sep 2026", "08:30–18:00", "Training: 一天课程"]
    assert not any("人民币" in str(item) for item in got["8. Quote"])


def test_without_a_plan_the_proposal_keeps_its_shape_with_weekdays(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8").split("plan:")[0]
    doc = build(write_pack(tmp_path, text), tmp_path / "out")
    h1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert h1 == ["项目概览", "一天课程", "半天课程", "讲师介绍"]
    overview = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert overview[1] == ["1", "一天课程", "2026年9月30日（星期三）", "8小时"]
    assert overview[2][2] == "2026年10月8日（星期四）"
    assert "甲方：某品牌客服部" in [p.text for p in doc.paragraphs]


@pytest.mark.office
def test_the_plan_reads_right_in_a_pdf(tmp_path: Path) -> None:
    build_pack_folder(PLAN, tmp_path, workers=1, force=False)
    pdf = docx_to_pdf(tmp_path / "every-chapter" / "every-chapter.proposal.docx")
    text = "".join(pdf_text(pdf).split())
    for expected in ("一、背景分析", "五、实施路径", "（二）集中授课", "十、时间规划",
                     "2026年10月8日（星期四）", "28,620.53", "人民币贰万捌仟陆佰贰拾元伍角叁分"):  # fmt: skip
        assert expected in text
    assert text.index("八、费用报价") < text.index("九、风险评估") < text.index("十、时间规划")
    # the confirmation block, heading to the last 日期, is on one page
    pages = [" ".join(page.split()) for page in pdf_text(pdf).split("\f")]
    holding = [i for i, page in enumerate(pages) if "双方确认" in page and "目录" not in page]
    assert len(holding) == 1
    page = pages[holding[0]]
    for expected in (
        "甲方：某品牌客服部",
        "乙方：上海某某企业管理咨询有限公司",
        "授权代表签字",
        "盖章",
    ):
        assert expected in page
    assert page.count("日期：") == 2


def test_one_section_per_instructor_when_the_courses_have_several(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8").replace(
        "instructor: {name: 王老师, title: 客服管理顾问}\n", ""
    )
    pack = write_pack(tmp_path, text)
    for name, who in (("one-day", "王老师"), ("half-day", "李老师")):
        spec = tmp_path / "agenda" / f"{name}.yaml"
        written = spec.read_text(encoding="utf-8")
        spec.write_text(
            written + f"instructor: {{name: {who}, bio: 十年客服管理经验。}}\n", "utf-8"
        )
    doc = build(pack, tmp_path / "out")
    chapter = chapters(doc)["六、讲师介绍"]
    assert [t for style, t in chapter if style == "Heading 2"] == ["王老师", "李老师"]
    cover = [p.text for p in doc.paragraphs if p.text.strip()][:6]
    assert "讲师：王老师、李老师" in cover  # credited, the pack naming no one
