"""Answers of one figure: the figure the reports state for what is asked, with where it is
printed, the report's prose when it states the same item, and the audit's caveat; a refusal that
lists what the reports hold when none is found.

A module of its own so that finding and writing figures is one collaborator with a narrow face:
AnswerEngine routes the figure questions to run(), and rag/derived.py builds comparisons, shares,
changes and rankings from what it finds and writes (lookup, best, figure_sentence, figure_source,
pair) instead of reaching into the engine. Two figures asked at once ("医保基金收入和支出各多少")
are written side by side here, as a comparison writes them.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from itertools import permutations

from rag import domain, parts, rank
from rag.answer_types import Answer, Refuse, Source, asked_as_typed, money, subject_name
from rag.audit import direct_children
from rag.cache import RecentlyUsed
from rag.evidence import (Evidence, bigrams, fold, matching_cells, named_cells, pasted_cells, positioned_cells,
                          prose_numbers, target_numbers)
from rag.index import Chunk
from rag.lookup import Figure, FigureFinder, clean_row_name, pointed_at, rows_at
from rag.parse.text import compact, unquoted
from rag.question import AMOUNT_CITED, TABLE_NUMBER, Question, cited_range, leaves_out, measure_asked, ratio_asked
from rag.store import DocumentInfo, RowRecord, TableInfo, TableStore

# what a prose figure's clause starts with that names nothing ("、城乡居民医保", "其中城镇职工医保")
PROSE_LEAD_IN = re.compile(r"^[、，,；;：:（(]*(?:其中)?")
UNIT_ROWS_LISTED = 6  # a refusal names this many of a unit's own rows when the item asked of it is not one
SUBJECT_SAID_AT = 0.5  # a unit speaks of a subject when it holds this share of one of its names' bigrams


class FigureAnswers:
    """Figures ranked from each report's evidence (table cells, prose numbers, 绩效目标 numbers) by
    rag/rank.py, written with their citations."""

    def __init__(self, store: TableStore, finder: FigureFinder, term_weights: rank.TermWeights,
                 refuse: Refuse, reports_cached: int):
        self.store = store
        self.finder = finder
        self.term_weights = term_weights
        self._refuse = refuse
        self.inconsistencies = _Inconsistencies(store)
        self._numbers: dict[str, list[Evidence]] = RecentlyUsed(reports_cached)  # per report, bounded

    def run(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        """The figure asked, from each of these reports that states it, or each of those asked together."""
        several = (not question.subjects
                   or len(question.subjects) == 1 and (  # one thing found, more asked:
                       any(w in question.reading for w in domain.EACH_WORDS)  # "A和B各多少" with A said in part
                       or _two_joined_asked(question) or rank.times_asked(question.reading)
                       or len(question.columns) > 1 and len(rank.several_asked_readings(question)) > 1)  # "A预算中，
                   # 基本支出多少、项目支出多少"; "A、B、C各多少" with items the question does not each name as a subject
                   or len(rank.listed_readings(question)) > len(question.subjects)
                   or rank.side_carried(question))  # "A收入决算多少，支出决算多少": A's other side too
        if several and len({d.city for d in documents}) == 1:
            readings, in_clauses = _readings_of_several(question)
            each = self._each_found(question, documents, readings)
            if each and None not in each:
                if self.total_asked(question, [figure for _, figure in each]):  # "A加上B，等于C吗": their sum, checked
                    return self.with_total(question, self.side_by_side(question, each))
                return self.pair(question, *each) if len(each) == 2 else self.side_by_side(question, each)
            held = [pair for pair in each if pair]
            if in_clauses and len(readings) > 2 and len(held) >= 2:  # "…收入多少、支出多少，结余多少": those the
                unstated = [re.sub(r"[？?。！!]+$", "", r) for r, pair in zip(readings, each) if pair is None]  # reports state
                answer = self.pair(question, *held) if len(held) == 2 else self.side_by_side(question, held)
                answer.answer += f"\n（{'、'.join(f'“{clause}”' for clause in unstated)}：报告中没有找到这个数字。）"
                return answer
        subjects = question.subjects[:4] or [None]
        named_unit = self._named_unit(question, documents)
        if named_unit:  # "蓬江分局有多少个编制": asked of the reports that list it
            documents = [d for d in documents if parts.unit_rows(self.finder.tables(d.name), named_unit)] or documents
        figures: list[Figure] = (self._under_named_parent(question, documents)
                                 or self.of_named_unit(question, documents, named_unit))
        if named_unit and not figures and (items := _items_besides(question, named_unit)):
            return self._unit_lacks(question, documents, named_unit, items[0])
        figures = figures or self._in_named_project(question, documents)
        figures = figures or [unit.figure for d in documents for unit in pasted_cells(self.finder, d, question)]
        if not question.subjects:  # "表6最后一行是多少": every cell the line prints, each side of a two-sided table
            figures = figures or [unit.figure for d in documents for unit in positioned_cells(self.finder, d, question)]
        for at, subject in enumerate(subjects if not figures else []):
            if _part_of_a_name_found(question.said.get(subject), [question.said.get(s) for s in subjects[:at]], figures):
                continue  # "档案管理及机关运行费的项目": 机关运行费 is said as part of the project found
            for unit in self.ranked(question, documents, subject, siblings=True):
                if named_unit and not _mentions_unit(unit, named_unit, question) and not _city_wide_of(unit, named_unit):
                    continue  # "新会区参加居民医保的人数": the city's count is not the branch's
                if not any((f.doc, f.line, f.row, f.value) == (unit.figure.doc, unit.figure.line, unit.figure.row,
                                                                unit.figure.value) for f in figures):  # 收入合计 and
                    # 支出合计 printed on one line, alike
                    figures.append(unit.figure)
        if not figures:
            return self.not_found(question, documents, subjects[0])
        figures = list({(f.doc, f.table, f.line, f.row, f.column, f.value): f for f in figures}.values())  # one cell named twice
        figures = [f for f in figures if not leaves_out(question, f.label)] or figures  # 不算蓬江…分局: not theirs
        figures = [f for f in figures if self._printed_at(f, question)] or figures  # "表8最后一行公务接待费": that row's
        if question.rows_from_named and not (figures := self._rows_from(figures, question.rows_from_named)):
            return self.not_found(question, documents, subjects[0])
        figures = [f for f in self._parts_before_wholes(figures) if not _names_anothers_table(f, figures, question)]
        if remainder := self._remainder(question, figures):  # "除人员经费以外的基本支出"
            return remainder
        if len(figures) == 2 and rank.times_asked(question.reading):  # "A是B的几倍": both, and the multiple
            return self.pair(question, *((f.label, f) for f in figures))
        lines, sources = [], []
        for figure in figures:
            lines.append(self.figure_sentence(figure))
            lines.extend(self._prose_agreement(question, figure, sources))
            lines.extend(self._audit_caveat(figure))
            sources.insert(0, self.figure_source(figure))
        missing = [d.title for d in documents if d.name not in {f.doc for f in figures}]
        if missing and len(figures) < len(documents):
            lines.append(f"（{'、'.join(missing)}中没有找到“{subject_name(subjects[0], question)}”。）")
        answer = Answer(question.text, True, "\n".join(lines), figures, sources, question.intent, question)
        if self.total_asked(question, figures):
            return self.with_total(question, answer)
        whole, children = next(((figure, rows) for figure in figures if (rows := self.part_rows(figure))),
                               (None, []))  # parts come first: the whole is the first figure that has some
        answer.chart = self._parts_chart(whole, children) if whole else None
        if answer.chart and any(w in question.typed for w in domain.BREAKDOWN_WORDS):  # its parts, in words too
            listed = "、".join(f"{label}{money(Decimal(f'{value:.2f}'))}{answer.chart['unit']}"
                              for label, value in zip(answer.chart["labels"], answer.chart["values"])
                              if not leaves_out(question, label))  # 不算住房公积金的话: the others
            answer.answer += f"\n其中：{listed}（同表同列）。"
            if question.excluded:  # "不算住房公积金的话，还有哪一项": the others are the answer
                answer.figures = self._parts_left(question, whole, children) + figures
        return answer

    @staticmethod
    def total_asked(question: Question, figures: list[Figure]) -> bool:
        """A sum asked of several figures of one report and unit ("各多少，合计多少"): of one table and
        column, or one item's in several tables (基本支出 and 项目支出's 公务接待费), or with one the prose
        states (重点项目's 医疗保障业务资金, beside 表12's 医疗救助专项资金)."""
        asked = question.typed
        for name in {clean_row_name(f.row) for f in figures if f.row}:  # "人员经费合计是多少": a row's own name
            asked = asked.replace(name, "甲") if any(word in name for word in domain.SUM_WORDS) else asked
        return len(figures) > 1 and bool(re.search(domain.TOTAL_ASKED, asked)) and len(
            {(f.doc, f.unit) for f in figures}) == 1 and (len({(f.table, f.column) for f in figures}) == 1
                                                         or len({f.row for f in figures}) == 1
                                                         or any(f.table is None for f in figures))

    def with_total(self, question: Question, answer: Answer) -> Answer:
        """The answer's figures summed, and the row of their table that prints the sum, when one does
        (公务用车购置费 and 运行维护费: 公务用车购置及运行维护费); a printed total off the sum by
        rounding is said to be."""
        wholes = [f for f in answer.figures if self._parts_among(f, answer.figures)]
        figures = [f for f in answer.figures if f not in wholes]  # "A和B加起来是否等于C", C their row's parent:
        if len(figures) == 1 and len(wholes) == 1:  # the parts are summed, and C is the total printed; one part
            whole, part = wholes[0], figures[0]  # and the row it lies under are not added up: the one holds the other
            answer.answer += (f"\n「{whole.label}」{money(whole.value)}{whole.unit}已包含「{part.label}」"
                              f"{money(part.value)}{part.unit}，两者不能相加。")
            return answer
        if len(figures) < 2:
            figures, wholes = list(answer.figures), []
        total = sum(f.value for f in figures)
        summed = f"合计：{' + '.join(money(f.value) for f in figures)} = {money(total)}{figures[0].unit}。"
        printed = wholes[0] if wholes else self._printed_total(figures, total, question.reading)
        if printed:
            off = abs(printed.value - total)
            rounding = ("（与逐项相加相等）" if not off else f"（与逐项相加差{money(off)}"
                        + ("，为尾数误差）" if off <= Decimal("0.01") * len(figures) else "）"))
            summed += f"\n报告所列「{printed.label}」为{money(printed.value)}{printed.unit}{rounding}（{printed.citation}）。"
        if printed and not any(word in question.typed for word in domain.EACH_WORDS):
            answer.answer = f"{summed}\n{answer.answer}"  # "A加B共多少": the sum is the answer, the parts its working
            source = self.figure_source(printed)
            answer.figures = [printed] + [f for f in answer.figures if f is not printed]
            answer.sources = [source] + [s for s in answer.sources if s != source]
            return answer
        answer.answer += f"\n{summed}"
        if printed and not wholes:
            answer.figures.append(printed)
            answer.sources.append(self.figure_source(printed))
        return answer

    def _printed_total(self, figures: list[Figure], total: Decimal, reading: str) -> Figure | None:
        """The row of the figures' table, in their column, whose value is their sum up to rounding, else
        the row of another table the question names that prints it; for one item's figures in several
        tables, the item's row of another table that prints the sum."""
        first = figures[0]
        if first.table is None or not total:  # a sum of nothing: any empty row would seem to print it
            return None
        tolerance = Decimal("0.01") * len(figures)
        document = self.store.document(first.doc)
        if len({f.table for f in figures}) > 1:  # 公务接待费 of 表6 and 表7: 表8 prints it whole
            item = clean_row_name(first.row or "")
            return next((self.finder.figure_at(document, table, row, column, clean_row_name(row.name))
                         for table, rows in self.finder.tables(first.doc) if table.number not in {f.table for f in figures}
                         for row in rows if item and item in clean_row_name(row.name)
                         for column, value in row.values.items() if abs(value - total) <= tolerance), None)
        table, rows = self.table_of(first)
        columns = {f.column for f in figures}
        if len({f.row_id for f in figures}) == 1 and len(columns) > 1:  # one row's 基本支出 and 项目支出: its 合计
            row = next(r for r in rows if r.id == first.row_id)
            column = next((c for c, value in row.values.items() if c not in columns and abs(value - total) <= tolerance), None)
            return self.finder.figure_at(document, table, row, column, clean_row_name(row.name)) if column else None
        said = {f.row for f in figures}
        sums = [r for r in rows if r.name not in said and (value := r.values.get(first.column or "")) is not None
                and abs(value - total) <= tolerance]
        above = {r.id for r in self.finder.ancestors(first)}  # the parts' own subtotal before a row equal by chance
        row = next((r for r in sums if r.id in above), sums[0] if sums else None)
        if row:
            return self.finder.figure_at(document, table, row, first.column, clean_row_name(row.name))
        # or the whole the question names, in another table ("A加上B，是否等于城乡医疗救助的预算数")
        named = [(len(name), -other.number, other, row, column, name)
                 for other, rows in self.finder.tables(first.doc) if other.number != table.number
                 for row in rows if row.name not in said and len(name := clean_row_name(row.name)) > 1 and name in reading
                 for column, value in row.values.items() if abs(value - total) <= tolerance]
        if not named:
            return None
        *_, other, row, column, name = max(named, key=lambda n: n[:2])  # the longest name said: 城乡医疗救助, not 医疗救助
        return self.finder.figure_at(document, other, row, column, name)

    def _parts_left(self, question: Question, whole: Figure, children: list[RowRecord]) -> list[Figure]:
        """The parts (`children`, the rows under the whole's) the question does not leave out, as figures."""
        document = self.store.document(whole.doc)
        table, _ = self.table_of(whole)
        return [self.finder.figure_at(document, table, row, whole.column, clean_row_name(row.name))
                for row in children if not leaves_out(question, clean_row_name(row.name))]

    def _printed_at(self, figure: Figure, question: Question) -> bool:
        """The figure's row is printed where the question points in the table it names ("表6最后一行")."""
        if question.row_position is None or figure.table is None:
            return False
        table, rows = self.table_of(figure)
        return pointed_at(table, question) and figure.row_id in {r.id for r in rows_at(rows, question.row_position)}

    def _rows_from(self, figures: list[Figure], rows_down: int) -> list[Figure]:
        """"…小计下面的第一行": for each table row found, the row `rows_down` rows under it (over, when
        negative) on its side of the table, in the same column; none past the table's ends."""
        moved = []
        for figure in figures:
            if figure.table is None:
                continue
            table, rows = self.table_of(figure)
            row = next(r for r in rows if r.id == figure.row_id)
            side = [r for r in rows if r.side == row.side]
            at = side.index(row) + rows_down
            if 0 <= at < len(side) and figure.column in side[at].values:
                moved.append(self.finder.figure_at(self.store.document(figure.doc), table, side[at], figure.column,
                                                   clean_row_name(side[at].name)))
        return moved

    def _parts_before_wholes(self, figures: list[Figure]) -> list[Figure]:
        """A whole and its part both named ("三公 江门 24 预算 公务接待费", "卫生健康支出里…行政运行"):
        the part is what is asked, the whole its setting, so a figure whose table row holds another's comes after it."""
        return sorted(figures, key=lambda f: self._parts_among(f, figures)) if len(figures) > 1 else figures

    def _parts_among(self, figure: Figure, figures: list[Figure]) -> int:
        """How many of the figures are rows under this one's, in its table."""
        if figure.table is None or figure.row_id is None:
            return 0
        rows = self.table_rows(figure)
        below = {row.id for row in parts.held_by(rows, next(row for row in rows if row.id == figure.row_id))}
        return sum(1 for other in figures if other.doc == figure.doc and other.table == figure.table
                   and other.row_id in below)

    # ------------------------------------------------------------ evidence
    def _numbers_of(self, document: DocumentInfo) -> list[Evidence]:
        if document.name not in self._numbers:
            self._numbers[document.name] = prose_numbers(self.store, document) + target_numbers(self.finder, document)
        return self._numbers[document.name]

    def ranked(self, question: Question, documents: list[DocumentInfo], subject: str | None,
               siblings: bool = False, changes: bool = False) -> list[Evidence]:
        """Each report's best unit of evidence for the subject (or, with none, for the question's
        own words), best report first. With siblings, the other rows the exact look-up found
        alongside the best one (行政运行 under several 功能科目) come too; with changes, only
        the units that state a change against last year compete."""
        if subject and subject not in question.subjects:  # a whole the question leaves unsaid
            question = replace(question, reading=subject_name(subject), asked_class=None)
        elif subject and not any(w in question.reading for w in (*domain.ITEMS.get(subject, ()), subject)):
            question = replace(question, reading=f"{question.reading} {subject_name(subject)}")  # carried over
        own = question.said.get(subject, subject or "")
        others = tuple(w for other in question.subjects if other != subject  # as named, with or without its place,
                       for w in (*domain.ITEMS.get(other, ()), other, re.sub(domain.PLACE_PREFIX, "", other),
                                 question.said.get(other, other)) if w not in own)  # and as said, unless ours holds it
        if question.intent == "change":  # 增加 or 减少: the report's direction, whichever was asked
            others += domain.DIRECTION_WORDS
        terms = rank.query_terms(question, self.term_weights, drop=others)
        content = rank.content_words(question)
        found: list[tuple[float, list[Evidence]]] = []
        for document in documents:
            named = named_cells(self.finder, document, subject, question) if subject else []
            units = (named + positioned_cells(self.finder, document, question)
                     + matching_cells(self.finder, document, question, content) + self._numbers_of(document))
            best = rank.best_per_document([u for u in units if u.change] if changes else units, terms, question)
            if not best:
                continue
            value, unit = best[0]
            if subject and question.asked_class in (None, "money") and not unit.named \
                    and not _says_subject(unit, subject, question):
                continue  # a sum that names no word of the item asked is another item's
            found.append((value, [unit] + [n for n in named if siblings and unit.named and n is not unit
                                           and rank.score(n, terms, question) == value]))
        return [unit for _, units in sorted(found, key=lambda f: -f[0]) for unit in units]

    def conjoined(self, question: Question, documents: list[DocumentInfo]) -> list[tuple[str, Figure]] | None:
        """"医保基金收入和支出各多少", "职工医保和居民医保参保人数", "药品多少种、耗材多少类": each
        thing asked, with the words they share, when each is found and is another figure."""
        found = self._each_found(question, documents, _readings_of_several(question)[0])
        return found if found and None not in found else None

    def _each_found(self, question: Question, documents: list[DocumentInfo],
                    readings: list[str]) -> list[tuple[str, Figure] | None]:
        """Each reading's best figure (None where none), labelled as the reading tells it apart; [] when
        two readings find one cell."""
        found = []
        for own in readings_asked(question, readings):
            best = self.lookup(own, documents, own.subjects[0] if len(own.subjects) == 1 else None)
            found.append((PROSE_LEAD_IN.sub("", best[0].label) or best[0].label, best[0]) if best else None)
        held = [pair for pair in found if pair]
        if len({label for label, _ in held}) < len(held):  # "（其中…居民医保25.4亿元），支出…（…居民医保27.56亿元）"
            found = [(_told_apart(pair[0], reading), pair[1]) if pair else None for pair, reading in zip(found, readings)]
            held = [pair for pair in found if pair]
        distinct = all(len({key(f) for _, f in held}) == len(held)  # not one cell twice, nor one row of two tables
                       for key in (lambda f: (f.doc, f.line, f.column, f.value), lambda f: (f.doc, f.label, f.value)))
        return found if len(found) >= 2 and distinct else []

    def listed_in_section(self, document: DocumentInfo, said: list[str]) -> tuple[str, list[Figure]]:
        """The section whose heading says one of these words ("重点项目" of "六、重点项目预算绩效目标情况")
        and its money figures, one per label and none a change, when it lists at least two."""
        sections: dict[str, list[Figure]] = {}
        for unit in self._numbers_of(document):
            heading = (unit.section or "").split(" > ")[-1]
            if unit.figure and unit.unit_class == "money" and not unit.change and any(w in heading for w in said):
                listed = sections.setdefault(heading, [])
                listed += [] if any(f.label == unit.figure.label for f in listed) else [unit.figure]
        return next(((heading, listed) for heading, listed in sections.items() if len(listed) > 1), ("", []))

    def stated_with(self, figure: Figure, documents: list[DocumentInfo]) -> list[Figure]:
        """The prose figures of the figure's sentence in its unit (or one counting alike: 个 and 项), itself
        among them, in the order said."""
        document = next(d for d in documents if d.name == figure.doc)
        alike = domain.COUNTED_ALIKE.get(figure.unit, figure.unit)
        return [u.figure for u in self._numbers_of(document) if u.figure and u.figure.sentence == figure.sentence
                and domain.COUNTED_ALIKE.get(u.figure.unit, u.figure.unit) == alike]

    def _remainder(self, question: Question, figures: list[Figure]) -> Answer | None:
        """"除人员经费以外的基本支出": the whole found less the one item left out, found in the same
        report and unit, computed and said so; the row of the part's table that prints that remainder
        (公用经费合计), when one does, comes first."""
        if question.intent != "figure" or len(question.excluded) != 1 or question.excluded[0] not in domain.ITEMS:
            return None
        whole = figures[0]
        document = self.store.document(whole.doc)
        part = self.best(replace(question, excluded=[]), document, question.excluded[0])
        if part is None or part.unit != whole.unit or leaves_out(question, whole.label) \
                or not 0 < part.value < whole.value or not self._lies_in(part, whole):
            return None  # "不含项目支出的话，光基本支出": a whole beside, no part, is no remainder asked
        left = whole.value - part.value
        table, rows = self.table_of(part) if part.table is not None else (None, [])
        printed = [self.finder.figure_at(document, table, row, part.column, clean_row_name(row.name))
                   for row in rows if row.id != part.row_id and row.values.get(part.column) == left]
        printed.sort(key=lambda f: not f.row.endswith(part.row[-2:]))  # 公用经费合计 beside 人员经费合计, before
        # 商品和服务支出 of the same amount
        lines = [f"{whole.label}{money(whole.value)}{whole.unit}除去{part.label}{money(part.value)}{part.unit}，"
                 f"余{money(left)}{whole.unit}（计算得出）" + (f"，即{printed[0].label}：" if printed else "。")]
        lines += [self.figure_sentence(f) for f in printed[:1] + [whole, part]]
        figures = printed[:1] + [whole, part]
        return Answer(question.text, True, "\n".join(lines), figures, [self.figure_source(f) for f in figures],
                      question.intent, question)

    def _lies_in(self, part: Figure, whole: Figure) -> bool:
        """A part of the whole: a row under the whole's in its table, or a figure of a table about the
        whole (人员经费合计 of 表6 一般公共预算财政拨款基本支出决算明细表, a part of 基本支出)."""
        return bool(self._parts_among(whole, [part])) or compact(whole.label) in compact(part.table_title or "")

    def lookup(self, question: Question, documents: list[DocumentInfo], subject: str | None) -> list[Figure]:
        return [unit.figure for unit in self.ranked(question, documents, subject)]

    def best(self, question: Question, document: DocumentInfo, subject: str | None) -> Figure | None:
        found = self.lookup(question, [document], subject)
        return found[0] if found else None

    def _under_named_parent(self, question: Question, documents: list[DocumentInfo]) -> list[Figure]:
        """"新会分局的人员类": of the rows one subject names, those under the row of a unit another names."""
        found = []
        for parent, child in permutations(question.subjects[:4], 2):
            said = (*domain.ITEMS.get(parent, ()), parent)
            for document in documents:
                for unit in named_cells(self.finder, document, child, question):
                    if unit.figure.table is None or {unit.unit_class, question.asked_class} == {"count", "money"}:
                        continue  # "…中心的基本医疗救助金救助多少人次": not its 万元
                    under = next((row for row in self.finder.ancestors(unit.figure) if parts.is_unit_row(row)
                                  and any(word in clean_row_name(row.name) for word in said)), None)
                    if under is not None:  # labelled with its parent: 江门市医疗保障局新会分局人员类
                        name = parts.unit_name(under)
                        found.append(replace(unit.figure, label=f"{name}{unit.figure.label}"))
        return found

    @staticmethod
    def _named_unit(question: Question, documents: list[DocumentInfo]) -> str | None:
        """A unit of the department the question names (the department itself only as 局本级)."""
        own_level = domain.OWN_LEVEL in question.reading
        return next((s for s in question.subjects if parts.is_unit_name(s)
                     and (own_level or all(s != d.unit for d in documents))), None)

    def of_named_unit(self, question: Question, documents: list[DocumentInfo], unit: str | None,
                      others: tuple[str, ...] = ()) -> list[Figure]:
        """"新会分局请专家的劳务费": a unit named, and other words; its rows and the rows under them
        are ranked by those words (not by `others`, the other units compared with it)."""
        if unit is None:
            return []
        items = [(*domain.ITEMS.get(s, ()), s, question.said.get(s, s)) for s in _items_besides(question, unit, others)]

        def candidates(document: DocumentInfo) -> list[Evidence]:  # its rows and prose, naming the items asked
            found = parts.cells_under(self.finder, document, question, unit) + [
                u for u in self._numbers_of(document) if unit in u.lead or unit in u.context]  # 绩效目标, prose
            return [u for u in found if all(any(w in f"{u.label}{u.lead}{u.context}" for w in said) for said in items)]
        return self._best_in_scope(question, documents, unit, candidates, others)

    def _unit_lacks(self, question: Question, documents: list[DocumentInfo], unit: str, item: str) -> Answer:
        """A unit named whose rows hold nothing of the item asked: said, with what they do hold."""
        held = dict.fromkeys(u.label.removeprefix(unit).strip() or u.label
                             for d in documents for u in parts.cells_under(self.finder, d, question, unit))
        listed = f"报告为它单列的有：{'、'.join(list(held)[:UNIT_ROWS_LISTED])}。" if held else ""
        if question.asked_unit and any(subject_name(item) in label for label in held):  # its sum, not the count asked
            return self._refuse(question, f"报告只列出“{subject_name(unit)}”的“{subject_name(item)}”金额，"
                                          f"没有以“{question.asked_unit}”计的数字。")
        return self._refuse(question, f"报告没有单列“{subject_name(unit)}”的“{subject_name(item)}”。{listed}")

    def _in_named_project(self, question: Question, documents: list[DocumentInfo]) -> list[Figure]:
        """"医药价格和招采管理经费，目标是把…费用降低多少以上": a project named, and words its 绩效目标
        text answers; its cell and the numbers of its text are ranked by those words."""
        def goal_numbers(document: DocumentInfo, project: str) -> list[Evidence]:
            return [u for u in self._numbers_of(document) if u.figure.table is not None
                    and clean_row_name(u.figure.row or "") == project]

        project = next((s for s in question.row_terms if any(goal_numbers(d, s) for d in documents)), None)
        if project is None:
            return []
        return self._best_in_scope(question, documents, project, lambda document: named_cells(
            self.finder, document, project, question) + goal_numbers(document, project))

    def _best_in_scope(self, question: Question, documents: list[DocumentInfo], name: str,
                       candidates, others: tuple[str, ...] = ()) -> list[Figure]:
        """Per report, the best of the candidates a named thing narrows to, by the question's other words."""
        drop = (name, re.sub(domain.PLACE_PREFIX, "", name), *others)
        terms = rank.query_terms(question, self.term_weights, drop=drop)
        characters = rank.characters_said(question, drop)
        return [best.figure for document in documents
                if (best := rank.best_of_scope(candidates(document), terms, question, characters))]

    def of_project(self, question: Question, project: Chunk) -> Answer | None:
        """A project found by what its 绩效目标 says, not by its name: its row's figure in the column
        asked, with the name it was read as."""
        document = self.store.document(project.doc)
        table, rows = next(((t, rows) for t, rows in self.finder.tables(project.doc) if t.number == project.table),
                           (None, []))
        row = next((r for r in rows if r.text and r.values and r.line_start == project.line_start), None)
        if row is None or next(iter(row.values.values())) in question.stated:  # the sum cited is not the answer
            return None
        name = clean_row_name(row.name)
        figure = self.finder.figure_at(document, table, row, self.finder.column_for(table, row, question, document), name)
        text = f"（按绩效目标所写的用途，理解为“{name}”）\n{self.figure_sentence(figure)}"
        return Answer(question.text, True, text, [figure], [self.figure_source(figure)], question.intent, question)

    @staticmethod
    def figure_sentence(figure: Figure) -> str:
        if figure.table is not None and figure.sentence is None:
            return (f"{figure.doc_title}：{figure.label}{money(figure.value)}{figure.unit}"
                    f"（{figure.citation}）。")
        return f"{figure.doc_title}：{figure.label}{money(figure.value)}{figure.unit}。原文：“{figure.sentence}”（{figure.citation}）"

    def _prose_agreement(self, question: Question, figure: Figure, sources: list[Source]) -> list[str]:
        """Say when the report's text states the same item, and show both when they differ."""
        item = next((i for i in question.items if i in domain.ITEMS), None)
        if item is None or figure.table is None or not any(  # the figure is the item's, not a row in its column
                unquoted(compact(name)) in unquoted(compact(f"{figure.row or ''}{figure.label}")) for name in domain.ITEMS[item]):
            return []
        document = self.store.document(figure.doc)
        facts = self.finder.prose_facts(document, item)
        if not facts:
            return []
        fact = next((f for f in facts if f.value == figure.value), facts[0])
        sources.append(Source(fact.doc, document.title, "text", fact.section_path, None, fact.sentence, fact.line))
        if fact.value == figure.value:
            return [f"正文同样载明：“{fact.sentence}”（第{fact.line}行）。"]
        if not _table_is_about(figure, item):  # 基本支出明细表's 公务用车运行维护费 is a part of the prose's
            sources.pop()
            return []
        return [f"注意：正文写的是{money(fact.value)}{fact.unit}，与表格不一致：“{fact.sentence}”（第{fact.line}行）。"]

    def _audit_caveat(self, figure: Figure) -> list[str]:
        """Where the reports' own arithmetic does not hold at this figure's line, say so."""
        finding = self.inconsistencies.get((figure.doc, figure.line))
        if finding is None:
            return []
        return [f"核对提示：{finding.subject}，所列{finding.expected}，计算得{finding.actual}，报告本身前后不一致。"]

    def table_rows(self, figure: Figure) -> list[RowRecord]:
        """The rows of the table a figure comes from (cached by the finder)."""
        return self.table_of(figure)[1]

    def table_of(self, figure: Figure) -> tuple[TableInfo, list[RowRecord]]:
        """The table a figure comes from, with its rows (cached by the finder)."""
        return self.finder.table_of(figure)

    def figure_source(self, figure: Figure) -> Source:
        if figure.table is None:
            return Source(figure.doc, figure.doc_title, "text", None, None, figure.sentence or "", figure.line)
        row = next(r for r in self.table_rows(figure) if r.id == figure.row_id)
        cells = "，".join(f"{c} {money(v)}" for c, v in row.values.items())
        text = f"表{figure.table}《{figure.table_title}》 {row.name}：{cells}"
        return Source(figure.doc, figure.doc_title, "table", f"表{figure.table} {figure.table_title}", figure.table,
                      text, figure.line, row.line_end, row_id=row.id, column=figure.column)

    def _parts_chart(self, figure: Figure, children: list[RowRecord]) -> dict:
        """The figure's row's parts in its table (三公经费 into its three, a 功能科目 into its
        sub-items: `children`, from part_rows), in the same column, for a breakdown chart."""
        row = next(r for r in self.table_rows(figure) if r.id == figure.row_id)
        values = [child.values[figure.column] for child in children]
        return {"kind": "parts", "title": f"{figure.doc_title} {clean_row_name(row.name)}的构成（{figure.column}）",
                "unit": figure.unit, "labels": [clean_row_name(c.name) for c in children],
                "values": [float(v) for v in values]}

    def part_rows(self, figure: Figure) -> list[RowRecord]:
        """The rows one level under the figure's row in its table, each with a value in its column (at least two)."""
        if figure.table is None or figure.row_id is None:
            return []
        rows = self.table_rows(figure)
        row = next(r for r in rows if r.id == figure.row_id)
        same_side = [r for r in rows if r.side == row.side]
        children = direct_children(same_side, same_side.index(row))
        if len(children) < 2 or any(child.values.get(figure.column) is None for child in children):
            return []
        return children

    def not_found(self, question: Question, documents: list[DocumentInfo], subject: str | None) -> Answer:
        held = []
        for document in documents:
            tables = self.store.tables(document.name)
            listing = "；".join(f"表{t.number} {t.title}" for t in tables) or "（该报告没有表格，只有文字）"
            held.append(f"{document.title}：{listing}")
        known = f"（问题里已给出的{'、'.join(map(str, sorted(question.stated)))}不算）" if question.stated else ""
        if subject and any(self.finder.find_all(document, subject, question) for document in documents):
            subject = None  # the row is held, its figure not what is asked ("统筹基金待遇支出" read as 支出合计)
        asked = f"“{subject_name(subject)}”的" if subject else f"回答“{asked_as_typed(question)}”的"
        text = (f"在{'、'.join(d.title for d in documents)}中没有找到{asked}{'其他' if known else ''}"
                f"数字{known}。\n这些报告包含：\n" + "\n".join(held))
        return Answer(question.text, False, text, intent=question.intent, understood=question)

    # ------------------------------------------------------------ several figures, asked together or compared
    def pair(self, question: Question, first: tuple[str, Figure], second: tuple[str, Figure]) -> Answer:
        """Two figures side by side and their difference."""
        (name_a, a), (name_b, b) = first, second
        difference = a.value - b.value
        relation = "多" if difference > 0 else "少"
        lines = [_labelled(name_a, self.figure_sentence(a)), _labelled(name_b, self.figure_sentence(b))]
        if a.unit == b.unit:
            lines.append(f"差额：{money(a.value)} − {money(b.value)} = {money(difference)}{a.unit}，" + (
                f"即前者比后者{relation}{money(abs(difference))}{a.unit}。" if difference else "两者相同。"))
            if (name_a, name_b) == tuple(domain.KIND_COLUMN_GROUPS.values()) and a.value:  # 预算数, 决算数
                over = "超过预算" if b.value > a.value else "没有超过预算"
                lines.append(f"执行率：{money(b.value)} ÷ {money(a.value)} = {b.value / a.value * 100:.2f}%，决算{over}。")
            if ratio_asked(question.reading) and b.value:  # "A对B的比例"
                lines.append(f"比值：{money(a.value)} ÷ {money(b.value)} ≈ {a.value / b.value:.2f}，"
                             f"即约{a.value / b.value:.2f}∶1。")
            elif "倍" in question.typed and b.value:  # "前者是后者的多少倍"
                lines.append(f"倍数：{money(a.value)} ÷ {money(b.value)} ≈ {a.value / b.value:.2f}倍。")
        else:  # a percent and an amount, say: there is no difference to take
            lines.append(f"（两个数字的单位不同：{a.unit}与{b.unit}，不能相减。）")
        sources = [self.figure_source(a), self.figure_source(b)]
        answer = Answer(question.text, True, "\n".join(lines), [a, b], sources, question.intent, question)
        answer.chart = bar_chart(question, [name_a, name_b], [a, b])
        return answer

    def side_by_side(self, question: Question, pairs: list[tuple[str, Figure]]) -> Answer:
        figures = [figure for _, figure in pairs]
        lines = [_labelled(name, self.figure_sentence(figure)) for name, figure in pairs]
        answer = Answer(question.text, True, "\n".join(lines), figures, [self.figure_source(f) for f in figures],
                        question.intent, question)
        answer.chart = bar_chart(question, [name for name, _ in pairs], figures)
        return answer


