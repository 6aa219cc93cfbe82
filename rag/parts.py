"""The parts of a whole within one report's table, for a ranking inside that report: "工资福利支出
里哪一项最多" ranks the rows under 工资福利支出, "哪个单位的基本支出最多" the units of the table that
lists them, "单个项目哪个最大" the projects of the project table; and the rows under a unit's row, which
a question about that unit (新会分局的公用经费) chooses among."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from rag import domain
from rag.evidence import Evidence, bigrams, table_cell
from rag.lookup import FigureFinder, clean_row_name, unit_of_row_name
from rag.question import Question
from rag.store import DocumentInfo, RowRecord, TableInfo


@dataclass(frozen=True)
class Parts:
    table: TableInfo
    whole: RowRecord
    column: str
    rows: list[RowRecord]  # each with a value in the column
    labels: dict[int, str] = field(default_factory=dict)  # by row id, when a row's own name does not say whose it is


def group_asked(question_text: str) -> tuple[str, str] | None:
    """What the question ranks (projects or units) and the word it says it by; None: the parts
    of the item it names."""
    match = next((m for pattern in domain.RANK_GROUP_PATTERNS if (m := re.search(pattern, question_text))), None)
    return (domain.RANK_GROUPS[match.group(1)], match.group(1)) if match else None


def descendants(rows: list[RowRecord], position: int) -> list[RowRecord]:
    """The rows below rows[position] that are deeper than it, up to the next row at its level."""
    below = []
    for row in rows[position + 1:]:
        if row.level <= rows[position].level:
            break
        below.append(row)
    return below


def held_by(rows: list[RowRecord], row: RowRecord) -> list[RowRecord]:
    """The rows a row's figure holds in its table: those under it on its side of the table; under a
    total printed after its parts (公用经费合计, the last row of its side), every other row of its side."""
    side = [r for r in rows if r.side == row.side]
    position = side.index(row)
    below = descendants(side, position)
    if not below and position == len(side) - 1 and any(w in row.name for w in domain.TOTAL_ROW_NAMES):
        return side[:position]
    return below


def children(rows: list[RowRecord], position: int) -> list[RowRecord]:
    below = descendants(rows, position)
    level = min((row.level for row in below), default=None)
    return [row for row in below if row.level == level]


def leaves(rows: list[RowRecord], position: int) -> list[RowRecord]:
    return _leaves(descendants(rows, position))


def _leaves(rows: list[RowRecord]) -> list[RowRecord]:
    """The rows no deeper row follows."""
    return [row for i, row in enumerate(rows) if i + 1 == len(rows) or rows[i + 1].level <= row.level]


def unit_name(row: RowRecord) -> str:
    return unit_of_row_name(row.name)


def is_unit_row(row: RowRecord) -> bool:
    return is_unit_name(unit_name(row))


def is_unit_name(name: str) -> bool:
    return name.endswith(domain.UNIT_ROW_ENDINGS)


def is_named(row: RowRecord, words: str, named: list[str]) -> bool:
    """A unit's row the question names: by its name with or without its place ("医疗保障事业管理
    中心"), or by a place or unit word it holds ("蓬江", "江海分局"); the department's own row by 局本级."""
    name = unit_name(row)
    short = re.sub(domain.PLACE_PREFIX, "", name)
    if is_own_row(row):  # the department's own row: every question names the department
        return domain.OWN_LEVEL in words
    return name in words or short in words or any(w in name for w in named)


def is_own_row(row: RowRecord) -> bool:
    return re.sub(domain.PLACE_PREFIX, "", unit_name(row)) == domain.UNIT_SUFFIX


def _with_values(table: TableInfo, whole: RowRecord, column: str, rows: list[RowRecord]) -> Parts | None:
    kept = [row for row in rows if isinstance(row.values.get(column), Decimal)]
    return Parts(table, whole, column, kept) if len(kept) >= 2 else None


def _title_fit(table: TableInfo, words: str) -> int:
    return len(bigrams(words) & bigrams(table.title))


def of_row(table: TableInfo, rows: list[RowRecord], row_id: int, column: str) -> Parts | None:
    """The rows one level under a figure's row, in the figure's column; under a total printed
    after its parts (公用经费合计), the items of its side of the table."""
    whole = next(row for row in rows if row.id == row_id)
    side = [row for row in rows if row.side == whole.side]
    position = side.index(whole)
    below = children(side, position) or [row for row in _leaves(side) if row is not whole and row.level > 0]
    return _with_values(table, whole, column, below)


def of_peers(table: TableInfo, rows: list[RowRecord], row_id: int, column: str) -> Parts | None:
    """The rows of a figure's side of its table at its row's level ("医疗费补助是不是全表最大的一项":
    every 款 of the table), the figure's own among them, in its column; the whole is the table's first row."""
    row = next(r for r in rows if r.id == row_id)
    peers = [r for r in rows if r.side == row.side and r.level == row.level]
    return _with_values(table, rows[0], column, peers) if len(peers) > 1 else None


