"""Traditional characters (Taiwan, Hong Kong pages) read as their simplified forms: 第一單元
is 第一单元, 課程大綱 is 课程大纲. One character for one, so a match's place in the folded
text is its place in the text as written, and what is kept is always the page's own
characters."""

from __future__ import annotations

# the characters the structure's words are written with (模块 · 单元 · 讲 · 课 · 节 · 周 ·
# 阶段 · 课题 · 任务 · 专题 · 大纲 · 内容 · 学时 · 时间 · 讲师 · 训练营 · 开场 · 总结 …)
_PAIRS = (
    "單单講讲課课節节週周輪轮階阶組组題题務务專专綱纲內内標标時时間间學学習习備备註注點点"
    "議议詳详細细數数說说紹绍計计劃划師师訓训練练營营鐘钟個个兩两總总約约規规長长線线實实"
    "戰战閉闭脫脱產产論论驗验踐践機机導导開开場场對对認认識识應应評评價价費费參参與与結结"
    "動动簡简歡欢歷历錄录會会義义體体現现際际問问討讨進进級级層层處处態态獎奖礙碍複复雜杂"
)
_TABLE = str.maketrans(_PAIRS[0::2], _PAIRS[1::2])


def fold(text: str) -> str:
    """``text`` with its traditional structure characters as simplified, one for one."""
    return text.translate(_TABLE)