def _readings_of_several(question: Question) -> tuple[list[str], bool]:
    """The things a question asks together, each as a reading of its own, and whether they are asked
    each in a clause of its own (several_asked_readings), where some may be stated and others not."""
    if times := rank.times_readings(question):
        return times, False
    if in_clauses := rank.several_asked_readings(question):
        return in_clauses, True
    return rank.listed_readings(question) or rank.conjoined_readings(question), False


def _says_subject(unit: Evidence, subject: str, question: Question) -> bool:
    """The unit's words hold most of one name of the subject: its item names, as said, or the row."""
    names = (subject, question.said.get(subject, subject), *domain.ITEMS.get(subject, ()))
    grams = unit.grams()
    said = grams[0] | grams[1] | grams[2]
    return any(len(pairs & said) >= SUBJECT_SAID_AT * len(pairs) for name in names
               if (pairs := bigrams(compact(unquoted(name)))))


class _Inconsistencies:
    """The audit's failed checks by (report, line), read from the store per report when first asked."""

    def __init__(self, store):  # a TableStore
        self.store = store
        self._by_doc: dict[str, dict[int, object]] = {}

    def get(self, key: tuple[str, int]):
        doc, line = key
        if doc not in self._by_doc:
            self._by_doc[doc] = {f.line: f for f in self.store.audit_findings(doc) if not f.passed}
        return self._by_doc[doc].get(line)


