"""Find every 表N in a report and read it into rows of exact values.

Layouts met in the reports: space-separated text whose cells wrap over several lines,
tab-separated cells, and markdown pipe tables. A table may continue on the next page after a
repeated title and header; a 决算 table may carry 行次 numbers and a 栏次 line; a one-row table
may be a bare line of numbers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag import domain
from rag.models import RuledTable, SourceLine, Table, TableRow
from rag.parse.headers import FlatHeader, flatten_cell_header, flatten_text_header
from rag.parse.text import (
    compact, ends_sentence, indent_width, is_page_furniture, is_value_token, parse_number,
    strip_markup, tidy_chinese,
)

TABLE_MARK = re.compile(r"^(?:附)?表([\d一二三四五六七八九十]{1,3})$")
CN_NUMBERS = {c: i for i, c in enumerate("零一二三四五六七八九", start=0)}


def table_number(mark: str) -> int:
    """'12' or '十二' -> 12."""
    if mark.isdigit():
        return int(mark)
    if "十" in mark:
        tens, _, ones = mark.partition("十")
        return CN_NUMBERS.get(tens, 1) * 10 + CN_NUMBERS.get(ones, 0)
    return CN_NUMBERS[mark]
TITLE = re.compile(r"^[^，。：:；\d]{2,40}表(?:[（(][^）)]{1,12}[）)])?$")
PART_HEADING = re.compile(r"^第[一二三四五六七八九十]+部分")
NOTE_ITEM = re.compile(r"^\d{1,2}[.、．]")
NOTE_LINES, NOTE_ENDS = 4, ("。", ".", "！", "!")  # a note cut at a line's end goes on until a sentence ends
TOC_ENTRY = re.compile(r"^[-*]?\s*([一二三四五六七八九十]+)、\s*(.+)$")
CODE_IN_BRACKETS = re.compile(r"^\[(\d{3,9})\]\s*(.*)$")
CODE = re.compile(r"^\d{3,9}$")
ROW_NUMBERING = (
    (re.compile(r"^(?:其中[：:])?[（(][一二三四五六七八九十]+[）)]"), 2),
    (re.compile(r"^\d{1,2}[.．、]"), 3),
    (re.compile(r"^[一二三四五六七八九十]+、"), 1),
)


@dataclass
class TableBlock:
    number: int
    title: str
    line_start: int
    lines: list[SourceLine] = field(default_factory=list)
    unit: str | None = None
    note: str | None = None
    line_end: int = 0
    closed: bool = False


# ------------------------------------------------------------------ finding tables
def _normal_title(text: str) -> str:
    return compact(strip_markup(text)).replace("(", "（").replace(")", "）")


def find_toc_titles(lines: list[SourceLine]) -> tuple[dict[str, int], set[int]]:
    """Titles of tables listed in the 目录 with the number of their entry (十二、… is 表12; an
    entry lost, as OCR may lose one, shifts no other), and the line numbers the 目录 spans."""
    start = next((i for i, line in enumerate(lines) if _normal_title(line.text) == "目录"), None)
    if start is None:
        return [], set()
    titles: dict[str, int] = {}
    toc_lines = {lines[start].number}
    first_part: str | None = None
    for line in lines[start + 1:]:
        text = _normal_title(line.text)
        if not text:
            toc_lines.add(line.number)
            continue
        if PART_HEADING.match(text):
            if text == first_part:
                break
            first_part = first_part or text
        toc_lines.add(line.number)
        entry = TOC_ENTRY.match(strip_markup(line.text).strip())
        if entry and TITLE.match(_normal_title(entry.group(2))):
            titles.setdefault(_normal_title(entry.group(2)), table_number(entry.group(1)))
    return titles, toc_lines


def find_table_blocks(lines: list[SourceLine], toc_titles: dict[str, int], skip: set[int]) -> list[TableBlock]:
    content = [line for line in lines
               if line.number not in skip and not is_page_furniture(line.text) and line.text.strip()]
    blocks: list[TableBlock] = []
    current: TableBlock | None = None
    marked_number: int | None = None
    last_unit: str | None = None
    for position, line in enumerate(content):
        text = _normal_title(line.text)
        mark = TABLE_MARK.match(text)
        if mark:
            marked_number = table_number(mark.group(1))
            continue
        if any(word in text for word in domain.UNIT_LINE_WORDS):
            unit = re.search(r"单位[：:](万元|亿元|元)", text)
            last_unit = unit.group(1) if unit else last_unit
            if current and not current.closed:
                current.unit = last_unit
            continue
        if _is_table_title(text, content[position + 1:position + 3], marked_number, toc_titles):
            if current and not current.closed and text == current.title and marked_number is None:
                continue  # the title repeated on the next page: same table
            number = marked_number or _number_from_toc(text, toc_titles, blocks)
            current = TableBlock(number, text, line.number, unit=last_unit, line_end=line.number)
            blocks.append(current)
            marked_number = None
            continue
        if current is None or current.closed:
            continue
        if PART_HEADING.match(text):
            current.closed = True
        elif text.startswith(domain.NOTE_PREFIXES):
            current.note = tidy_chinese(strip_markup("".join(n.text.strip() for n in _note_lines(content, position))))
            current.closed = True
            current.line_end = line.number
        else:
            current.lines.append(line)
            current.line_end = line.number
    return blocks


def _note_lines(content: list[SourceLine], position: int) -> list[SourceLine]:
    """A table's note from its 注： line on: a note cut mid-sentence at the line's end ("…决算数是包括当年
    财政拨款和以前年度结转资金" / "安排的实际支出。") goes on until a sentence ends, and a numbered one
    ("注：1.…。" / "2.…。") to its last item; up to NOTE_LINES lines."""
    lines = [content[position]]
    for line in content[position + 1:position + NOTE_LINES]:
        title = _normal_title(line.text)
        numbered = NOTE_ITEM.match(line.text.strip())  # "注：1.…。" then "2.…。": the note's next item
        if lines[-1].text.rstrip().endswith(NOTE_ENDS) and not numbered or PART_HEADING.match(title) \
                or TABLE_MARK.match(title) or TITLE.match(title) or line.text.lstrip().startswith("#"):
            break
        lines.append(line)
    return lines


def _is_table_title(text: str, following: list[SourceLine], marked_number: int | None,
                    toc_titles: dict[str, int]) -> bool:
    """A title line: after a 表N mark, listed in the 目录, or followed by a 单位 line."""
    if not TITLE.match(text) or PART_HEADING.match(text):
        return False
    if marked_number is not None or text in toc_titles:
        return True
    return any(word in compact(line.text) for line in following for word in domain.UNIT_LINE_WORDS)


def _number_from_toc(title: str, toc_titles: dict[str, int], blocks: list[TableBlock]) -> int:
    if title in toc_titles:
        return toc_titles[title]
    return (blocks[-1].number + 1) if blocks else 1


def table_line_numbers(blocks: list[TableBlock]) -> set[int]:
    return {n for block in blocks for n in range(block.line_start, block.line_end + 1)}


# ------------------------------------------------------------------ reading one table
def parse_tables(lines: list[SourceLine]) -> tuple[list[Table], set[int]]:
    """All tables of a report, and the line numbers they (and the 目录) occupy."""
    toc_titles, toc_lines = find_toc_titles(lines)
    blocks = find_table_blocks(lines, toc_titles, toc_lines)
    return [parse_block(block) for block in blocks], table_line_numbers(blocks) | toc_lines


def ruled_lines(table: Table, ruled_tables: list[RuledTable]) -> list[SourceLine]:
    """The rows of the ruled tables that start within the table's lines, as tab-separated lines."""
    return [line for ruled in ruled_tables if table.line_start <= ruled.lines[0].number <= table.line_end
            for line in ruled.lines]


def reread(table: Table, lines: list[SourceLine]) -> Table:
    """The same table read again from other lines (a PDF's ruled cells)."""
    block = TableBlock(table.number, table.title, table.line_start, lines, table.unit, table.note, table.line_end)
    return parse_block(block)


def garbled_rows(table: Table) -> int:
    """Rows whose name or text holds a run of header words: a header reprinted at a page break
    read into the row it cut."""
    words = {compact(part) for column in table.columns for part in column.split("/") if len(compact(part)) > 1}
    return sum(1 for row in table.rows
               if sum(word in compact(row.name + (row.text or "")) for word in words) >= 3)


def drop_reprinted_headers(table: Table) -> None:
    """A row name that starts with a run of the table's header words (a header reprinted at a
    page break, read into the row below it) keeps only what follows them."""
    words = ({compact(part) for column in table.columns for part in column.split("/")}
             | {compact(label) for label in domain.LABEL_HEADERS} | {compact(table.text_column or "")})
    words = sorted(words - {""}, key=len, reverse=True)
    for row in table.rows:
        rest, count = compact(row.name), 0
        while (word := next((w for w in words if rest.startswith(w)), None)) is not None:
            rest, count = rest[len(word):], count + 1
        if count >= 3 and rest:
            row.name = rest


def parse_block(block: TableBlock) -> Table:
    rows_of_cells = [_cells(line.text) for line in block.lines]
    positional = any(cells is not None for cells in rows_of_cells)
    table = Table(block.number, block.title, block.unit, [], [], block.line_start, block.line_end,
                  note=block.note)
    if positional:
        _read_positional(table, block.lines, rows_of_cells)
    else:
        _read_spaced(table, block.lines)
    _assign_levels(table)
    return table


def _cells(text: str) -> list[str] | None:
    """Cells of a tab or markdown row, or None for a space-separated line."""
    stripped = text.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        inner = stripped.strip("|")
        if re.fullmatch(r"[\s:|-]*", inner):
            return []  # the |---|---| separator
        return [cell.strip() for cell in inner.split("|")]
    if "\t" in text:
        return [cell.strip() for cell in text.rstrip("\n").split("\t")]
    return None


def _has_values(cells: list[str]) -> bool:
    return any(parse_number(cell) is not None and "." in cell for cell in cells)


def _header_end(flags: list[bool]) -> int:
    return next((i for i, has in enumerate(flags) if has), len(flags))


def _sides_of(header_words: list[str]) -> tuple[str, str] | None:
    """(收入, 支出) when the first header line names the two sides of a statement ("收 入  支 出" too)."""
    joined = compact("".join(header_words))
    return next(((left, right) for left, right in domain.SIDE_PAIRS if joined == left + right), None)


# ---------------------------------------------------------------- positional layouts
def _read_positional(table: Table, lines: list[SourceLine], rows_of_cells: list[list[str] | None]) -> None:
    cell_rows = [(line, cells) for line, cells in zip(lines, rows_of_cells) if cells]
    flags = [_has_values(cells) for _, cells in cell_rows]
    end = _header_end(flags)
    header = [cells for _, cells in cell_rows[:end]]
    body = cell_rows[end:]
    if not header:
        table.warnings.append("表头缺失")
        return
    header_key = [compact("".join(cells)) for cells in header]
    sides = _sides_of(header[0])
    if sides:
        header = header[1:]
    roles = flatten_cell_header(header)
    table.text_column = next((name for role, name in roles if role == "text"), None)
    spans = _side_spans(roles, sides)
    table.side_columns = {side: [roles[p][1] for p in span if roles[p][0] == "value"] for side, span in spans}
    table.columns = list(dict.fromkeys(c for cols in table.side_columns.values() for c in cols))
    position = 0
    while position < len(body):
        line, cells = body[position]
        if compact("".join(cells)) == header_key[0]:  # the header repeated after a page break,
            position += 1  # whole or in part (a PDF's ruled cells may lose a header row)
            while position < len(body) and compact("".join(body[position][1])) in header_key[1:]:
                position += 1
            continue
        position += 1
        if not _has_values(cells):
            _continue_row(table, line, cells)
            continue
        for side, span in spans:
            _add_positional_row(table, line, cells, roles, span, side if sides else None)


def _side_spans(roles: list[tuple[str, str]], sides: tuple[str, str] | None) -> list[tuple[str, list[int]]]:
    positions = list(range(len(roles)))
    if not sides:
        return [("", positions)]
    labels = [p for p, (role, _) in enumerate(roles) if role == "label"]
    split = labels[len(labels) // 2] if len(labels) >= 2 else len(roles) // 2
    return [(sides[0], positions[:split]), (sides[1], positions[split:])]


def _add_positional_row(table: Table, line: SourceLine, cells: list[str], roles: list[tuple[str, str]],
                        span: list[int], side: str | None) -> None:
    labels, values, text = [], {}, None
    row_number = None
    for position in span:
        cell = cells[position] if position < len(cells) else ""
        role, name = roles[position]
        if role == "label":
            labels.append(cell)
        elif role == "text":
            text = tidy_chinese(cell) or None
        elif name == "行次":
            row_number = int(cell) if cell.isdigit() else None
        elif parse_number(cell) is not None:
            values[name] = parse_number(cell)
    code, name = _code_and_name([c for c in labels if c])
    if not name and not values:
        return
    table.rows.append(TableRow(
        index=len(table.rows), name=name or "合计", values=values, line_start=line.number,
        line_end=line.number, code=code, side=side, row_number=row_number, text=text,
        level=indent_width(labels[0]) if labels else 0,
    ))


def _continue_row(table: Table, line: SourceLine, cells: list[str]) -> None:
    """A row without figures continues the row above: a wrapped name and/or its text cell."""
    if not table.rows or not any(cells):
        return
    row = table.rows[-1]
    if cells[0]:
        row.name = tidy_chinese(row.name + cells[0])
    later = [cell for cell in cells[1:] if cell]
    if table.text_column and later:
        row.text = tidy_chinese((row.text or "") + later[-1])
    row.line_end = line.number


def _code_and_name(labels: list[str]) -> tuple[str | None, str]:
    code = None
    if labels and CODE.match(labels[0].strip()):
        code, labels = labels[0].strip(), labels[1:]
    name = tidy_chinese("".join(labels))
    bracketed = CODE_IN_BRACKETS.match(name)
    if bracketed:
        code, name = bracketed.group(1), bracketed.group(2)
    return code, name.strip()


# ---------------------------------------------------------------- space layout
@dataclass
class _Segment:
    lead: str | None = None  # a leading integer: a code, or the 行次 of an empty cell
    words: list[str] = field(default_factory=list)
    row_number: int | None = None
    values: list[str] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)


def _read_spaced(table: Table, lines: list[SourceLine]) -> None:
    flags = [any(is_value_token(tok) for tok in line.text.split()) for line in lines]
    end = _header_end(flags)
    header_lines = [compact(strip_markup(line.text)) for line in lines[:end]]
    sides = _sides_of(lines[0].text.split()) if lines else None
    if sides:
        _spaced_side_header(table, header_lines[1:], sides)
    else:
        flat = flatten_text_header("".join(header_lines))
        table.columns, table.text_column = flat.columns, flat.text_column
        table.side_columns = {"": flat.columns}
        _warn_unknown(table, flat)
    two_sided = bool(sides)
    has_row_numbers = "行次" in "".join(header_lines)
    body = _drop_repeated_headers(lines[end:], header_lines)
    pending: list[SourceLine] = []
    single_sided_seen = False
    for line in body:
        if not any(is_value_token(tok) for tok in line.text.split()):
            pending.append(line)
            continue
        segments = _segments(line.text, two_sided, has_row_numbers)
        named = [s for s in segments if s.words or s.values]
        if two_sided:
            single_sided_seen = single_sided_seen or len(segments) == 1
            side_names = list(sides) if len(segments) == 2 else [sides[1] if single_sided_seen else sides[0]]
            for side, segment in zip(side_names, segments):
                _add_spaced_row(table, [line], segment, side, has_row_numbers)
            pending = []
            continue
        text_for_previous, name_lines = _split_pending(pending, bool(table.text_column))
        _append_text(table, text_for_previous)
        _add_spaced_row(table, name_lines + [line], named[0] if named else _Segment(), None, has_row_numbers)
        pending = []
    _append_text(table, pending if table.text_column else [])


def _spaced_side_header(table: Table, header_lines: list[str], sides: tuple[str, str]) -> None:
    text = "".join(header_lines)
    label_positions = [m.start() for m in re.finditer("|".join(map(re.escape, ("经济分类科目编码", "项目"))), text)]
    split = label_positions[1] if len(label_positions) > 1 else len(text) // 2
    for side, part in zip(sides, (text[:split], text[split:])):
        flat = flatten_text_header(part)
        table.side_columns[side] = [c for c in flat.columns if c != "行次"]
    table.columns = list(dict.fromkeys(c for cols in table.side_columns.values() for c in cols))


def _warn_unknown(table: Table, flat: FlatHeader) -> None:
    leftovers = [u for u in flat.unknown if len(u) > 1]
    if leftovers:
        table.warnings.append(f"表头中未识别的文字：{'、'.join(leftovers)}")


def _drop_repeated_headers(lines: list[SourceLine], header: list[str]) -> list[SourceLine]:
    """Remove the header block reprinted after each page break."""
    if not header:
        return lines
    kept: list[SourceLine] = []
    position = 0
    while position < len(lines):
        window = [compact(strip_markup(line.text)) for line in lines[position:position + len(header)]]
        if window == header:
            position += len(header)
            continue
        kept.append(lines[position])
        position += 1
    return kept


def _segments(text: str, two_sided: bool, has_row_numbers: bool) -> list[_Segment]:
    segments = [_Segment()]
    for token in text.split():
        current = segments[-1]
        if is_value_token(token):
            if current.trailing:
                segments.append(_Segment(values=[token]))
            else:
                current.values.append(token)
        elif token.isdigit():
            if current.values or current.row_number is not None:
                segments.append(_Segment(lead=token))
            elif current.words and has_row_numbers:
                current.row_number = int(token)
            elif current.lead is None and not current.words:
                current.lead = token
            else:
                current.words.append(token)
        else:
            starts_new = current.values or current.row_number is not None
            if starts_new and not two_sided:
                current.trailing.append(token)
            elif starts_new:
                segments.append(_Segment(words=[token]))
            elif current.lead is not None and not current.words and has_row_numbers and len(current.lead) <= 2:
                # "9 九、卫生健康支出 39 670.88": 9 is the 行次 of an empty left cell
                segments[-1] = _Segment(row_number=int(current.lead))
                segments.append(_Segment(words=[token]))
            else:
                current.words.append(token)
    if two_sided:
        return [s for s in segments if s.words or s.values or s.lead or s.row_number is not None]
    return segments


def _split_pending(pending: list[SourceLine], has_text_column: bool) -> tuple[list[SourceLine], list[SourceLine]]:
    """Lines without figures before a row: the text cell of the row above, then this row's name."""
    if not has_text_column or not pending:
        return [], pending
    cut = None
    for i, line in enumerate(pending):  # a name starts indented or with its code, never ends a sentence
        if (indent_width(line.text) >= 2 or CODE.match(line.text.strip())) and not ends_sentence(line.text):
            cut = i
    if cut is None:
        sentence_ends = [i for i, line in enumerate(pending) if ends_sentence(line.text)]
        cut = sentence_ends[-1] + 1 if sentence_ends else 0
    return pending[:cut], pending[cut:]


def _append_text(table: Table, lines: list[SourceLine]) -> None:
    if not lines or not table.rows:
        return
    row = table.rows[-1]
    row.text = tidy_chinese((row.text or "") + "".join(line.text.strip() for line in lines))
    row.line_end = max(row.line_end, lines[-1].number)


def _add_spaced_row(table: Table, lines: list[SourceLine], segment: _Segment, side: str | None,
                    has_row_numbers: bool) -> None:
    name_lines = [line.text for line in lines[:-1]]
    lead = segment.lead
    if name_lines and CODE.match(name_lines[0].strip()):
        lead, name_lines = name_lines[0].strip(), name_lines[1:]
    if lead and not CODE.match(lead) and has_row_numbers:
        segment.row_number, lead = segment.row_number or int(lead), None
    words = "".join(line.strip() for line in name_lines) + "".join(segment.words)
    code, name = _code_and_name(([lead] if lead else []) + [words])
    columns = table.side_columns.get(side or "", table.columns)
    values = [parse_number(v) for v in segment.values]
    if not name and not values:
        return
    if len(values) != len(columns):
        table.warnings.append(
            f"第{lines[-1].number}行：{len(values)}个数值，表头有{len(columns)}列")
    first_text = lines[0].text
    table.rows.append(TableRow(
        index=len(table.rows), name=name or "合计", values=dict(zip(columns, values)),
        line_start=lines[0].number, line_end=lines[-1].number, code=code, side=side,
        row_number=segment.row_number, level=indent_width(first_text),
        text=tidy_chinese(" ".join(segment.trailing)) or None,
    ))


# ---------------------------------------------------------------- hierarchy
def _assign_levels(table: Table) -> None:
    """Turn indentation, codes and numbering into levels: 0 total, 1 top item, 2, 3 deeper."""
    has_groups = any(_is_group_row(row.name) for row in table.rows)
    for row in table.rows:
        indent = row.level
        row.level = _level_of(row, indent, has_groups)


def _level_of(row: TableRow, indent: int, has_groups: bool) -> int:
    name = compact(row.name)
    if row.code:
        return {3: 1, 5: 2, 7: 3}.get(len(row.code), len(row.code) // 2)
    if name in domain.TOTAL_ROW_NAMES:
        return 0
    for pattern, level in ROW_NUMBERING:
        if pattern.match(name):
            return level
    if _is_group_row(name):
        return 1
    if indent > 0 or has_groups:
        return 2
    return 1


def _is_group_row(name: str) -> bool:
    name = compact(name)
    return name.endswith(domain.GROUP_ROW_SUFFIXES) or name.endswith(domain.UNIT_ROW_ENDINGS)