def of_item(tables: list[tuple[TableInfo, list[RowRecord]]], names: set[str], words: str,
            classifications: list[str], detail: bool) -> Parts | None:
    """The parts of an item in the table that fits the question's words best, of the classification
    said (按经济分类): under the item's row where a table has one, else under the total row of a table
    whose title names the item (一般公共预算项目支出情况表 for 项目支出) or, no item named, of any
    table of that classification; its finest rows when detail is asked (明细科目), else those one level
    under."""
    options = []
    for table, rows in tables:
        if not rows or not table.columns or not all(word in table.title for word in classifications):
            continue
        positions = [i for i, row in enumerate(rows) if clean_row_name(row.name) in names]
        if not positions and (not names or any(name in table.title for name in names)):
            positions = [0]  # the table is the item's: its total row
        for position in positions:
            below = leaves(rows, position) if detail else children(rows, position)
            if found := _with_values(table, rows[position], table.columns[0], below):
                options.append(found)
    return max(options, key=lambda found: _title_fit(found.table, words), default=None)


def of_units(tables: list[tuple[TableInfo, list[RowRecord]]], words: str, named: list[str],
             kind: str | None = None) -> Parts | None:
    """The units under a table's total row, in the table (of those that list units) whose title
    fits the question's words best (基本支出 -> 部门预算基本支出预算表), of the kind asked (分局);
    of them, the ones named ("蓬江、江海、新会三个分局…哪家最多") when two or more are."""
    listing = [(table, rows) for table, rows in tables if rows
               and sum(map(is_unit_row, children(rows, 0))) >= 2 and table.columns]
    if not listing:
        return None
    table, rows = max(listing, key=lambda pair: _title_fit(pair[0], words))
    units = [row for row in children(rows, 0) if is_unit_row(row) and (
        kind is None or kind in unit_name(row) or is_own_row(row) and domain.OWN_LEVEL in words)]  # "局本级和三个分局"
    chosen = [row for row in units if is_named(row, words, named)]
    units = chosen if len(chosen) >= 2 else units
    # "哪个单位的公用经费类最少": the row of that name under each unit
    under = [[c for c in children(rows, rows.index(unit)) if clean_row_name(c.name) in named] for unit in units]
    if units and all(len(found) == 1 for found in under):
        found = _with_values(table, rows[0], table.columns[0], [found[0] for found in under])
        return found and replace(found, labels={f[0].id: unit_name(u) for f, u in zip(under, units)})
    return _with_values(table, rows[0], table.columns[0], units)


def of_projects(tables: list[tuple[TableInfo, list[RowRecord]]], words: str, named: list[str]) -> Parts | None:
    """The projects of the project table: the leaf rows under the unit the question names, or
    under the table's total row."""
    projects = [(table, rows) for table, rows in tables
                if domain.PROJECT_TABLE_WORD in table.title and rows and table.columns]
    if not projects:
        return None
    table, rows = max(projects, key=lambda pair: len(leaves(pair[1], 0)))
    position = next((i for i, row in enumerate(rows) if is_unit_row(row) and is_named(row, words, named)), 0)
    return _with_values(table, rows[position], table.columns[0], leaves(rows, position))


def unit_rows(tables: list[tuple[TableInfo, list[RowRecord]]], unit: str
              ) -> list[tuple[TableInfo, list[RowRecord], int]]:
    """Where a unit's own rows are (table, its rows, the row's position): by the unit's whole name,
    else by a part of it (新会分局)."""
    exact = any(is_unit_row(row) and unit_name(row) == unit for _, rows in tables for row in rows)
    return [(table, rows, position) for table, rows in tables for position, row in enumerate(rows)
            if is_unit_row(row) and (unit_name(row) == unit if exact else unit in clean_row_name(row.name))]


def cells_under(finder: FigureFinder, document: DocumentInfo, question: Question, unit: str) -> list[Evidence]:
    """The rows of a unit (新会分局-小计) in every table, and every row under them, one cell each,
    labelled with the unit: the rows a question about that unit chooses among (its 公用经费类, its
    projects). Its own row stands for the spending its table lists (项目支出)."""
    cells = []
    for table, rows, position in unit_rows(finder.tables(document.name), unit):
        owner = unit_name(rows[position])
        spending = next((s for s in domain.UNIT_TABLE_SUBJECTS if s in table.title), "")
        said = domain.UNIT_TABLE_SUBJECTS.get(spending, "")
        cells.append(_unit_cell(finder, document, question, table, rows[position], f"{owner}{spending}", said))
        cells += [_unit_cell(finder, document, question, table, below, f"{owner}{clean_row_name(below.name)}")
                  for below in descendants(rows, position) if below.values]
    return cells


def _unit_cell(finder: FigureFinder, document: DocumentInfo, question: Question, table: TableInfo,
               row: RowRecord, label: str, said: str = "") -> Evidence:
    """A row's cell labelled with its unit, in the answer and for the ranker alike (the unit's
    words then count the same on every row of it), with other words it is said by."""
    column = finder.column_for(table, row, question, document)
    figure = finder.figure_at(document, table, row, column, label)
    return replace(table_cell(figure), label=f"{label} {said}".strip())