def _table_is_about(figure: Figure, item: str) -> bool:
    """The figure's table is the one that states the item, or the whole it is a part of (三公 for 公务接待费)."""
    family = [item]
    while family[-1] in domain.SHARE_WHOLES:
        family.append(domain.SHARE_WHOLES[family[-1]])
    title = unquoted(compact(figure.table_title or ""))
    return any(unquoted(compact(name)) in title for member in family for name in domain.ITEMS[member])


def _told_apart(label: str, reading: str) -> str:
    """A label two figures share, with the side of a pair (收入, 支出) its reading asked and it lacks."""
    reading = reading.replace(domain.WHOLE_SPENDING, " ")  # 部门整体支出: the report's name, no side
    sides = [word for pair in domain.OPPOSED_WORDS for word in pair if word in reading and word not in label]
    sides = [word for word in sides if not any(word != other and word in other for other in sides)]  # 基本支出, not 支出
    return f"{label}（{sides[0]}）" if len(sides) == 1 else label


def _two_joined_asked(question: Question) -> bool:
    """A sum or a difference asked of two things joined ("A加上B，等于C吗", "对A的补助和对B的补助差多少"),
    not of one whose name holds the joining word (商品和服务支出合计)."""
    if not re.search(domain.TOTAL_ASKED, question.typed) and not any(w in question.asking_clause
                                                                       for w in domain.HOW_THEY_COMPARE):
        return False
    joined = rank.joining_sentence(question)
    for name in question.said.values():
        joined = joined.replace(name, " ")
    return bool(re.search(rank.JOINED, joined))


