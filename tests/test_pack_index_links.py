"""Every link in a pack's index.html and index.md opens the file it names, whatever the
course id holds (``#``, ``%``, a space: characters a URL reserves)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from syllabus_cli.build.batch import build_pack_folder

COURSE = (
    'title: 基础\nid: "c#-basics 100%"\nduration: 1h\nschedule: {breaks: []}\n'
    "modules:\n  - {title: 一, duration: 1h}\n"
)


def test_links_in_both_indexes_open_the_files_they_name(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(COURSE, encoding="utf-8")
    pack = tmp_path / "p.yaml"
    pack.write_text("client: 客户\ntitle: 项目\ncourses: [c.yaml]\n", encoding="utf-8")
    assert build_pack_folder(pack, tmp_path / "out", workers=1, force=False).ok
    root = tmp_path / "out" / "p"
    html = (root / "index.html").read_text(encoding="utf-8")
    markdown = (root / "index.md").read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"]+)"', html)
    links = re.findall(r"\]\(([^)]+)\)", markdown)
    course_links = [h for h in hrefs if "/" in h]
    assert course_links and all("%23" in h and "%25" in h and " " not in h for h in course_links)
    for link in hrefs + links:
        target = root / unquote(link.replace("&amp;", "&"))
        assert target.is_file() or link.endswith(".zip"), link
    assert sorted(h for h in hrefs if "/" in h) == sorted(x for x in links if "/" in x)
