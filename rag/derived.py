"""Answers derived from two or more figures: a comparison (two cities, years, kinds or items, and
their difference), a share (the part over the whole named, or over its parent row), the change
against last year as the report states it, and a ranking across reports or within one report's table.

A module of its own so that AnswerEngine stays an entry point that routes, and so that these
answers depend only on what they say they need: the figures are found and written by the
FigureAnswers they are given (rag/figure_answers.py), the reports and their tables come from the
store and the finder.
"""
from __future__ import annotations

import operator
import re
from collections import Counter
from dataclasses import replace
from decimal import Decimal

from rag import domain, parts, rank
from rag.answer_types import Answer, Refuse, Source, money, percent_of, subject_name
from rag.evidence import Evidence, unit_class
from rag.figure_answers import FigureAnswers, bar_chart, readings_asked
from rag.lookup import Figure, FigureFinder, clean_row_name, unit_of_row_name
from rag.parse.headers import SEPARATOR
from rag.parse.text import compact, unquoted
from rag.question import (AS_OF_YEAR, CLAUSE_BREAKS, IN_10K_YUAN, MONEY_SHOWN, Question, YEAR_SAID, asking_part, asking_parts, asks,
                          leaves_out, rate_word_asked)
from rag.store import DocumentInfo, RowRecord, TableStore


# a change asked as an amount ("比2022年增加了多少个", "少了多少"), not as a rate or a direction
DELTA_ASKED = re.compile(r"(?:增加|减少|增长|下降|多|少|涨|降|提高|降低)了?(?:多少|几)")
SHARE_ASKED = re.compile(r"^比?了?(?:大概|大约|约)?(?:多大|多高|多少)?的?(?:比例|比重|占比|百分比|百分之几|百分之多少|多少|几成)(?:大概|大约|约)?(?:是|为|有)?(?:多少|几)?[？?。]?$"
                         r"|的?(?:比例|比重|占比|百分比|百分之几|百分之多少|多少|几成)(?:大概|大约|约)?(?:是|为|有)?(?:多少|几)?[？?。]?$")
WHOLE_BEFORE_PART = re.compile(r"^(.+?)(?:里面|当中|之中|中|里)(.+)$")  # "B中A占多少": the whole said first
CHINESE_NUMBERS = dict(zip("二三四五六七八九十", range(2, 11)))  # a place in an order said in numerals
EACH_SHARE = re.compile(r"各自?占|分别占")  # "A和B各占总额几成": each a part of the whole after it