def _table_number_said(question: Question) -> int | None:
    """The table number the question says of all it asks, not only of the sum's check ("A加上B，等于表8的数吗")."""
    before, _, checked = question.reading.partition("等于")
    return None if checked and not TABLE_NUMBER.search(before) else question.table_number


def readings_asked(question: Question, readings: list[str]) -> list[Question]:
    """The question as each of its readings asks it ("A和B各多少": A's, B's)."""
    joined = None  # "药品和耗材各涉及多少家": the measure said once, for all; read once, when one lacks it
    asked = []
    for reading in readings:
        measure = measure_asked(reading)
        if measure[0] is None:
            joined = joined or measure_asked(rank.joining_sentence(question))  # "…各多少人？居民占比多少": 人
            measure = joined if joined[0] else (question.asked_class, question.asked_unit)
        asked.append(_reading_asked(question, reading, *measure))
    return asked


def _reading_asked(question: Question, reading: str, asked_class: str | None, asked_unit: str | None) -> Question:
    """The question as one of its readings asks it, with that reading's own subjects, table and measure."""
    table = TABLE_NUMBER.search(reading)  # "表1和表4的年末结转和结余": each its own table's
    return replace(question, reading=reading, asked_class=asked_class, asked_unit=asked_unit,
                   amounts=[cited_range(m) for m in AMOUNT_CITED.finditer(reading)],
                   counted=question.counted if question.counted and question.counted in reading else None,
                   table_number=int(table.group(1)) if table else _table_number_said(question),
                   table_named=_table_said_in(question, reading),
                   items=_said_in(question, question.items, reading),
                   row_terms=_said_in(question, question.row_terms, reading),
                   codes=_said_in(question, question.codes, reading),
                   columns=_said_in(question, question.columns, reading))


