"""Compose answers: exact figures with citations, verbatim passages (rag/passages.py), plain refusals.

Every figure an answer states comes from the table store or from a sentence of a report; a
computed figure (difference, share) shows its inputs. Nothing is guessed.
"""
from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from functools import cached_property
from itertools import islice, permutations

from rag import domain, lexicon, parts, places, rank
from rag.answer_types import Answer, Source, money, percent_of, subject_name as _subject_name
from rag.audit import direct_children
from rag.cache import RecentlyUsed
from rag.evidence import Evidence, matching_cells, named_cells, prose_numbers, target_numbers
from rag.followup import carry_over
from rag.index import Chunk, SearchIndex, load_vocabulary
from rag.lookup import Figure, FigureFinder, clean_row_name
from rag.normalize import Vocabulary
from rag.provenance import label_uploaded
from rag.parse.text import compact, unquoted as _unquoted
from rag.passages import PassageReader
from rag.question import WORDS_ASKED, Question, asking_parts, measure_asked, row_name_variants, understand
from rag.servers import has_store, read_store
from rag.settings import Settings
from rag.store import DocumentInfo, RowRecord

HOLDINGS_LISTED = 8  # a refusal names this many reports held at most; more are counted
UNIT_ROWS_LISTED = 6  # and this many of a unit's own rows when the item asked of it is not one
REPORTS_CACHED = 64  # reports whose evidence a process keeps at once (issue 11: thousands held)