class DerivedAnswers:
    """Comparisons, shares, changes and rankings, each composed from the figures that FigureAnswers
    finds, with every input cited."""

    def __init__(self, figures: FigureAnswers, store: TableStore, finder: FigureFinder,
                 term_weights: rank.TermWeights, refuse: Refuse):
        self.figures = figures
        self.store = store
        self.finder = finder
        self.term_weights = term_weights
        self._refuse = refuse

    def run(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        """The answer the question's intent asks for (compare, share, change or rank), from these reports."""
        answers = {"compare": self._compare, "share": self._share, "change": self._change, "rank": self._rank}
        return answers[question.intent](question, documents)

    # ------------------------------------------------------------ comparisons
    def _compare(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        pairs: list[tuple[str, Figure]] = []
        kinds = tuple(domain.KIND_COLUMN_GROUPS.values())
        rate_asked = question.asked_class == "percent" and (question.versus_kinds or tuple(question.columns[:2]) == kinds)
        if rate_asked:
            question = replace(question, asked_class=None, asked_unit=None)  # "…各是多少？执行率多少": the two
            # amounts, and the rate pair() gives them
        if question.versus_kinds and not question.cities[1:]:
            pairs = self._per_column(question, documents, kinds, kinds=[])
        elif len(question.columns) > 1 and len(question.subjects) == 1 and len(documents) == 1:
            pairs = self._per_column(question, documents, question.columns[:2])  # 基本支出中的A和项目支出中的A
        if not pairs and len(question.subjects) > 1 and _one_place_and_year(question):
            pairs = self._per_subject(question, documents)
        if not pairs:
            found = self.figures.lookup(question, documents, question.subjects[0])
            pairs = [(f.doc_title, f) for f in sorted(found, key=lambda f: self._asked_order(question, f.doc))]
        if len(pairs) < 2:
            if pairs:
                answer = self.figures.run(question, documents)
                if (_difference_asked(question) or rate_asked) and answer.found:  # "比2022年决算数少了多少",
                    # "执行率是多少": no answer from one side
                    refusal = self._refuse(question, f"只找到一方的数字，无法比较：\n{answer.answer}")
                    refusal.sources = answer.sources
                    return refusal
                if unfound := _years_asked_unfound(question, [self.store.document(f.doc) for _, f in pairs]):
                    refusal = self._refuse(question, f"报告中没有{'、'.join(f'{y}年' for y in unfound)}的这个数字，"
                                                     f"只有：\n{answer.answer}")  # "2024年预算里面2021年的…"
                    refusal.sources = answer.sources
                    return refusal
                answer.answer += "\n（只找到一方的数字，无法比较。）"
                return answer
            return self.figures.not_found(question, documents, question.subjects[0])
        if self.figures.total_asked(question, [figure for _, figure in pairs]):  # "各多少，合计多少": no difference
            return self.figures.with_total(question, self.figures.side_by_side(question, pairs))
        if len(pairs) > 2:  # "江门、吴川、广州的三公经费": each, side by side
            return self.figures.side_by_side(question, pairs)
        return self.figures.pair(question, pairs[0], pairs[1])

    def _asked_order(self, question: Question, doc: str) -> tuple[int, int]:
        """Where a report's city and year are named in the question: answers keep the question's order."""
        document = self.store.document(doc)
        city = question.cities.index(document.city) if document.city in question.cities else len(question.cities)
        year = question.years.index(document.year) if document.year in question.years else len(question.years)
        return city, year

    def _per_column(self, question: Question, documents: list[DocumentInfo], columns: tuple[str, ...] | list[str],
                    kinds: list[str] | None = None) -> list[tuple[str, Figure]]:
        """The subject under each column asked (预算数 and 决算数; 基本支出 and 项目支出): a figure
        counts for a column when its column or its table says that column."""
        pairs: list[tuple[str, Figure]] = []
        for column in columns:
            reading = question.reading
            for other in columns:  # the other column's words belong to the other figure
                reading = reading.replace(other, " ") if other != column else reading
            variant = replace(question, columns=[column], kinds=question.kinds if kinds is None else kinds,
                              reading=reading)
            for figure in self.figures.lookup(variant, documents, question.subjects[0]):
                said = f"{figure.column or ''} {figure.table_title or ''}"
                if column in said and not any((f.line, f.column) == (figure.line, figure.column) for _, f in pairs):
                    pairs.append((column, figure))
        return pairs

    def _per_subject(self, question: Question, documents: list[DocumentInfo]) -> list[tuple[str, Figure]]:
        """Each subject named ("蓬江、江海、新会三个分局的基本支出"), its best figure; units named
        with other words ("蓬江分局跟新会分局请专家的劳务费"), each unit's best figure for those words."""
        units = [s for s in question.subjects if parts.is_unit_name(s)]
        if 1 < len(units) < len(question.subjects):
            said = {unit: question.said.get(unit, unit) for unit in units}
            return [(subject_name(unit), found[0]) for unit in units[:6] if (found := self.figures.of_named_unit(
                question, documents, unit, tuple(said[u] for u in units if u != unit)))]
        if len(units) == 1 and len(question.subjects) > 1:  # "江海分局的人员类和公用经费类": each row of that unit
            items = [s for s in question.subjects if s != units[0]]
            return [(subject_name(item), found[0]) for item in items[:6] if (found := self.figures.of_named_unit(
                question, documents, units[0], tuple(question.said.get(o, o) for o in items if o != item)))]
        pairs = []
        for subject in question.subjects[:6]:
            found = self.figures.lookup(_of_one(question, subject), documents, subject)
            if found:
                pairs.append((subject_name(subject), found[0]))
        return pairs

    # ------------------------------------------------------------ shares
    def _share(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        """The part over the whole named; "A占A与B合计" over A + B; with no whole named, over the
        whole the domain names for the part, else over the part's parent row in its table."""
        # "大病保险住院支付比例和医疗救助比例分别不低于多少": two rates the report states, no share of a whole
        if "占" not in question.typed and (rates := self.figures.conjoined(question, documents)):
            return self.figures.pair(question, *rates) if len(rates) == 2 else self.figures.side_by_side(question, rates)
        if "占" not in question.typed and (stated := self._stated_rate(question, documents)):
            return stated  # "按不低于百分之几的比例救助": a rate the report states, not a part over a whole
        if not question.subjects or _part_unnamed(question):
            return self._share_of_said(question, documents)
        if (EACH_SHARE.search(question.reading) and len(question.columns) > 1 or _column_within_row(question)) \
                and len(documents) == 1 and (columns := self._columns_of_row(question, documents)):
            return columns  # "行政运行里基本支出和项目支出各占多少", "卫生健康支出中项目支出占多少": over the row's total
        if len(each := _parts_each(question)) > 1:  # "基本支出和项目支出各占总额几成": each part's share
            shares = [self._share(_without(question, [p for p in each if p != part], part), documents) for part in each]
            if all(a.found for a in shares):
                return Answer(question.text, True, "\n".join(a.answer for a in shares),
                              [f for a in shares for f in a.figures], [s for a in shares for s in a.sources],
                              question.intent, question)
        subjects = [question.share_part] + question.subjects if question.share_part else _part_first(question)
        part_subject, named_wholes = subjects[0], [s for s in subjects[1:] if s != subjects[0]]
        summed = _whole_is_a_sum(question)
        amounts = replace(question, asked_class=None, intent="figure", stated=set())  # its inputs: amounts, stated or not
        lines, figures, sources = [], [], []
        qualified = replace(question, reading=_share_qualifier(question, part_subject))
        terms = rank.query_terms(qualified, self.term_weights) if qualified.reading else []
        unaccounted = False
        for document in documents:
            found = self.figures.ranked(amounts, [document], part_subject)
            if not found:
                continue
            if terms and rank.lexical(found[0], terms) < rank.WEIGHTS.words_at:
                unaccounted = True  # "政府采购授予中小企业的合同金额占比": words the part does not account for
                continue
            part = found[0].figure
            if part.unit == "%":  # the report states the share itself ("占…总额的18.9%")
                lines.append(self.figures.figure_sentence(part))
                figures.append(part)
                sources.append(self.figures.figure_source(part))
                continue
            if summed and not named_wholes:  # "A和B各多少？A占两者合计的比例": those said before
                named_wholes = [s for s in question.subjects if s != part_subject]
            if summed and named_wholes:
                parts = [part] + [f for s in named_wholes if (f := self.figures.best(amounts, document, s))]
                whole = _sum_figure(parts)
            elif named_wholes:
                whole = self.figures.best(amounts, document, named_wholes[0])
                # of the rows the part names, the one under the whole (人员类 of the 中心, not of the 局本级)
                part = next((f for f in self.finder.find_all(document, part_subject, amounts)
                             if whole and self._lies_under(f, whole)), part)
            else:
                default = domain.SHARE_WHOLES.get(part_subject)
                whole = (self.figures.best(amounts, document, default) if default else self._parent_figure(part)) or \
                    self.figures.best(amounts, document, domain.DEFAULT_SHARE_WHOLE)
            if whole is None or whole.value == 0 or not _in_one_unit(part, whole):
                continue
            self._add_share(document, part, whole, lines, figures, sources)
        if not figures and _whole_before_unnamed_part(question):
            return self._share_of_said(question, documents)
        if not figures:
            return self.figures.not_found(question, documents, None if unaccounted else part_subject)
        return Answer(question.text, True, "\n".join(lines), figures, sources, question.intent, question)

    def _lies_under(self, figure: Figure, whole: Figure) -> bool:
        return figure.table is not None and (figure.doc, figure.table) == (whole.doc, whole.table) and \
            any(row.id == whole.row_id for row in self.finder.ancestors(figure))

    def _add_share(self, document: DocumentInfo, part: Figure, whole: Figure, lines: list[str],
                   figures: list[Figure], sources: list[Source]) -> None:
        part_value, whole_value = _in_one_unit(part, whole)
        share = percent_of(part_value, whole_value)
        unit = "万元" if part.unit != whole.unit else ""  # 4657.75万元 of 8.13亿元: both in 万元
        lines.append(f"{document.title}：{part.label}{money(part.value)}{part.unit}，占{whole.label}"
                     f"{money(whole.value)}{whole.unit}的{share}%（{money(part_value)}{unit} ÷ {money(whole_value)}{unit}）。"
                     f"\n  · {part.label}：{part.citation}\n  · {whole.label}：{whole.citation}")
        figures += [_share_figure(part, whole, share), part, whole]  # the share first: it is what was asked
        sources += [self.figures.figure_source(part), self.figures.figure_source(whole)]
        others = self._other_parts(part, whole)
        if others:  # "项目支出占本年支出的比重": and the whole's other parts, as a reader checks the split
            lines.append("  · 其余部分：" + "；".join(
                f"{o.label}{money(o.value)}{o.unit}，占{_percent_said(o.value, whole.value)}（{o.citation}）" for o in others))
            figures += others

    def _other_parts(self, part: Figure, whole: Figure) -> list[Figure]:
        """The figures that with the part make up the whole in the part's table: the rows beside it
        under the whole's row, or the columns beside it in its own row; [] unless they sum to the whole."""
        if part.table is None:
            return []
        if (whole.table, whole.column) == (part.table, part.column):
            rows = self.figures.part_rows(whole)
            others = [_in_column(part, r, part.column) for r in rows if r.id != part.row_id]
            beside = len(others) == len(rows) - 1
        else:
            row = next(r for r in self.figures.table_rows(part) if r.id == part.row_id)
            parent = part.column.rpartition(SEPARATOR)[0]
            others = [replace(_in_column(part, row, c), label=c.rpartition(SEPARATOR)[2]) for c in row.values
                      if c != part.column and c.rpartition(SEPARATOR)[0] == parent and row.values[c] is not None
                      and not c.endswith((*domain.TOTAL_ROW_NAMES, "小计"))]
            beside = True
        adds_up = beside and 0 < len(others) <= OTHER_PARTS_SHOWN and \
            part.value + sum(o.value for o in others) == whole.value
        return [o for o in others if o.value] if adds_up else []  # 上缴上级支出0.00: no part of it

    def share_among(self, question: Question, figures: list[Figure]) -> Answer | None:
        """"…各多少？服务类占几成": the one figure just given that the words before 占 name, over the
        total its own sentence states it is part of ("政府采购安排390.13万元，其中…"), else over the sum
        of it and the others just given of its report and unit; None unless one figure is so named."""
        said = compact(question.reading.partition("占")[0])
        named = [f for f in figures if said and said in compact(f.label) and f.unit != "%"]
        if len(named) != 1:
            return None
        part = named[0]
        peers = [f for f in figures if f is not part and f.doc == part.doc and f.unit == part.unit]
        lead = (part.sentence or "").replace(",", "").partition("其中")[0] if "其中" in (part.sentence or "") else ""
        whole = next((f for f in peers if f.value > part.value and lead and str(f.value) in lead), None) \
            or (_sum_figure([part] + peers) if peers else None)  # "A和B各多少？A占几成": of A and B
        if whole is None or not whole.value:
            return None
        lines, shares, sources = [], [], []
        self._add_share(self.store.document(part.doc), part, whole, lines, shares, sources)
        return Answer(question.text, True, "\n".join(lines), shares, sources, "share", question)

    def _share_of_said(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        """"居民医保参保人数占全市参保总人数的比例": a part and a whole no row names, each found as a
        figure asked in its own words; a share the report states of that part ("占…的18.9%") first."""
        stated = self.figures.run(replace(question, intent="figure"), documents)
        if stated.found and stated.figures[0].unit == "%" and "占" in (stated.figures[0].sentence or ""):
            return stated
        before, _, after = question.reading.partition("占")
        parts_said, whole_words = [before], SHARE_ASKED.sub("", after)
        if not whole_words and (within := WHOLE_BEFORE_PART.search(before)) and not asks(
                within.group(2)):  # "医保基金支出中居民医保占多少"; not "…各多少，居民占比多少": those asked
            whole_words = within.group(1)  # the part with the whole's words first (居民医保's 支出, not 收入)
            parts_said.append(within.group(2))
        *earlier, part_clause = re.split(f"[{CLAUSE_BREAKS}]", before)
        if earlier and any(part_clause in pair and whole_words in pair for pair in domain.OPPOSED_WORDS):
            # "…基金收入和支出分别多少，支出占收入几成": each side is the thing the clause before names
            said = "，".join(earlier)
            parts_said, whole_words = [_other_side_of_part(said, part_clause)], _other_side_of_part(said, whole_words)
        else:
            whole_words = _other_side_of_part(before, whole_words)
        asked = replace(question, asked_class=None, intent="figure", stated=set())
        named = next((s for s in question.subjects if question.said.get(s, s) in whole_words), None)  # a row's name
        lines, figures, sources = [], [], []
        for document in documents:
            whole = self.figures.ranked(replace(asked, reading=whole_words), [document], named) if whole_words else []
            found = [f for said in parts_said for u in self.figures.ranked(replace(asked, reading=said), [document], None)
                     if whole and (f := u.figure).unit != "%" and (values := _in_one_unit(f, whole[0].figure))
                     and values[1] > values[0] > 0]
            if found:
                self._add_share(document, found[0], whole[0].figure, lines, figures, sources)
        if not figures:
            return stated if stated.found else self.figures.not_found(question, documents, None)
        return Answer(question.text, True, "\n".join(lines), figures, sources, question.intent, question)

    def _columns_of_row(self, question: Question, documents: list[DocumentInfo]) -> Answer | None:
        """Each column asked of the one row named, its sum and its share of the row's total column;
        None unless every column is found in that row and the row has a total."""
        amounts = replace(question, asked_class=None, intent="figure", stated=set())  # 占比 asks no percent of them
        pairs = self._per_column(amounts, documents, question.columns) if question.subjects else []
        if not pairs:
            return None
        if len({(f.doc, f.table, f.row_id) for _, f in pairs}) == 1:
            whole = self._row_total(pairs[0][1])
            said = f"{whole.label}{money(whole.value)}{whole.unit}（{whole.citation}）" if whole else ""
        elif len(pairs) == len(question.columns) and len({(f.doc, f.label, f.unit) for _, f in pairs}) == 1:
            # "公务接待费在基本支出和项目支出里各占多少": one row in a table per column, over their sum
            whole = replace(_sum_figure([f for _, f in pairs]), label=pairs[0][1].label)
            said = f"{whole.label}（{'与'.join(c for c, _ in pairs)}合计）{money(whole.value)}{whole.unit}"
        else:
            return None
        if whole is None or not whole.value:
            return None
        lines, figures, sources = [f"{whole.doc_title}：{said}，其中："], [], []
        for column, part in pairs:
            share = percent_of(part.value, whole.value)
            lines.append(f"  · {column}{money(part.value)}{part.unit}，占{share}%（{money(part.value)} ÷ "
                         f"{money(whole.value)}；{part.citation}）")
            figures += [part, _share_figure(part, whole, share)]
            sources.append(self.figures.figure_source(part))
        cited = [self.figures.figure_source(whole)] if whole.table is not None else []  # a sum computed: its parts
        return Answer(question.text, True, "\n".join(lines), figures + [whole], sources + cited, question.intent,
                      question)

    def _row_total(self, figure: Figure) -> Figure | None:
        """The same row's figure in its table's total column (合计, 总计, 小计)."""
        row = next((r for r in self.figures.table_rows(figure) if r.id == figure.row_id), None)
        column = next((c for c in (row.values if row else {}) if c != figure.column
                       and c.rsplit(SEPARATOR, 1)[-1].endswith((*domain.TOTAL_ROW_NAMES, "小计"))), None)  # 本年支出合计
        return _in_column(figure, row, column) if column else None

    def _stated_rate(self, question: Question, documents: list[DocumentInfo]) -> Answer | None:
        """The answer of the percent the reports state for what is asked, when the best evidence is one."""
        found = self.figures.ranked(question, documents, None)
        if not found or found[0].figure.unit != "%":
            return None
        answer = self.figures.run(replace(question, intent="figure"), documents)
        return answer if answer.found and answer.figures[0].unit == "%" else None

    def _parent_figure(self, figure: Figure) -> Figure | None:
        """The row above a table figure's row that it is a part of, in the same column."""
        if figure.table is None:
            return None
        rows = self.figures.table_rows(figure)
        position = next(i for i, r in enumerate(rows) if r.id == figure.row_id)
        row = rows[position]
        for parent in reversed(rows[:position]):
            if parent.side == row.side and parent.level < row.level and figure.column in parent.values:
                return _in_column(figure, parent, figure.column)
        return None

    # ------------------------------------------------------------ changes
    def _change(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        """The change the report states, first; then the amount it is a change of. Several subjects
        each asked in a sentence or clause of its own ("三公经费增长了百分之多少？机关运行经费又增长了多少？"): each one's."""
        reading = question.reading or question.text
        asked = asking_parts(reading)
        if len(asked) < 2:  # or in a clause of its own ("收入预算增长百分之几，三公经费又下降百分之几")
            asked = asking_parts(reading, CLAUSE_BREAKS)
        clauses = [part for part in re.split(f"[{CLAUSE_BREAKS}]", reading) if part.strip()]  # none after the last ？
        changing = [part for part in clauses if any(w in part for w in domain.INTENT_WORDS["change"] + domain.DIRECTION_WORDS)]
        said_once = [s for s in question.subjects if sum(question.said.get(s, s) in part for part in changing) == 1]
        others_named = any(question.said.get(s, s) in part for part in clauses if part not in changing
                           for s in question.subjects)  # not a clause naming the report alone ("江门2023年自评，…")
        if len(said_once) == 1 and others_named:  # "A、B各多少，B是不是比上年少了": B's change
            return self._change_of(question, documents, said_once[0])
        each = [s for s in question.subjects if sum(question.said.get(s, s) in part for part in asked) == 1]
        each_asked = any(w in reading for w in domain.EACH_WORDS) or re.search(domain.EACH_CHANGED, reading) \
            or _faster_asked(reading)  # "各增长百分之几", "哪个增长得更快"
        if len(asked) < 2 or len(each) < 2:  # "基本支出和项目支出分别比上年怎么变": one clause, each subject's
            each = question.subjects if each_asked else []
        if len(each) < 2 and len(changing) >= 2 and len(said_once) == len(question.subjects) >= 2:
            each = said_once  # "基本支出增长13.56%，项目支出反而下降？": each clause says one's change
        readings = [_of_one(question, subject) for subject in each]
        if len(each) < 2 and each_asked:  # "A和B…各增长百分之几", A said in part
            readings = readings_asked(question, rank.conjoined_readings(question))
            each = [own.subjects[0] if len(own.subjects) == 1 else None for own in readings]
        if len(readings) > 1:
            answers = [self._change_of(own, documents, subject, name=max(own.reading.split(), key=len))
                       for own, subject in zip(readings, each)]
            if all(a.found for a in answers):
                lines = [a.answer for a in answers] + _faster(question, [a.figures[0] for a in answers])
                return Answer(question.text, True, "\n".join(lines),
                              [f for a in answers for f in a.figures], [s for a in answers for s in a.sources],
                              question.intent, question)
        return self._change_of(question, documents, question.subjects[0] if question.subjects else None)

    def _change_of(self, question: Question, documents: list[DocumentInfo], subject: str | None,
                   name: str = "") -> Answer:
        name = subject_name(subject, question) if subject else name
        lines, figures, sources = [], [], []
        level_first = _level_asked_first(question)
        for unit in self.figures.ranked(question, documents, subject, changes=True):  # "减少了多少": not the level
            document = self.store.document(unit.doc)
            change = unit.figure  # a copy when relabelled: the unit is cached for the next question
            if name and name not in change.label:
                change = replace(change, label=f"{name}{change.label}")
            lines.append(f"{document.title}：{change.label}{money(change.value)}{change.unit}。"
                         f"原文：“{unit.sentence}”（{change.citation}）")
            figures.append(change)
            sources.append(Source(unit.doc, document.title, "text", unit.section, None, unit.sentence or "", unit.line))
            if change.unit == "%" and rate_word_asked(question) and not any(
                    w in question.reading for w in domain.ASKED_CLASS_WORDS["percent"]) and (
                    amount := self._amount_changed(question, unit, subject)):
                lines.append(f"  增减额：{amount.label}{money(amount.value)}{amount.unit}（同句）。")  # 增长多少: the
                figures.append(amount)  # rate, as the reports use the word, and the amount beside it
            current = self.figures.best(replace(question, intent="figure"), document, subject) \
                if subject else None
            if current is None or current.value == change.value:
                continue
            if level_first and len(figures) == 1:  # "…决算数是多少？比上年多了还是少了": the level first, as
                lines.insert(0, self.figures.figure_sentence(current))  # asked, then its change
                figures.insert(0, current)
                sources.insert(0, self.figures.figure_source(current))
            else:
                lines.append(f"  本年数：{self.figures.figure_sentence(current)}")
                figures.append(current)
                sources.append(self.figures.figure_source(current))
        if not lines:
            answer = self.figures.run(replace(question, intent="figure", **_subject_only(question, subject)), documents)
            if answer.found and DELTA_ASKED.search(asking_part(question.typed or question.text, CLAUSE_BREAKS)):
                said = f"“{name}”" if name else "它"  # "增加了多少个": the level is not the answer
                refusal = self._refuse(question, f"报告没有给出{said}比上年增减了多少，只载明：\n{answer.answer}")
                refusal.sources = answer.sources
                return refusal
            if answer.found:
                answer.answer += "\n这些报告没有给出该项目与上年相比的变化。"
            return answer
        return Answer(question.text, True, "\n".join(lines), figures, sources, question.intent, question)

    def _amount_changed(self, question: Question, rate: Evidence, subject: str | None) -> Figure | None:
        """The change in money the sentence of a rate states ("增加331.5万元，增长13.56%")."""
        document = self.store.document(rate.doc)
        amounts = self.figures.ranked(replace(question, asked_class="money", asked_unit=None), [document], subject,
                                      changes=True)
        return next((u.figure for u in amounts if u.sentence == rate.sentence and u.figure.unit != "%"), None)

    # ------------------------------------------------------------ rankings
    def _rank(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        """Reports by one subject's figure; or, when one report's several subjects are named, those."""
        ascending = any(w in question.typed for w in domain.ASCENDING_WORDS)
        said = _sections_said(question) if len(documents) == 1 else []
        heading, in_section = self.figures.listed_in_section(documents[0], said) if said else ("", [])
        if in_section:  # "重点项目里预算最大的": the section that lists them
            return self._rank_pairs(question, documents, [(f.label, f) for f in in_section], _ranked_by(in_section[0]),
                                    f"（比较报告“{heading}”一节列出的 {len(in_section)} 项。）", ascending)
        if parts.group_asked(question.typed) and len({d.unit for d in documents}) == 1 and (within := next(
                (found for d in documents if (found := self._parts(question, d, None))), None)):
            each, lacking = self._item_of_each_unit(question, documents, within)
            if each:  # "三个分局的专家劳务费": each unit's row of it
                item = clean_row_name(each[0][1].row or each[0][1].label)
                note = f"（比较所问的 {len(each)} 个单位。）" + (f"（{'、'.join(lacking)}没有单列“{item}”。）" if lacking else "")
                return self._rank_pairs(question, documents, each, item, note, ascending)
            return self._rank_parts(question, within, ascending)  # "哪个项目/单位最多": of the report asked
        if (group := parts.group_asked(question.typed)) and group[1] in (*domain.RANK_UNIT_KINDS, "单位") \
                and len({d.unit for d in documents}) == 1:  # "各区分局…哪个最多", of a report listing no units
            return self._units_unlisted(question, documents, group[1])  # (not 哪家医院: no unit of the department)
        subject = question.subjects[0] if question.subjects else None
        found = self.figures.lookup(question, documents, subject)
        if len(found) == 1 and len(question.subjects) == 1 and re.search(domain.TOP_CHECKED, question.typed) \
                and (peers := self._peers(found[0])):  # "医疗费补助…是不是全表最大的一项": it among its peers
            return self._top_checked(question, found[0], peers, ascending)
        listed = rank.listed_readings(question) and _one_place_and_year(question) and \
            self.figures.conjoined(question, documents)  # "货物类、工程类、服务类哪类最多": the items listed
        if not listed and not question.subjects and len(found) == 1 and found[0].sentence \
                and len(stated := self.figures.stated_with(found[0], documents)) > 1:  # "…里哪一项人次最多": its sentence's
            return self._rank_pairs(question, documents, [(f.label, f) for f in stated], _ranked_by(found[0]),
                                    f"（比较报告同一句中的 {len(stated)} 个数字。）", ascending)
        within = self._parts(question, next(d for d in documents if d.name == found[0].doc), found[0]) \
            if len(found) == 1 else None
        if not listed and len(documents) == 1 and (within is None or _table_said(question)) and (
                item := self._item_parts(question, documents[0])):
            return self._rank_parts(question, item, ascending)  # "按经济分类…明细科目里最大的": that table's rows
        if not listed and within and all(any(other in clean_row_name(row.name) for row in within.rows)
                          for other in question.subjects[1:]):  # "…里哪一项最多？我猜是办公费": a part named too
            return self._rank_parts(question, within, ascending)  # one report states it: its rows are ranked
        if listed or len(question.subjects) > 1 and _one_place_and_year(question):
            pairs = listed or self._per_subject(question, documents)
            heading = "、".join(question.columns) or (_ranked_by(pairs[0][1]) if pairs else "")
            note = f"（比较所问的 {len(pairs)} 项。）"  # 按预算数, else 按金额 / 按数量
        else:
            pairs = [(f.doc_title, f) for f in found]
            heading = subject_name(subject, question) if subject or not found else \
                Counter(f.label for f in found).most_common(1)[0][0]  # "谁的车最多": 车辆, as most reports say it
            note = f"（只比较收录的 {len(pairs)} 份有此数字的报告；各报告年度与类型不同，请留意。）"
            if lacking := [c for c in question.cities if all(d.city != c for d in documents)]:
                year = f"{question.years[0]}年的" if len(question.years) == 1 else "所问的"
                note += f"（{'、'.join(lacking)}没有{year}报告，未参与比较。）"  # a city named is not dropped unsaid
        return self._rank_pairs(question, documents, pairs, heading, note, ascending)

    def _units_unlisted(self, question: Question, documents: list[DocumentInfo], said: str) -> Answer:
        """A ranking of the department's units asked of reports that list none: refused, with the
        department's own figure when one is found."""
        found = self.figures.lookup(question, documents, question.subjects[0]) if question.subjects else []
        held = f"\n只找到全部门的数字：\n{self.figures.figure_sentence(found[0])}" if found else ""
        refusal = self._refuse(question, f"{'、'.join(d.title for d in documents)}没有按{said}分列的数字，无法比较。{held}")
        refusal.sources = [self.figures.figure_source(found[0])] if found else []
        return refusal

    def _rank_pairs(self, question: Question, documents: list[DocumentInfo], pairs: list[tuple[str, Figure]],
                    heading: str, note: str, ascending: bool) -> Answer:
        """Named figures ranked, with what the ranking compares (`note`)."""
        pairs, unranked = _of_one_unit(pairs)  # "局本级内设机构7个" among sums in 万元 is no rank of them
        if unranked:
            note += f"（{'、'.join(unranked)}没有找到同一计量单位的数字，未参与比较。）"
        if not pairs:
            return self.figures.not_found(question, documents, question.subjects[0] if question.subjects else None)
        if len(pairs) == 1 and not question.subjects:  # "哪个医院骗保最多": one figure, no item, nothing ranked
            refusal = self._refuse(question, "报告中没有可以比较的一组数字，只找到：\n" + self.figures.figure_sentence(pairs[0][1]))
            refusal.sources = [self.figures.figure_source(pairs[0][1])]
            return refusal
        pairs.sort(key=lambda pair: pair[1].value, reverse=not ascending)
        lines = [f"按{heading}{'从低到高' if ascending else '从高到低'}："]
        lines += [f"{i}. {name}：{money(f.value)}{f.unit}（{f.doc_title}，{f.citation}）" if name != f.doc_title else
                  f"{i}. {name}：{money(f.value)}{f.unit}（{f.citation}）" for i, (name, f) in enumerate(pairs, 1)]
        lines.append(note)
        if question.bound_counted:  # "有几家超过3万": those past the bound, counted
            lines.append(_past_the_bound(question.bound_counted, pairs))
        figures = _nth_first(question, [f for _, f in pairs], lines)
        answer = Answer(question.text, True, "\n".join(lines), figures,
                        [self.figures.figure_source(f) for f in figures], question.intent, question)
        answer.chart = bar_chart(question, [name for name, _ in pairs], figures)
        if self.figures.total_asked(question, figures):  # "三个分局的…加起来多少": and their sum
            return self.figures.with_total(question, answer)
        return answer

    def _item_of_each_unit(self, question: Question, documents: list[DocumentInfo],
                           within: parts.Parts) -> tuple[list[tuple[str, Figure]], list[str]]:
        """"三个分局的专家劳务费加起来多少": of each unit ranked, its row the question's other words name,
        and the units that have none; nothing when those words name no row of theirs (the units' own
        totals are ranked) or fewer than two have one."""
        if within.labels or not all(parts.is_unit_row(row) for row in within.rows):
            return [], []
        names = [parts.unit_name(row) for row in within.rows]
        each, lacking = [], []
        for name, row in zip(names, within.rows):
            label = f"{name}本级" if parts.is_own_row(row) else name
            found = self.figures.of_named_unit(question, documents, name, tuple(n for n in names if n != name))
            if found and parts.is_unit_name(unit_of_row_name(found[0].row or found[0].label)):
                return [], []  # the unit's own total: the words name no row under it
            if found and self._unit_above(found[0]) == name:
                each.append((label, found[0]))
            else:
                lacking.append(label)
        return (each, lacking) if len(each) >= 2 else ([], [])

    def _unit_above(self, figure: Figure) -> str | None:
        """The unit a table figure's row lies under, nearest first (None for prose)."""
        if figure.table is None:
            return None
        return next((parts.unit_name(row) for row in self.finder.ancestors(figure) if parts.is_unit_row(row)), None)

    def _peers(self, figure: Figure) -> parts.Parts | None:
        if figure.table is None or figure.row_id is None:
            return None
        table, rows = self.figures.table_of(figure)
        return parts.of_peers(table, rows, figure.row_id, figure.column)

    def _top_checked(self, question: Question, figure: Figure, peers: parts.Parts, ascending: bool) -> Answer:
        """The item's figure, whether it ranks first among its peers, and their ranking."""
        answer = self._rank_parts(question, peers, ascending)
        place = next(i for i, f in enumerate(answer.figures, 1) if f.row_id == figure.row_id)
        first = answer.figures[0]
        extreme = "最小" if ascending else "最大"
        verdict = (f"是，{figure.label}是其中{extreme}的一项。" if place == 1 else
                   f"不是，{figure.label}排第{place}，{extreme}的是{first.label}（{money(first.value)}{first.unit}）。")
        answer.answer = f"{self.figures.figure_sentence(figure)}\n{verdict}\n{answer.answer}"
        answer.figures = [figure] + [f for f in answer.figures if f.row_id != figure.row_id]
        answer.sources.insert(0, self.figures.figure_source(figure))
        return answer

    def _parts(self, question: Question, document: DocumentInfo, whole: Figure | None) -> parts.Parts | None:
        """What a ranking within one report ranks: the projects or units asked, else the parts of
        the item's figure in its table."""
        group, word = parts.group_asked(question.typed) or (None, None)
        tables = self.finder.tables(document.name)
        subjects = [s for s in question.subjects if s != document.unit]  # the department itself names no unit
        words = " ".join([question.reading, *subjects])
        named = [c for c in question.cities if c != document.city] + subjects  # units named
        if group == "project":
            return parts.of_projects(tables, words, named)
        if group == "unit":
            return parts.of_units(tables, words, named, domain.RANK_UNIT_KINDS.get(word))
        if whole is None or whole.table is None:  # the parts of the item asked
            return None
        table, rows = self.figures.table_of(whole)
        return parts.of_row(table, rows, whole.row_id, whole.column)

    def _item_parts(self, question: Question, document: DocumentInfo) -> parts.Parts | None:
        names = {unquoted(compact(name)) for subject in question.subjects[:1]
                 for name in (subject, *domain.ITEMS.get(subject, ()))}
        classifications = [word for word in domain.CLASSIFICATION_WORDS if word in question.typed]
        if not names and not classifications:
            return None
        return parts.of_item(self.finder.tables(document.name), names, question.reading or question.text,
                             classifications, any(word in question.typed for word in domain.DETAIL_WORDS))

    def _rank_parts(self, question: Question, within: parts.Parts, ascending: bool) -> Answer:
        document = self.store.document(within.table.doc)
        figures = sorted((self._row_figure(document, within, row) for row in within.rows),
                         key=lambda f: f.value, reverse=not ascending)
        kept = [f for f in figures if not leaves_out(question, f.label)] or figures  # 除了…以外: the others
        ranked = f"各单位的「{clean_row_name(within.rows[0].name)}」" if within.labels \
            else f"「{clean_row_name(within.whole.name)}」下各项"
        if len(kept) < len(figures):
            ranked += f"（{'、'.join(f.label for f in figures if f not in kept)}除外）"
        figures = kept
        lines = [f"{document.title}表{within.table.number}《{within.table.title}》{ranked}，"
                 f"按「{within.column}」{'从低到高' if ascending else '从高到低'}："]
        lines += [f"{i}. {f.label}：{money(f.value)}{f.unit}（{f.citation}）" for i, f in enumerate(figures, 1)]
        figures = _nth_first(question, figures, lines)
        answer = Answer(question.text, True, "\n".join(lines), figures,
                        [self.figures.figure_source(f) for f in figures[:3]], question.intent, question)
        answer.chart = bar_chart(question, [f.label for f in figures], figures)
        if self.figures.total_asked(question, figures):  # "三个分局…加在一起是多少": and their sum
            return self.figures.with_total(question, answer)
        return answer

    @staticmethod
    def _row_figure(document: DocumentInfo, within: parts.Parts, row: RowRecord) -> Figure:
        label = within.labels.get(row.id, parts.unit_name(row))
        return Figure(row.values[within.column], within.table.unit or "万元", label, document.name, document.title,
                      row.line_start, within.table.number, within.table.title, row.name, within.column, row_id=row.id)


def _other_side_of_part(part_said: str, whole_words: str) -> str:
    """"城乡居民医保基金支出占收入": a whole said by one side of a pair alone is the other side of
    the part's own thing (the fund's 收入), not whatever 收入 the report states first."""
    for pair in domain.OPPOSED_WORDS:
        if whole_words in pair and (other := pair[1 - pair.index(whole_words)]) in part_said:
            at = part_said.rfind(other)
            return part_said[:at] + whole_words + part_said[at + len(other):]
    return whole_words


def _sections_said(question: Question) -> list[str]:
    """Words said as where to rank ("重点项目里…最大"): the ends, of at least SECTION_WORD_CHARS, of a
    run of characters before 里 or 中, none a thing the question names (项目支出里 is that item's) nor
    the report's kind (部门预算里: the whole report)."""
    named = [question.said.get(s, s) for s in question.subjects]
    runs = WITHIN_SAID.findall(question.typed)
    ends = [run[-size:] for run in runs for size in range(SECTION_WORD_CHARS, len(run) + 1)]
    return [end for end in ends if not any(end in name or name in end for name in named)
            and not any(word in end for word in rank.KIND_SAYING)]


WITHIN_SAID = re.compile(r"([\u4e00-\u9fff]+(?<!当))(?:里面|里头|当中|里|中)")  # 当中: 当 is no part of the run
SECTION_WORD_CHARS = 4


def _of_one_unit(pairs: list[tuple[str, Figure]]) -> tuple[list[tuple[str, Figure]], list[str]]:
    """The figures ranked, of the unit most of them are in (万元); the names of the others, left out."""
    units = [domain.COUNTED_ALIKE.get(figure.unit, figure.unit) for _, figure in pairs]
    common = max(units, key=units.count, default=None)
    return ([p for p, unit in zip(pairs, units) if unit == common],
            [name for (name, _), unit in zip(pairs, units) if unit != common])


def _years_asked_unfound(question: Question, found: list[DocumentInfo]) -> list[int]:
    """The years the one clause that asks names, when no report found speaks of them ("吴川医保局2024年
    预算里面2021年的办公费": 2021, the 2024 report the scene); a report speaks of its own year and the one
    before (上年, 上年结转), and of any year said as a date (截至2023年12月24日); a budget not of the year
    before's final accounts ("2023年实际花了多少？想跟2024年预算比"). None when the question weighs years
    against each other."""
    clause = question.asking_clause or next((part for part in asking_parts(question.reading, CLAUSE_BREAKS)
                                              if YEAR_SAID.search(part)), "")  # several ask: the first naming a year
    dated = {int(year) for year in AS_OF_YEAR.findall(clause)}
    said = [year for year in question.years if str(year) in clause and year not in dated]
    final_asked = any(w in clause for w in domain.KIND_WORDS[domain.FINAL_ACCOUNTS_KIND])
    spoken_of = {d.year for d in found} | {d.year - 1 for d in found
                                           if not final_asked or d.kind in domain.KINDS_LOOKING_AHEAD}
    return said if said and not spoken_of & set(said) and not _difference_asked(question) else []


def _difference_asked(question: Question) -> bool:
    """The question asks how two figures differ, not each figure ("少了多少", "相差几倍", "哪个多")."""
    clause = asking_part(question.typed or question.text, CLAUSE_BREAKS)
    return bool(DELTA_ASKED.search(clause)) or any(w in clause for w in domain.HOW_THEY_COMPARE)


def _table_said(question: Question) -> bool:
    """The question says which rows it ranks: of a classification's table, or the finest."""
    return any(word in question.typed for word in domain.CLASSIFICATION_WORDS + domain.DETAIL_WORDS)


def _column_within_row(question: Question) -> bool:
    """"卫生健康支出中项目支出占多少": one column said after the one row it is within, before 占."""
    within = WHOLE_BEFORE_PART.search(question.reading.partition("占")[0])
    return bool(within and len(question.subjects) == 1 and len(question.columns) == 1
                and question.said.get(question.subjects[0], question.subjects[0]) in within.group(1)
                and question.columns[0] in within.group(2))


def _one_place_and_year(question: Question) -> bool:
    return len(question.cities) <= 1 and len(question.years) <= 1


def _part_first(question: Question) -> list[str]:
    """The subjects of a share, the part first: the one named last before 占 ("三公经费里公务
    用车购置及运行维护费占比": the 公务用车 figure over 三公经费); then those named after 占, the
    whole ("基本支出和项目支出各多少？项目支出占本年支出合计…": not 基本支出)."""
    at = question.reading.find("占")
    before = [s for s in question.subjects if 0 <= question.order.get(s, len(question.text)) < at]
    if not before:
        return question.subjects
    asking = re.split(f"[{CLAUSE_BREAKS}]", question.reading[:at])[-1]  # "…各多少，项目支出占几成": not 基本支出
    named_again = [s for s in before if question.said.get(s, s) in asking]
    part = named_again[0] if len(named_again) == 1 else before[-1]  # "A和B各多少，A占比多少": A
    after = [s for s in question.subjects if question.order.get(s, -1) > at or s != part and  # or said again after
             question.said.get(s, s) in question.reading[at:]]  # it ("行政经费多少？三公经费占行政经费的比例")
    whole_said = WHOLE_SAID_BEFORE_SHARE.search(question.reading[:at])
    if whole_said and len(before) > 1 and question.order.get(part, -1) >= whole_said.start():
        part, after = before[-2], [part] + after  # "A在全部预算支出中占多大比重": A over the whole said before 占
    return [part] + after + [s for s in question.subjects if s != part and s not in after and (
        question.said.get(s, s) in asking or re.search(f"{re.escape(question.said.get(s, s))}(?:中|里|之中|当中)",
                                                       question.reading))]  # "基本支出中A和B各多少？B占比": of 基本支出


def _part_unnamed(question: Question) -> bool:
    """"城乡居民医保财政补助占卫生健康支出的比例": the part said before 占 in words no row is named by,
    the whole after it."""
    at = next((m.start() for m in re.finditer("占(?!比)", question.reading)), -1)  # not "算个占比：…"
    return at > 0 and all(question.order.get(s, -1) > at for s in question.subjects) and bool(
        rank.content_words(replace(question, reading=question.reading[:at])))


def _whole_before_unnamed_part(question: Question) -> bool:
    """"政府采购里服务类占多大比例": the whole named before 里 or 中, the part after it in words no row
    or column is named by."""
    within = WHOLE_BEFORE_PART.search(question.reading.partition("占")[0])
    return bool(within and question.subjects and not question.columns and all(
        question.said.get(s, s) in within.group(1) for s in question.subjects)
        and not re.search(f"[{CLAUSE_BREAKS}、]", within.group(2))  # not "…各多少？货物类占几成": those given
        and rank.content_words(replace(question, reading=within.group(2))))


def _parts_each(question: Question) -> list[str]:
    """The subjects named before 各占 / 分别占: each a part of the whole named after it."""
    at = EACH_SHARE.search(question.reading)
    return [s for s in question.subjects if 0 <= question.order.get(s, len(question.text)) < at.start()] if at else []


def _without(question: Question, others: list[str], part: str) -> Question:
    """The question of one part's share: the other parts neither part nor whole."""
    reading = question.reading
    for other in others:
        reading = reading.replace(question.said.get(other, other), "")
    return replace(question, share_part=part, reading=EACH_SHARE.sub("占", reading),
                   items=[i for i in question.items if i not in others],
                   row_terms=[r for r in question.row_terms if r not in others],
                   codes=[c for c in question.codes if c not in others],
                   columns=[c for c in question.columns if c not in others])


def _share_qualifier(question: Question, part: str) -> str:
    """The words between the part named and the share asked ("政府采购[授予中小企业的合同金额]占比"):
    they say which part of it is meant, and the part's figure must account for them."""
    reading = question.reading
    said = [(reading.find(name), name) for name in (*domain.ITEMS.get(part, ()), part) if name in reading]
    if not said:
        return ""
    start, name = min(said)
    share = re.search("|".join(("占", *domain.INTENT_WORDS["share"])), reading[start + len(name):])
    at = start + len(name) + share.start() if share else 0
    last = max(((m.start(), n) for n in (*domain.ITEMS.get(part, ()), part) for m in re.finditer(re.escape(n), reading[:at])),
               key=lambda mention: mention[0] + len(mention[1]), default=(start, name))
    if not re.search(f"[{CLAUSE_BREAKS}]", reading[last[0] + len(last[1]):at]):
        start, name = last  # the part said again in the share's clause ("A和B各多少，A占比多少"): the words from there
    between = reading[start + len(name): at] if share else ""
    return WHOLE_SAID_BEFORE_SHARE.sub("", between)  # "A在全部预算支出中占多大比重": the whole, not A's words


WHOLE_SAID_BEFORE_SHARE = re.compile(r"的?在[^，,。？?]{2,16}?[中里内]的?$")


def _whole_is_a_sum(question: Question) -> bool:
    """"A占A与B合计的比例": the whole is the sum of the items named after 占, or of those said before
    ("A和B各多少？A占两者合计的比例")."""
    after = question.reading.partition("占")[2]
    return any(w in after for w in ("与", "和", "及", "加", *domain.ALL_REFERRED)) and any(
        w in after for w in ("合计", "之和", "总和", "加起来", "两项", "三项"))


def _sum_figure(parts: list[Figure]) -> Figure:
    label = "与".join(p.label.removesuffix("合计") for p in parts) + "合计"  # 公用经费合计 is said 公用经费
    total = sum((p.value for p in parts), Decimal(0))
    return Figure(total, parts[0].unit, label, parts[0].doc, parts[0].doc_title, parts[0].line,
                  sentence=" + ".join(f"{p.label}{money(p.value)}" for p in parts), scanned=any(p.scanned for p in parts))


def _nth_first(question: Question, ranked: list[Figure], lines: list[str]) -> list[Figure]:
    """"排第二大的是哪一项": the figure at that place of the ranking first, said before the ranking."""
    said = re.search(domain.ORDINAL_ASKED, question.typed)
    nth = next(group for group in said.groups() if group) if said else ""
    place = int(nth) if nth.isdigit() else CHINESE_NUMBERS.get(nth, 0)
    if not 1 < place <= len(ranked) or re.search(domain.TOP_ASKED, question.typed):  # "谁最多，谁排第二": the
        return ranked  # ranking, in its order, answers both
    nth = ranked[place - 1]
    lines.insert(0, f"第{place}：{nth.label}，{money(nth.value)}{nth.unit}。")
    return [nth] + [f for f in ranked if f is not nth]


RANKED_BY = {"money": "金额", "count": "数量"}  # what figures of a unit class are ranked by, in words


BOUND_SHOWN = {">": "超过{}", "<": "低于{}", ">=": "{}及以上", "<=": "{}及以下"}
BOUND_PASSED = {">": operator.gt, "<": operator.lt, ">=": operator.ge, "<=": operator.le}


def _past_the_bound(bound: tuple[str, Decimal, str], pairs: list[tuple[str, Figure]]) -> str:
    """"超过3万元的有2家：…": the figures past the bound, the bound put in each figure's own unit."""
    direction, value, unit = bound
    said = BOUND_SHOWN[direction].format(f"{money(value)}{MONEY_SHOWN.get(unit, unit)}")

    def past(figure: Figure) -> bool:
        limit = value * IN_10K_YUAN[unit] / IN_10K_YUAN[figure.unit] if unit in IN_10K_YUAN \
            and figure.unit in IN_10K_YUAN else value
        return BOUND_PASSED[direction](figure.value, limit)

    names = [name for name, figure in pairs if past(figure)]
    return f"其中{said}的有{len(names)}家" + (f"：{'、'.join(names)}。" if names else "。")


def _ranked_by(figure: Figure) -> str:
    return RANKED_BY.get(unit_class(figure.unit), "数字")
OTHER_PARTS_SHOWN = 5  # a whole split in more parts than this: the part's share alone


def _in_column(figure: Figure, row: RowRecord, column: str) -> Figure:
    """The figure of `row` and `column` in the table `figure` is from."""
    return Figure(row.values[column], figure.unit, clean_row_name(row.name), figure.doc, figure.doc_title,
                  row.line_start, figure.table, figure.table_title, row.name, column, row_id=row.id,
                  scanned=figure.scanned)


def _percent_said(part: Decimal, whole: Decimal) -> str:
    """A share as a reader reads it: "不足0.01%" for a part too small to round to a hundredth (7.00 of 473,649.28)."""
    share = percent_of(part, whole)
    return "不足0.01%" if share == 0 and part > 0 else f"{share}%"


def _in_one_unit(part: Figure, whole: Figure) -> tuple[Decimal, Decimal] | None:
    """The two values in one unit: as printed when they share it, sums of money in 万元 (门诊费用4657.75万元
    of 基金支出8.13亿元); None when they measure different things."""
    if part.unit == whole.unit:
        return part.value, whole.value
    if part.unit in IN_10K_YUAN and whole.unit in IN_10K_YUAN:
        return part.value * IN_10K_YUAN[part.unit], whole.value * IN_10K_YUAN[whole.unit]
    return None


def _share_figure(part: Figure, whole: Figure, share: Decimal) -> Figure:
    """The share computed from two reported figures, cited by the division that gives it."""
    units = (part.unit, whole.unit) if part.unit != whole.unit else ("", "")  # 万元 ÷ 亿元: said
    return Figure(share, "%", f"{part.label}占{whole.label}", part.doc, part.doc_title, part.line,
                  sentence=f"{part.label}{money(part.value)}{units[0]} ÷ {whole.label}{money(whole.value)}{units[1]}",
                  scanned=part.scanned or whole.scanned)


def _subject_only(question: Question, subject: str | None) -> dict[str, list[str]]:
    """The question's subjects narrowed to `subject` (when it is one of them) and the units they are of
    (广州市医疗救助服务中心的专项医疗救助金), as fields to replace."""
    if subject not in question.subjects:
        return {}
    return {name: [s for s in getattr(question, name) if s == subject or parts.is_unit_name(s)]
            for name in ("items", "row_terms", "codes")}


def _of_one(question: Question, subject: str) -> Question:
    """The question read for one of its subjects: the others' names blanked, so that their words
    rank no sentence of theirs for this one."""
    own = question.said.get(subject, subject)
    reading = question.reading
    for other in question.subjects:
        said = question.said.get(other, other)
        if other != subject and said not in own:
            reading = reading.replace(said, " ")
    return replace(question, reading=reading)


def _faster_asked(reading: str) -> bool:
    """Which of two changes is the faster or the larger ("哪个增长得更快", "哪个涨得多")."""
    return bool(re.search(domain.FASTER_ASKED, reading) or re.search(domain.WHICH_IS_MORE, reading))


def _level_asked_first(question: Question) -> bool:
    """The first sentence that asks asks how much and names no change, and a later one asks the change."""
    asked = asking_parts(question.reading or question.text)
    changed = [any(w in part for w in domain.INTENT_WORDS["change"]) for part in asked]
    return len(asked) > 1 and not changed[0] and any(changed[1:]) and bool(re.search("多少|几", asked[0]))


def _faster(question: Question, rates: list[Figure]) -> list[str]:
    """Which of two rates of change is the faster, when asked (哪个增长得更快)."""
    if len(rates) != 2 or any(r.unit != "%" for r in rates) or not _faster_asked(question.reading):
        return []
    a, b = sorted(rates, key=lambda rate: -rate.value)
    if a.value == b.value:
        return [f"两者变动幅度相同（均为{money(a.value)}%）。"]
    return [f"变动幅度更大的是{a.label}（{money(a.value)}% ＞ {money(b.value)}%）。"]