def _table_said_in(question: Question, reading: str) -> str | None:
    """The table the question names, when this reading of it says it ("A加上B，等于三公经费表里的吗":
    A's and B's readings do not)."""
    said = [title for title in question.tables_named if title in reading]  # "A表和B表的…": each its own
    if len(question.tables_named) > 1 and said:
        return max(said, key=len)  # 财政拨款收入支出决算总表, not the 收入支出决算总表 it holds
    named = bigrams(question.table_named or "")
    return question.table_named if named and len(named & bigrams(reading)) * 2 >= len(named) else None


def _said_in(question: Question, names: list[str], reading: str) -> list[str]:
    """The names of the question said in one of its readings, as the question says them (readings are
    folded: 医疗保障管理事务 is read as 医保管理事务)."""
    return [name for name in names if fold(question.said.get(name, name)) in fold(reading)]


def _items_besides(question: Question, unit: str, others: tuple[str, ...] = ()) -> list[str]:
    """What a question asks of a unit it names ("新会分局的政府采购"): its subjects that are no unit."""
    return [s for s in question.subjects if s != unit and s not in others and not parts.is_unit_name(s)]


def bar_chart(question: Question, labels: list[str], figures: list[Figure]) -> dict:
    return {"kind": "compare", "title": subject_name(question.subjects[0] if question.subjects else None, question),
            "unit": figures[0].unit,
            "labels": labels, "values": [float(f.value) for f in figures]}