class AnswerEngine:
    """The store, the search index and the vocabulary, loaded once and shared by all callers."""

    def __init__(self, settings: Settings, dense: bool = True):
        index_dir = settings.current_index.resolve()
        if not has_store(index_dir):
            raise FileNotFoundError("还没有索引。请先运行：python -m rag ingest")
        self.settings = settings
        self.index_dir = index_dir
        self.store = read_store(index_dir, settings)
        self.search_index = SearchIndex(index_dir, settings)
        self.dense = dense
        self.finder = FigureFinder(self.store)
        self.documents = places.Holdings(self.store.documents())  # looked up by place and unit, not walked
        self.vocabulary = load_vocabulary(index_dir) or self.finder.row_vocabulary(self.documents)
        self._lock = threading.Lock()
        self._numbers: dict[str, list[Evidence]] = RecentlyUsed(REPORTS_CACHED)  # per report, bounded
        saved = lexicon.load(index_dir)  # what is derived from the whole corpus, saved with the build
        if saved is None:  # a build made before the lexicon was saved with it: computed here
            paragraphs = self.store.paragraphs()
            self.spelling = _spelling_vocabulary(self.vocabulary, paragraphs, self.search_index.chunks)
            self.term_weights = rank.TermWeights([p.text for p in paragraphs] + self.vocabulary)
        else:
            self.spelling = Vocabulary(_spelling_words(self.vocabulary, saved.headings), saved.text)
            self.term_weights = _term_weights(saved, self.vocabulary)
        self.passages = PassageReader(self.store, self.search_index, self.term_weights, dense, self._refuse,
                                      REPORTS_CACHED)
        self.inconsistencies = _Inconsistencies(self.store)
        self._scanned = {d.name: d for d in self.documents if d.ocr_lines}  # reports with pages read by OCR
        self._uploaded = [d for d in self.documents if d.uploaded]  # found once, not per answer

    def warm_up(self) -> None:
        """Load the embedding model now, so the first passage question does not wait for it."""
        if self.dense:
            self.search_index.search("部门职责", k=1, dense=True)

    # ------------------------------------------------------------ the entry point
    def ask(self, text: str, previous: Question | None = None, docs_filter: set[str] | None = None) -> Answer:
        question = understand(text, self.vocabulary, self.settings.max_question_chars, self.spelling, self.documents)
        if question.problem:
            return self._refuse(question, question.problem)
        carried = carry_over(question, previous) if previous is not None else set()
        with self._lock:  # the finder caches tables; sqlite reads are serialized per engine
            answer = self._answer(question, docs_filter)
            if not answer.found and carried & {"years", "kinds"}:
                # "那江门呢" after a 2023 question: 江门's 2023 report may lack it; look in all its reports
                question.years, question.kinds = ([] if "years" in carried else question.years,
                                                  [] if "kinds" in carried else question.kinds)
                answer = self._answer(question, docs_filter)
            return answer

    def _answer(self, question: Question, docs_filter: set[str] | None) -> Answer:
        if question.wide_scope and not question.cities:
            return self._refuse(question, f"收录的是各地医疗保障局自己的报告，没有{question.wide_scope}的数字或情况。")
        documents, problem, note = self._resolve_documents(question, docs_filter)
        if problem:
            return self._refuse(question, problem)
        unknown = [c for c in question.codes if not any(self.finder.has_code(d, c) for d in documents)]
        if unknown:  # an exact code is the strongest signal: a report without it does not answer
            titles = "、".join(d.title for d in documents)
            return self._refuse(question, f"{titles}中没有科目编码为{'、'.join(unknown)}的项目。")
        if unlisted := self._unlisted_unit(question, documents):
            return self._refuse(question, unlisted)
        handlers = {"figure": self._figures, "compare": self._compare, "share": self._share,
                    "change": self._change, "rank": self._rank, "passage": self.passages.run,
                    "definition": self.passages.run, "reason": self.passages.run}
        answer = handlers[question.intent](question, documents)
        if not answer.found and question.intent == "figure" and _asks_words_too(question):
            # "检查是怎么铺开的？搞了几个全覆盖": no figure, but the passage that tells how may count them
            passage = self.passages.run(replace(question, intent="passage"), documents)
            answer = passage if passage.found and not rank.standing_section(passage.sources[0].section) else answer
        if per := _per_unit_unstated(question, answer):  # asked per month, stated per year: not the answer
            refusal = self._refuse(question, f"报告没有{per}的数字，只列出：\n{answer.answer}")
            refusal.sources = answer.sources
            answer = refusal
        label_uploaded(answer, self._uploaded)
        if note and answer.found:
            answer.answer = f"{note}\n{answer.answer}"
        if question.corrections and answer.found:
            read = "、".join(f"“{c.typed}”按“{c.read_as}”理解" for c in question.corrections)
            answer.answer = f"（{read}）\n{answer.answer}"
        for source in answer.sources:
            source.scanned = source.doc in self._scanned and self._scanned[source.doc].read_by_ocr(source.line)
        return answer

    def _unlisted_unit(self, question: Question, documents: list[DocumentInfo]) -> str | None:
        """Why a figure of a unit below the department (鹤山分局, 蓬江分中心) is not answered: no
        table lists it, so the department's figures would be another unit's. Counts stay with the
        ranker: a report may state a unit's 编制 in its prose without listing the unit's money."""
        if question.intent in ("passage", "definition", "reason") or question.asked_class == "count":
            return None
        alone = any(w in question.reading for w in domain.ALONE_WORDS)
        mentions = [(place, m) for place in question.divisions
                    if (m := re.search(re.escape(place) + domain.SUB_UNIT_AFTER_PLACE, question.reading))
                    and (alone or m["kind"] not in domain.FOLDED_UNIT_KINDS)]
        if not mentions:  # most questions name no branch: the tables are not read for them
            return None
        units = {parts.unit_name(row) for d in documents for _, rows in self.finder.tables(d.name)
                 for row in rows if parts.is_unit_row(row)}
        for place, mention in mentions:
            if not any(place in u and mention["kind"] in u for u in units):
                held = "、".join(sorted(units)) or "（报告不分单位列示）"
                return f"报告没有单列“{mention[0]}”的数字。报告中分单位列示的有：{held}。"
        return None

    # ------------------------------------------------------------ which reports
    def _resolve_documents(self, question: Question, docs_filter: set[str] | None
                           ) -> tuple[list[DocumentInfo], str | None, str | None]:
        """The reports a question is about, why there are none, and a note when another kind of
        report of the same city and year stands in for the kind asked."""
        pool = self.documents if docs_filter is None else [d for d in self.documents if d.name in docs_filter]
        if not question.cities and question.unknown_places:
            return [], f"这些报告中没有{'、'.join(question.unknown_places)}医疗保障局的报告。", None
        held = places.scope(question.cities, question.units, pool, question.divisions)  # the places' and units' reports
        if held.missing:
            return [], held.refusal(), None
        dated = [d for d in held.documents if _of_the_years(question, d)]
        if unheld := _latest_year_unheld(question, held.documents):  # "2024年比2023年多还是少": no 2024 to compare
            return [], f"这些报告中没有{unheld}的报告。{held.note() or ''}", None
        chosen = [d for d in dated if not question.kinds or question.versus_kinds or d.kind in question.kinds]
        refusal = [], f"这些报告中没有{_asked_reports(question)}的报告。{held.note() or ''}", None
        if not question.cities:
            return (chosen, None, held.note()) if chosen else refusal

        def asked_of(d: DocumentInfo) -> str:  # the city (and year, when asked) a report answers for
            return f"{d.city}{d.year}年" if question.years else d.city

        # a city (and year) asked whose kind asked is not held: the kinds that state its figures stand in, said so
        covered = {asked_of(d) for d in chosen}
        stand_ins = [d for d in dated if asked_of(d) not in covered
                     and (d.kind in domain.STAND_IN_KINDS.get(question.kinds[0], ()) or d.kind in question.kinds_said)]
        if not stand_ins:
            return (chosen, None, held.note()) if chosen else refusal
        missing = "、".join(dict.fromkeys(asked_of(d) for d in stand_ins))
        note = f"（没有{missing}{''.join(question.kinds)}；以下据{'、'.join(d.title for d in stand_ins)}。）"
        return chosen + stand_ins, None, note

    def holdings(self, question: Question | None = None) -> str:
        """What the index holds, short at any size: the titles of a few reports; of many, counts by
        place, year and kind, and the reports nearest to what was asked."""
        documents = self.documents
        if len(documents) <= HOLDINGS_LISTED:
            return "、".join(d.title for d in documents)
        asked = question is not None and (question.cities or question.years)  # else no report is nearest
        nearest = list(islice((d.title for d in documents if d.city in question.cities or d.year in question.years),
                              HOLDINGS_LISTED // 2)) if asked else []
        return self._counted_holdings + (f"。与所问最接近的：{'、'.join(nearest)}" if nearest else "")

    @cached_property
    def _counted_holdings(self) -> str:
        """The reports held counted by place, year and kind: once, as they do not change in an
        engine's life (a refusal at a thousand reports counted them all again)."""
        documents = self.documents
        by_place = Counter(d.city or d.unit for d in documents)
        places = "、".join(f"{place} {n} 份" for place, n in by_place.most_common(HOLDINGS_LISTED))
        more = f"等 {len(by_place)} 地" if len(by_place) > HOLDINGS_LISTED else ""
        years = sorted({d.year for d in documents if d.year})
        kinds = "、".join(f"{kind} {n} 份" for kind, n in Counter(d.kind for d in documents if d.kind).most_common())
        return (f"共 {len(documents)} 份报告：{places}{more}；年度 {years[0]}–{years[-1]}；{kinds}"
                if years else f"共 {len(documents)} 份报告：{places}{more}；{kinds}")

    def _refuse(self, question: Question, reason: str) -> Answer:
        return Answer(question.text, False, f"{reason}\n目前收录的报告：{self.holdings(question)}。",
                      intent=question.intent, understood=question)

    # ------------------------------------------------------------ evidence
    def _numbers_of(self, document: DocumentInfo) -> list[Evidence]:
        if document.name not in self._numbers:
            self._numbers[document.name] = prose_numbers(self.store, document) + target_numbers(self.finder, document)
        return self._numbers[document.name]

    def _ranked(self, question: Question, documents: list[DocumentInfo], subject: str | None,
                siblings: bool = False) -> list[Evidence]:
        """Each report's best unit of evidence for the subject (or, with none, for the question's
        own words), best report first. With siblings, the other rows the exact look-up found
        alongside the best one (行政运行 under several 功能科目) come too."""
        if subject and subject not in question.subjects:  # a whole the question leaves unsaid
            question = replace(question, reading=_subject_name(subject), asked_class=None)
        elif subject and not any(w in question.reading for w in (*domain.ITEMS.get(subject, ()), subject)):
            question = replace(question, reading=f"{question.reading} {_subject_name(subject)}")  # carried over
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
            units = named + matching_cells(self.finder, document, question, content) + self._numbers_of(document)
            best = rank.best_per_document(units, terms, question)
            if not best:
                continue
            value, unit = best[0]
            found.append((value, [unit] + [n for n in named if siblings and unit.named and n is not unit
                                           and rank.score(n, terms, question) == value]))
        return [unit for _, units in sorted(found, key=lambda f: -f[0]) for unit in units]

    def _conjoined(self, question: Question, documents: list[DocumentInfo]) -> list[tuple[str, Figure]] | None:
        """"医保基金收入和支出各多少", "职工医保和居民医保参保人数", "药品多少种、耗材多少类": each
        thing asked, with the words they share, when each is found and is another figure."""
        readings = rank.several_asked_readings(question) or rank.conjoined_readings(question)
        found = []
        for reading in readings:
            asked_class, asked_unit = measure_asked(reading)
            if asked_class is None:  # "药品和耗材各涉及多少家": the measure is said once, for both
                asked_class, asked_unit = question.asked_class, question.asked_unit
            own = replace(question, reading=reading, asked_class=asked_class, asked_unit=asked_unit,  # its own subjects
                          items=_said_in(question, question.items, reading),
                          row_terms=_said_in(question, question.row_terms, reading),
                          codes=_said_in(question, question.codes, reading))
            best = self._lookup(own, documents, own.subjects[0] if len(own.subjects) == 1 else None)
            if not best:
                return None
            found.append((best[0].label, best[0]))
        distinct = len({id(figure) for _, figure in found}) == len(found)
        return found if len(found) >= 2 and distinct else None

    def _lookup(self, question: Question, documents: list[DocumentInfo], subject: str | None) -> list[Figure]:
        return [unit.figure for unit in self._ranked(question, documents, subject)]

    def _best(self, question: Question, document: DocumentInfo, subject: str | None) -> Figure | None:
        found = self._lookup(question, [document], subject)
        return found[0] if found else None

    # ------------------------------------------------------------ figures
    def _figures(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        # "A和B各多少" with A said in part: one subject found, two asked
        several = not question.subjects or len(question.subjects) == 1 and any(w in question.reading for w in domain.EACH_WORDS)
        if several and len({d.city for d in documents}) == 1 and (found := self._conjoined(question, documents)):
            return self._pair(question, *found) if len(found) == 2 else self._side_by_side(question, found)
        subjects = question.subjects[:4] or [None]
        named_unit = self._named_unit(question, documents)
        if named_unit:  # "蓬江分局有多少个编制": asked of the reports that list it
            documents = [d for d in documents if parts.unit_rows(self.finder.tables(d.name), named_unit)] or documents
        figures: list[Figure] = (self._under_named_parent(question, documents)
                                 or self._of_named_unit(question, documents, named_unit))
        if named_unit and not figures and (items := _items_besides(question, named_unit)):
            return self._unit_lacks(question, documents, named_unit, items[0])
        figures = figures or self._in_named_project(question, documents)
        for subject in subjects if not figures else []:
            for unit in self._ranked(question, documents, subject, siblings=True):
                if not any((f.doc, f.line, f.value) == (unit.figure.doc, unit.figure.line, unit.figure.value)
                           for f in figures):
                    figures.append(unit.figure)
        if not figures:
            return self._not_found(question, documents, subjects[0])
        lines, sources = [], []
        for figure in figures:
            lines.append(self._figure_sentence(figure))
            lines.extend(self._prose_agreement(question, figure, sources))
            lines.extend(self._audit_caveat(figure))
            sources.insert(0, self._figure_source(figure))
        missing = [d.title for d in documents if d.name not in {f.doc for f in figures}]
        if missing and len(figures) < len(documents):
            lines.append(f"（{'、'.join(missing)}中没有找到“{_subject_name(subjects[0], question)}”。）")
        answer = Answer(question.text, True, "\n".join(lines), figures, sources, question.intent, question)
        answer.chart = self._parts_chart(figures[0])
        if answer.chart and any(w in question.text for w in domain.BREAKDOWN_WORDS):  # its parts, in words too
            listed = "、".join(f"{label}{money(Decimal(f'{value:.2f}'))}{answer.chart['unit']}"
                              for label, value in zip(answer.chart["labels"], answer.chart["values"]))
            answer.answer += f"\n其中：{listed}（同表同列）。"
        return answer

    def _under_named_parent(self, question: Question, documents: list[DocumentInfo]) -> list[Figure]:
        """"新会分局的人员类": of the rows one subject names, those under the row of a unit another names."""
        found = []
        for parent, child in permutations(question.subjects[:4], 2):
            said = (*domain.ITEMS.get(parent, ()), parent)
            for document in documents:
                for unit in named_cells(self.finder, document, child, question):
                    if unit.figure.table is None:
                        continue
                    under = next((row for row in self._ancestors(unit.figure) if parts.is_unit_row(row)
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

    def _of_named_unit(self, question: Question, documents: list[DocumentInfo], unit: str | None,
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
        return self._refuse(question, f"报告没有单列“{_subject_name(unit)}”的“{_subject_name(item)}”。{listed}")

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
        terms = rank.query_terms(question, self.term_weights,
                                 drop=(name, re.sub(domain.PLACE_PREFIX, "", name), *others))
        return [best.figure for document in documents
                if (best := rank.best_of_scope(candidates(document), terms, question))]

    def _ancestors(self, figure: Figure) -> list[RowRecord]:
        """The rows a table figure's row lies under, nearest first."""
        rows = self._table_rows(figure)
        position = next(i for i, r in enumerate(rows) if r.id == figure.row_id)
        ancestors, level = [], rows[position].level
        for row in reversed(rows[:position]):
            if row.level < level and row.side == rows[position].side:
                ancestors.append(row)
                level = row.level
        return ancestors

    @staticmethod
    def _figure_sentence(figure: Figure) -> str:
        if figure.table is not None and figure.sentence is None:
            return (f"{figure.doc_title}：{figure.label}{money(figure.value)}{figure.unit}"
                    f"（{figure.citation}）。")
        return f"{figure.doc_title}：{figure.label}{money(figure.value)}{figure.unit}。原文：“{figure.sentence}”（{figure.citation}）"

    def _prose_agreement(self, question: Question, figure: Figure, sources: list[Source]) -> list[str]:
        """Say when the report's text states the same item, and show both when they differ."""
        item = next((i for i in question.items if i in domain.ITEMS), None)
        if item is None or figure.table is None or not any(  # the figure is the item's, not a row in its column
                _unquoted(compact(name)) in _unquoted(compact(f"{figure.row or ''}{figure.label}")) for name in domain.ITEMS[item]):
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

    def _table_rows(self, figure: Figure) -> list[RowRecord]:
        """The rows of the table a figure comes from (cached by the finder)."""
        return next(rows for table, rows in self.finder.tables(figure.doc) if table.number == figure.table)

    def _figure_source(self, figure: Figure) -> Source:
        if figure.table is None:
            return Source(figure.doc, figure.doc_title, "text", None, None, figure.sentence or "", figure.line)
        row = next(r for r in self._table_rows(figure) if r.id == figure.row_id)
        cells = "，".join(f"{c} {money(v)}" for c, v in row.values.items())
        text = f"表{figure.table}《{figure.table_title}》 {row.name}：{cells}"
        return Source(figure.doc, figure.doc_title, "table", f"表{figure.table} {figure.table_title}", figure.table,
                      text, figure.line, row.line_end, row_id=row.id, column=figure.column)

    def _parts_chart(self, figure: Figure) -> dict | None:
        """When the figure's row has parts in its table (三公经费 into its three, a 功能科目 into its
        sub-items), the parts in the same column, for a breakdown chart."""
        if figure.table is None or figure.row_id is None:
            return None
        rows = self._table_rows(figure)
        row = next(r for r in rows if r.id == figure.row_id)
        same_side = [r for r in rows if r.side == row.side]
        children = direct_children(same_side, same_side.index(row))
        values = [child.values.get(figure.column) for child in children]
        if len(children) < 2 or None in values:
            return None
        return {"kind": "parts", "title": f"{figure.doc_title} {clean_row_name(row.name)}的构成（{figure.column}）",
                "unit": figure.unit, "labels": [clean_row_name(c.name) for c in children],
                "values": [float(v) for v in values]}

    def _not_found(self, question: Question, documents: list[DocumentInfo], subject: str | None) -> Answer:
        held = []
        for document in documents:
            tables = self.store.tables(document.name)
            listing = "；".join(f"表{t.number} {t.title}" for t in tables) or "（该报告没有表格，只有文字）"
            held.append(f"{document.title}：{listing}")
        known = f"（问题里已给出的{'、'.join(map(str, sorted(question.stated)))}不算）" if question.stated else ""
        text = (f"在{'、'.join(d.title for d in documents)}中没有找到“{_subject_name(subject, question)}”的{'其他' if known else ''}"
                f"数字{known}。\n这些报告包含：\n" + "\n".join(held))
        return Answer(question.text, False, text, intent=question.intent, understood=question)

    # ------------------------------------------------------------ comparisons, shares, changes, ranks
    def _compare(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        pairs: list[tuple[str, Figure]] = []
        if question.versus_kinds and not question.cities[1:]:
            pairs = self._per_column(question, documents, ("预算数", "决算数"), kinds=[])
        elif len(question.columns) > 1 and len(question.subjects) == 1 and len(documents) == 1:
            pairs = self._per_column(question, documents, question.columns[:2])  # 基本支出中的A和项目支出中的A
        if not pairs and len(question.subjects) > 1 and _one_place_and_year(question):
            pairs = self._per_subject(question, documents)
        if not pairs:
            found = self._lookup(question, documents, question.subjects[0])
            pairs = [(f.doc_title, f) for f in sorted(found, key=lambda f: self._asked_order(question, f.doc))]
        if len(pairs) < 2:
            if pairs:
                answer = self._figures(question, documents)
                answer.answer += "\n（只找到一方的数字，无法比较。）"
                return answer
            return self._not_found(question, documents, question.subjects[0])
        if len(pairs) > 2:  # "江门、吴川、广州的三公经费": each, side by side
            return self._side_by_side(question, pairs)
        return self._pair(question, pairs[0], pairs[1])

    def _asked_order(self, question: Question, doc: str) -> tuple[int, int]:
        """Where a report's city and year are named in the question: answers keep the question's order."""
        document = self.store.document(doc)
        city = question.cities.index(document.city) if document.city in question.cities else len(question.cities)
        year = question.years.index(document.year) if document.year in question.years else len(question.years)
        return city, year

    def _pair(self, question: Question, first: tuple[str, Figure], second: tuple[str, Figure]) -> Answer:
        """Two figures side by side and their difference."""
        (name_a, a), (name_b, b) = first, second
        difference = a.value - b.value
        relation = "多" if difference > 0 else "少" if difference < 0 else "相同，差"
        lines = [_labelled(name_a, self._figure_sentence(a)), _labelled(name_b, self._figure_sentence(b))]
        if a.unit == b.unit:
            lines.append(f"差额：{money(a.value)} − {money(b.value)} = {money(difference)}{a.unit}，"
                         f"即前者比后者{relation}{money(abs(difference))}{a.unit}。")
        else:  # a percent and an amount, say: there is no difference to take
            lines.append(f"（两个数字的单位不同：{a.unit}与{b.unit}，不能相减。）")
        sources = [self._figure_source(a), self._figure_source(b)]
        answer = Answer(question.text, True, "\n".join(lines), [a, b], sources, question.intent, question)
        answer.chart = _bar_chart(question, [name_a, name_b], [a, b])
        return answer

    def _side_by_side(self, question: Question, pairs: list[tuple[str, Figure]]) -> Answer:
        figures = [figure for _, figure in pairs]
        lines = [_labelled(name, self._figure_sentence(figure)) for name, figure in pairs]
        answer = Answer(question.text, True, "\n".join(lines), figures, [self._figure_source(f) for f in figures],
                        question.intent, question)
        answer.chart = _bar_chart(question, [name for name, _ in pairs], figures)
        return answer

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
            for figure in self._lookup(variant, documents, question.subjects[0]):
                said = f"{figure.column or ''} {figure.table_title or ''}"
                if column in said and not any((f.line, f.column) == (figure.line, figure.column) for _, f in pairs):
                    pairs.append((column, figure))
        return pairs

    def _share(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        """The part over the whole named; "A占A与B合计" over A + B; with no whole named, over the
        whole the domain names for the part, else over the part's parent row in its table."""
        subjects = [question.share_part] + question.subjects if question.share_part else _part_first(question)
        part_subject, named_wholes = subjects[0], [s for s in subjects[1:] if s != subjects[0]]
        summed = _whole_is_a_sum(question)
        amounts = replace(question, asked_class=None, intent="figure", stated=set())  # its inputs: amounts, stated or not
        lines, figures, sources = [], [], []
        qualified = replace(question, reading=_share_qualifier(question, part_subject))
        terms = rank.query_terms(qualified, self.term_weights) if qualified.reading else []
        unaccounted = False
        for document in documents:
            found = self._ranked(amounts, [document], part_subject)
            if not found:
                continue
            if terms and rank.lexical(found[0], terms) < rank.WEIGHTS.words_at:
                unaccounted = True  # "政府采购授予中小企业的合同金额占比": words the part does not account for
                continue
            part = found[0].figure
            if part.unit == "%":  # the report states the share itself ("占…总额的18.9%")
                lines.append(self._figure_sentence(part))
                figures.append(part)
                sources.append(self._figure_source(part))
                continue
            if summed and named_wholes:
                parts = [part] + [f for s in named_wholes if (f := self._best(amounts, document, s))]
                whole = _sum_figure(parts)
            elif named_wholes:
                whole = self._best(amounts, document, named_wholes[0])
            else:
                default = domain.SHARE_WHOLES.get(part_subject)
                whole = (self._best(amounts, document, default) if default else self._parent_figure(part)) or \
                    self._best(amounts, document, domain.DEFAULT_SHARE_WHOLE)
            if whole is None or whole.value == 0 or whole.unit != part.unit:
                continue
            share = percent_of(part.value, whole.value)
            lines.append(f"{document.title}：{part.label}{money(part.value)}{part.unit}，占{whole.label}"
                         f"{money(whole.value)}{whole.unit}的{share}%（{money(part.value)} ÷ {money(whole.value)}）。"
                         f"\n  · {part.label}：{part.citation}\n  · {whole.label}：{whole.citation}")
            figures += [_share_figure(part, whole, share), part, whole]  # the share first: it is what was asked
            sources += [self._figure_source(part), self._figure_source(whole)]
        if not figures:
            return self._not_found(question, documents, None if unaccounted else part_subject)
        return Answer(question.text, True, "\n".join(lines), figures, sources, question.intent, question)

    def _parent_figure(self, figure: Figure) -> Figure | None:
        """The row above a table figure's row that it is a part of, in the same column."""
        if figure.table is None:
            return None
        rows = self._table_rows(figure)
        position = next(i for i, r in enumerate(rows) if r.id == figure.row_id)
        row = rows[position]
        for parent in reversed(rows[:position]):
            if parent.side == row.side and parent.level < row.level and figure.column in parent.values:
                name = clean_row_name(parent.name)
                return Figure(parent.values[figure.column], figure.unit, name, figure.doc, figure.doc_title,
                              parent.line_start, figure.table, figure.table_title, parent.name, figure.column,
                              row_id=parent.id, scanned=figure.scanned)
        return None

    def _change(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        """The change the report states, first; then the amount it is a change of."""
        subject = question.subjects[0] if question.subjects else None
        name = _subject_name(subject, question) if subject else ""
        lines, figures, sources = [], [], []
        for unit in self._ranked(question, documents, subject):
            if not unit.change:
                continue
            document = self.store.document(unit.doc)
            change = unit.figure
            change.label = f"{name}{change.label}" if name and name not in change.label else change.label
            lines.append(f"{document.title}：{change.label}{money(change.value)}{change.unit}。"
                         f"原文：“{unit.sentence}”（{change.citation}）")
            figures.append(change)
            sources.append(Source(unit.doc, document.title, "text", unit.section, None, unit.sentence or "", unit.line))
            current = self._best(replace(question, intent="figure"), document, subject) \
                if subject else None
            if current is not None and current.value != change.value:
                lines.append(f"  本年数：{self._figure_sentence(current)}")
                figures.append(current)
                sources.append(self._figure_source(current))
        if not lines:
            answer = self._figures(replace(question, intent="figure"), documents)
            if answer.found:
                answer.answer += "\n这些报告没有给出该项目与上年相比的变化。"
            return answer
        return Answer(question.text, True, "\n".join(lines), figures, sources, question.intent, question)

    def _per_subject(self, question: Question, documents: list[DocumentInfo]) -> list[tuple[str, Figure]]:
        """Each subject named ("蓬江、江海、新会三个分局的基本支出"), its best figure; units named
        with other words ("蓬江分局跟新会分局请专家的劳务费"), each unit's best figure for those words."""
        units = [s for s in question.subjects if parts.is_unit_name(s)]
        if 1 < len(units) < len(question.subjects):
            said = {unit: question.said.get(unit, unit) for unit in units}
            return [(_subject_name(unit), found[0]) for unit in units[:6] if (found := self._of_named_unit(
                question, documents, unit, tuple(said[u] for u in units if u != unit)))]
        pairs = []
        for subject in question.subjects[:6]:
            found = self._lookup(question, documents, subject)
            if found:
                pairs.append((_subject_name(subject), found[0]))
        return pairs

    def _rank(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        """Reports by one subject's figure; or, when one report's several subjects are named, those."""
        ascending = any(w in question.text for w in domain.ASCENDING_WORDS)
        if parts.group_asked(question.text) and len({d.unit for d in documents}) == 1 and (within := next(
                (found for d in documents if (found := self._parts(question, d, None))), None)):
            return self._rank_parts(question, within, ascending)  # "哪个项目/单位最多": of the report asked
        subject = question.subjects[0] if question.subjects else None
        found = self._lookup(question, documents, subject)
        within = self._parts(question, next(d for d in documents if d.name == found[0].doc), found[0]) \
            if len(found) == 1 else None
        if within and all(any(other in clean_row_name(row.name) for row in within.rows)
                          for other in question.subjects[1:]):  # "…里哪一项最多？我猜是办公费": a part named too
            return self._rank_parts(question, within, ascending)  # one report states it: its rows are ranked
        if len(question.subjects) > 1 and _one_place_and_year(question):
            pairs = self._per_subject(question, documents)
            heading, note = "、".join(question.columns), f"（比较所问的 {len(pairs)} 项。）"
        else:
            pairs = [(f.doc_title, f) for f in found]
            heading = _subject_name(subject, question)
            note = f"（只比较收录的 {len(pairs)} 份有此数字的报告；各报告年度与类型不同，请留意。）"
        if not pairs:
            return self._not_found(question, documents, question.subjects[0] if question.subjects else None)
        if len(pairs) == 1 and not question.subjects:  # "哪个医院骗保最多": one figure, no item, nothing ranked
            refusal = self._refuse(question, "报告中没有可以比较的一组数字，只找到：\n" + self._figure_sentence(pairs[0][1]))
            refusal.sources = [self._figure_source(pairs[0][1])]
            return refusal
        pairs.sort(key=lambda pair: pair[1].value, reverse=not ascending)
        lines = [f"按{heading}{'从低到高' if ascending else '从高到低'}："]
        lines += [f"{i}. {name}：{money(f.value)}{f.unit}（{f.doc_title}，{f.citation}）" if name != f.doc_title else
                  f"{i}. {name}：{money(f.value)}{f.unit}（{f.citation}）" for i, (name, f) in enumerate(pairs, 1)]
        lines.append(note)
        figures = [f for _, f in pairs]
        answer = Answer(question.text, True, "\n".join(lines), figures, [self._figure_source(f) for f in figures],
                        question.intent, question)
        answer.chart = _bar_chart(question, [name for name, _ in pairs], figures)
        return answer

    def _parts(self, question: Question, document: DocumentInfo, whole: Figure | None) -> parts.Parts | None:
        """What a ranking within one report ranks: the projects or units asked, else the parts of
        the item's figure in its table."""
        group, word = parts.group_asked(question.text) or (None, None)
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
        table, rows = next((t, r) for t, r in tables if t.number == whole.table)
        return parts.of_row(table, rows, whole.row_id, whole.column)

    def _rank_parts(self, question: Question, within: parts.Parts, ascending: bool) -> Answer:
        document = self.store.document(within.table.doc)
        figures = sorted((self._row_figure(document, within, row) for row in within.rows),
                         key=lambda f: f.value, reverse=not ascending)
        whole = clean_row_name(within.whole.name)
        lines = [f"{document.title}表{within.table.number}《{within.table.title}》「{whole}」下各项，"
                 f"按「{within.column}」{'从低到高' if ascending else '从高到低'}："]
        lines += [f"{i}. {f.label}：{money(f.value)}{f.unit}（{f.citation}）" for i, f in enumerate(figures, 1)]
        answer = Answer(question.text, True, "\n".join(lines), figures, [self._figure_source(f) for f in figures[:3]],
                        question.intent, question)
        answer.chart = _bar_chart(question, [f.label for f in figures], figures)
        return answer

    @staticmethod
    def _row_figure(document: DocumentInfo, within: parts.Parts, row: RowRecord) -> Figure:
        return Figure(row.values[within.column], within.table.unit or "万元", parts.unit_name(row), document.name,
                      document.title, row.line_start, within.table.number, within.table.title, row.name,
                      within.column, row_id=row.id)


def _spelling_vocabulary(rows: list[str], paragraphs, chunks: list[Chunk]) -> Vocabulary:
    """The words a typed word may be read as, computed from every paragraph and chunk."""
    text = "\n".join([*(p.text for p in paragraphs), *rows, *(c.text for c in chunks)])
    return Vocabulary(_spelling_words(rows, lexicon.heading_words(c.section for c in chunks)), text)


def _spelling_words(rows: list[str], headings: set[str]) -> set[str]:
    """The words a typed word may be read as: row and item names, topics, section headings."""
    words = {variant for row in rows for variant in row_name_variants(row)}
    words |= {s for synonyms in domain.ITEMS.values() for s in synonyms}
    words |= {w for topic in domain.PASSAGE_TOPICS.values() for w in topic}
    words |= set(domain.PURPOSE_WORDS + domain.REASON_WORDS)  # asked as typed: 搞什么 is no typo of 干什么
    return words | headings


def _term_weights(saved: lexicon.Lexicon, rows: list[str]) -> rank.TermWeights:
    """rank.TermWeights over every paragraph and row name, from the paragraphs' saved counts."""
    weights = rank.TermWeights(rows)
    weights.count = max(1, saved.paragraphs + len(rows))
    weights.frequency.update(saved.frequency)
    return weights


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
    title = _unquoted(compact(figure.table_title or ""))
    return any(_unquoted(compact(name)) in title for member in family for name in domain.ITEMS[member])


def _per_unit_unstated(question: Question, answer: Answer) -> str | None:
    """How a figure is asked (按月计, 第三季度) when it is asked per month, person or day, or of a part
    of the year, and the figure found is not stated so (the reports state yearly totals): the
    answer is then not found."""
    per = next((unit for unit, words in domain.PER_UNIT_WORDS.items() if any(w in question.text for w in words)), None)
    period = re.search(domain.PERIOD_ASKED, question.reading)
    if per is None and period is None or not answer.found or not answer.figures:
        return None
    stated = " ".join(f"{f.label} {f.row or ''} {f.column or ''} {f.sentence or ''}" for f in answer.figures[:1])
    if per is not None:
        return None if any(w in stated for w in domain.PER_UNIT_WORDS[per]) else f"按{per}计"
    return None if period[0] in stated else period[0]


def _of_the_years(question: Question, document: DocumentInfo) -> bool:
    """A report of a year asked; for a date asked alone ("截至2022年底"), a report of that year or
    the next (a 2023 budget states the assets at the end of 2022); for a year's plans, a report of
    that year or the year before (a 2023 自评 states the 2024年工作重点)."""
    if question.as_of:
        return document.year in question.as_of or document.year - 1 in question.as_of
    if question.intent == "passage" and any(w in question.reading for w in domain.PASSAGE_TOPICS[domain.PLAN_TOPIC]):
        return not question.years or document.year in question.years or document.year + 1 in question.years
    return not question.years or document.year in question.years


def _latest_year_unheld(question: Question, documents: list[DocumentInfo]) -> str | None:
    """The city and the latest of the years a question compares of it, when no report of the city
    is of that year: a later report states the year before (比上年), never an earlier one the year
    after. Of several cities, each may be asked its own year ("广州2023三公和江门2024三公")."""
    if len(question.years) < 2 or len(question.cities) != 1 or question.as_of:
        return None
    city, latest = question.cities[0], max(question.years)
    return None if any(d.city == city and d.year == latest for d in documents) else f"{city}{latest}年"


def _asks_words_too(question: Question) -> bool:
    """A sentence of the question asks for words (怎么, 什么, 哪) besides the one asking a figure."""
    return any(WORDS_ASKED.search(part) for part in asking_parts(question.reading))


def _said_in(question: Question, names: list[str], reading: str) -> list[str]:
    """The names of the question said in one of its readings, as the question says them."""
    return [name for name in names if question.said.get(name, name) in reading]


def _items_besides(question: Question, unit: str, others: tuple[str, ...] = ()) -> list[str]:
    """What a question asks of a unit it names ("新会分局的政府采购"): its subjects that are no unit."""
    return [s for s in question.subjects if s != unit and s not in others and not parts.is_unit_name(s)]


def _one_place_and_year(question: Question) -> bool:
    return len(question.cities) <= 1 and len(question.years) <= 1


def _asked_reports(question: Question) -> str:
    return "".join(question.cities) + "".join(f"{y}年" for y in question.years) + "".join(question.kinds)


def _part_first(question: Question) -> list[str]:
    """The subjects of a share, the part first: the one named last before 占 ("三公经费里公务
    用车购置及运行维护费占比": the 公务用车 figure over 三公经费)."""
    at = question.reading.find("占")
    before = [s for s in question.subjects if 0 <= question.order.get(s, len(question.text)) < at]
    if not before:
        return question.subjects
    part = before[-1]
    return [part] + [s for s in question.subjects if s != part]


def _share_qualifier(question: Question, part: str) -> str:
    """The words between the part named and the share asked ("政府采购[授予中小企业的合同金额]占比"):
    they say which part of it is meant, and the part's figure must account for them."""
    reading = question.reading
    said = [(reading.find(name), name) for name in (*domain.ITEMS.get(part, ()), part) if name in reading]
    if not said:
        return ""
    start, name = min(said)
    share = re.search("|".join(("占", *domain.INTENT_WORDS["share"])), reading[start + len(name):])
    return reading[start + len(name): start + len(name) + share.start()] if share else ""


def _whole_is_a_sum(question: Question) -> bool:
    """"A占A与B合计的比例": the whole is the sum of the items named after 占."""
    after = question.reading.partition("占")[2]
    return any(w in after for w in ("与", "和", "及", "加")) and any(
        w in after for w in ("合计", "之和", "总和", "加起来", "两项", "三项"))


def _sum_figure(parts: list[Figure]) -> Figure:
    label = "与".join(p.label for p in parts) + "合计"
    total = sum((p.value for p in parts), Decimal(0))
    return Figure(total, parts[0].unit, label, parts[0].doc, parts[0].doc_title, parts[0].line,
                  sentence=" + ".join(f"{p.label}{money(p.value)}" for p in parts), scanned=any(p.scanned for p in parts))


def _share_figure(part: Figure, whole: Figure, share: Decimal) -> Figure:
    """The share computed from two reported figures, cited by the division that gives it."""
    return Figure(share, "%", f"{part.label}占{whole.label}", part.doc, part.doc_title, part.line,
                  sentence=f"{part.label}{money(part.value)} ÷ {whole.label}{money(whole.value)}",
                  scanned=part.scanned or whole.scanned)


def _bar_chart(question: Question, labels: list[str], figures: list[Figure]) -> dict:
    return {"kind": "compare", "title": _subject_name(question.subjects[0] if question.subjects else None, question),
            "unit": figures[0].unit,
            "labels": labels, "values": [float(f.value) for f in figures]}


def _labelled(name: str, sentence: str) -> str:
    return sentence if sentence.startswith(name) else f"{name}：{sentence}"
