"""The section tree (第一部分 / 一、 / （一） / 1.) and paragraphs rejoined across PDF line breaks."""
from __future__ import annotations

import re

from rag import domain
from rag.models import Paragraph, Section, SourceLine
from rag.parse.text import compact, ends_sentence, indent_width, is_page_furniture, strip_markup, tidy_chinese

HEADING_PATTERNS: tuple[tuple[re.Pattern[str], int, int], ...] = (
    # pattern, level, longest heading (characters, whitespace removed)
    (re.compile(r"^第[一二三四五六七八九十]+部分"), 1, 40),
    (re.compile(r"^[一二三四五六七八九十]+、"), 2, 30),
    (re.compile(r"^[（(][一二三四五六七八九十]+[）)]"), 3, 30),
    (re.compile(r"^\d{1,2}[.．、](?!\d)"), 4, 20),
)
PARAGRAPH_START = re.compile(r"^(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]+、)")
NOT_IN_HEADING = re.compile(r"[，。；,;]|\d+\.\d+|万元")
WRAPPED_LINE_RATIO = 0.85  # a heading this long compared with the line after it is a wrapped line
WRAPPED_PART_TAIL = 12  # a 第X部分 heading wrapped onto a short next line


def heading_level(text: str) -> int | None:
    """Level of a heading line, or None for body text.

    Indented lines, lines broken with a markdown hard break, lines listing several things (、) are list items of the body text, and a
    colon inside a numbered line starts a definition (名词解释), not a heading.
    """
    if indent_width(text) >= 4 or text.endswith("  "):  # two trailing spaces: a markdown line break
        return None
    text = compact(strip_markup(text))
    for pattern, level, longest in HEADING_PATTERNS:
        if pattern.match(text) and len(text) <= longest and not NOT_IN_HEADING.search(text):
            if level > 1 and (re.search(r"[：:]", text) or text.count("、") > 1):
                return None
            return level
    return None


def parse_sections(lines: list[SourceLine], skip: set[int]) -> tuple[list[Section], list[Paragraph]]:
    content = [line for line in lines if line.number not in skip and _is_content(line.text)]
    sections: list[Section] = []
    paragraphs: list[Paragraph] = []
    stack: list[Section] = []
    buffer: list[SourceLine] = []

    def flush() -> None:
        if buffer:
            text = _join(buffer)
            if text:
                section_id = stack[-1].id if stack else None
                paragraphs.append(Paragraph(section_id, text, buffer[0].number, buffer[-1].number,
                                            tuple((line.number, compact(strip_markup(line.text))) for line in buffer)))
            buffer.clear()

    position = 0
    while position < len(content):
        line = content[position]
        level = heading_level(line.text)
        following = content[position + 1] if position + 1 < len(content) else None
        if level is not None and level > 1 and following and following.number == line.number + 1 \
                and _wraps_into(line.text, following.text):
            level = None  # a numbered paragraph broken after its first line, not a heading
        if level is None:
            if buffer and _starts_paragraph(line.text, buffer[-1].text):
                flush()
            buffer.append(line)
            position += 1
            continue
        flush()
        heading = tidy_chinese(strip_markup(line.text))
        position += 1
        if level == 1 and position < len(content) and _continues_heading(content[position].text):
            heading += tidy_chinese(strip_markup(content[position].text))
            position += 1
        while stack and stack[-1].level >= level:
            stack.pop()
        parent = stack[-1] if stack else None
        section = Section(len(sections) + 1, level, heading, parent.id if parent else None, line.number)
        section.path = f"{parent.path} > {heading}" if parent else heading
        sections.append(section)
        stack.append(section)
    flush()
    return sections, paragraphs


def _is_content(text: str) -> bool:
    stripped = compact(strip_markup(text))
    if not stripped or is_page_furniture(text) or stripped in ("目录",):
        return False
    return not stripped.startswith(tuple(w for w in domain.UNIT_LINE_WORDS))


def _continues_heading(text: str) -> bool:
    stripped = compact(strip_markup(text))
    return (len(stripped) <= WRAPPED_PART_TAIL and heading_level(text) is None
            and not re.search(r"[，。；：:\d]", stripped) and not stripped.startswith("表"))


def _wraps_into(text: str, following: str) -> bool:
    """A line about as wide as the line right below it, which goes on without starting a
    paragraph or a heading: the first line of a wrapped paragraph (PDF lines break at the page
    width)."""
    if heading_level(following) is not None or _starts_paragraph(following, text):
        return False
    return len(compact(strip_markup(text))) >= WRAPPED_LINE_RATIO * len(compact(strip_markup(following)))


def _starts_paragraph(text: str, previous: str) -> bool:
    if ends_sentence(strip_markup(previous)):
        return True
    stripped = strip_markup(text)
    return indent_width(text) >= 4 or bool(PARAGRAPH_START.match(stripped.strip()))


def _join(lines: list[SourceLine]) -> str:
    text = ""
    for line in lines:
        part = strip_markup(line.text).strip()
        if text and re.match(r"[A-Za-z0-9]", part) and re.search(r"[A-Za-z]$", text):
            text += " "
        text += part
    return tidy_chinese(text)