def _city_wide_of(evidence: Evidence, unit: str) -> bool:
    """A sentence stating a figure of the whole city (全市居民医保基金…), asked of a unit of the whole
    city (江门医保中心, not 新会分局): the report states it of the city, not of the unit apart."""
    return evidence.kind == "fact" and not unit.endswith(domain.BRANCH_ENDINGS) \
        and any(word in (evidence.sentence or "") for word in domain.CITY_WIDE_WORDS)


def _part_of_a_name_found(said: str | None, said_before: list[str | None], figures: list[Figure]) -> bool:
    """Whether a subject's words are, with an earlier subject's, parts of one longer row name found
    for that subject: said together as that row, not each a subject of its own (行政单位医疗 and
    事业单位医疗 are each a row; 档案管理 and 机关运行费 parts of one project's name)."""
    return bool(said) and any(said in row and any(b and b in row and b != row for b in said_before)
                              for f in figures if (row := f.row or "") != said)


def _mentions_unit(evidence: Evidence, unit: str, question: Question) -> bool:
    """The evidence names the unit (its row, its table's parent rows or its sentence), by its full name
    or as the question said it (广州医保中心), with or without the place before it (新会分局, 医保中心)."""
    text = f"{evidence.label}{evidence.lead}{evidence.context}"
    names = {unit, re.sub(domain.PLACE_PREFIX, "", unit), said := question.said.get(unit, unit),
             re.sub("|".join(map(re.escape, question.cities)) or "^$", "", said)}
    return any(name and name in text for name in names)


def _names_anothers_table(figure: Figure, figures: list[Figure], question: Question) -> bool:
    """The figure's row name is said as the start of the title of another figure's table
    ("一般公共预算财政拨款基本支出中人员经费合计": 表6 一般公共预算财政拨款基本支出决算明细表): it
    says which table, and is not asked."""
    row = clean_row_name(figure.row or "")
    said = compact(question.reading or question.text)
    for other in figures:
        title = compact(other.table_title or "")
        at = title.find(row) if row and other is not figure and other.table != figure.table else -1
        if at >= 0 and title[at:at + len(row) + 2] in said:
            return True
    return False


def _labelled(name: str, sentence: str) -> str:
    return sentence if sentence.startswith(name) else f"{name}：{sentence}"
