"""Compose answers: exact figures with citations, verbatim passages, plain refusals.

Every figure an answer states comes from the table store or from a sentence of a report; a
computed figure (difference, share) shows its inputs. Nothing is guessed.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from rag import domain
from rag.audit import NUMBERING_PREFIX, direct_children
from rag.index import Chunk, HybridRetriever, SearchIndex
from rag.lookup import Figure, FigureFinder, clean_row_name
from rag.parse.text import compact
from rag.question import Question, understand
from rag.settings import Settings
from rag.store import DocumentInfo, RowRecord, TableStore

PASSAGE_CHARS = 900


@dataclass
class Source:
    doc: str
    title: str
    kind: str  # table / text
    section: str | None
    table: int | None
    text: str
    line: int
    line_end: int | None = None
    row_id: int | None = None
    column: str | None = None

    def to_json(self) -> dict:
        return {"doc": self.doc, "title": self.title, "kind": self.kind, "section": self.section,
                "table": self.table, "text": self.text, "line": self.line}


@dataclass
class Answer:
    question: str
    found: bool
    answer: str
    figures: list[Figure] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    intent: str = "figure"
    understood: Question | None = None
    chart: dict | None = None  # {"kind": "parts"|"compare", "labels": [...], "values": [...], "unit": ...}

    def to_json(self) -> dict:
        return {"question": self.question, "found": self.found, "answer": self.answer,
                "figures": [f.to_json() for f in self.figures], "sources": [s.to_json() for s in self.sources]}


def money(value: Decimal) -> str:
    return f"{value:,f}" if abs(value) >= 10000 else f"{value:f}"


class AnswerEngine:
    """The store, the search index and the vocabulary, loaded once and shared by all callers."""

    def __init__(self, settings: Settings, dense: bool = True):
        index_dir = settings.current_index.resolve()
        if not (index_dir / "store.sqlite").is_file():
            raise FileNotFoundError("还没有索引。请先运行：python -m rag ingest")
        self.settings = settings
        self.index_dir = index_dir
        self.store = TableStore(index_dir / "store.sqlite")
        self.search_index = SearchIndex(index_dir, settings)
        self.dense = dense
        self.finder = FigureFinder(self.store)
        self.documents = self.store.documents()
        self.vocabulary = self.finder.row_vocabulary(self.documents)
        self._lock = threading.Lock()
        self._definition_paragraphs = None
        self.inconsistencies = {(f.doc, f.line): f for f in self.store.audit_findings() if not f.passed}

    def warm_up(self) -> None:
        """Load the embedding model now, so the first passage question does not wait for it."""
        if self.dense:
            self.search_index.search("部门职责", k=1, dense=True)

    # ------------------------------------------------------------ the entry point
    def ask(self, text: str, previous: Question | None = None, docs_filter: set[str] | None = None) -> Answer:
        question = understand(text, self.vocabulary, self.settings.max_question_chars)
        if question.problem:
            return self._refuse(question, question.problem)
        carried = _carry_over(question, previous) if previous is not None else set()
        with self._lock:  # the finder caches tables; sqlite reads are serialized per engine
            answer = self._answer(question, docs_filter)
            if not answer.found and carried & {"years", "kinds"}:
                # "那江门呢" after a 2023 question: 江门's 2023 report may lack it; look in all its reports
                question.years, question.kinds = ([] if "years" in carried else question.years,
                                                  [] if "kinds" in carried else question.kinds)
                answer = self._answer(question, docs_filter)
            return answer

    def _answer(self, question: Question, docs_filter: set[str] | None) -> Answer:
        documents, problem = self._resolve_documents(question, docs_filter)
        if problem:
            return self._refuse(question, problem)
        if question.asks_count:  # counts are printed in prose only; never answer one with money
            return self._prose_figures(question, documents, kinds=("count",)) or self._refuse(
                question, f"报告中没有找到这个问题所问的数量：“{question.text.strip()}”。")
        handlers = {"figure": self._figures, "compare": self._compare, "share": self._share,
                    "change": self._change, "rank": self._rank, "passage": self._passage,
                    "definition": self._definition}
        return handlers[question.intent](question, documents)

    # ------------------------------------------------------------ which reports
    def _resolve_documents(self, question: Question, docs_filter: set[str] | None) -> tuple[list[DocumentInfo], str | None]:
        pool = [d for d in self.documents if docs_filter is None or d.name in docs_filter]
        held_cities = {d.city for d in pool}
        missing = [c for c in question.cities if c not in held_cities]
        if not question.cities and question.unknown_places:
            missing = question.unknown_places
        if missing:
            return [], f"这些报告中没有{'、'.join(missing)}医疗保障局的报告。"
        chosen = [d for d in pool
                  if (not question.cities or d.city in question.cities)
                  and (not question.years or d.year in question.years)
                  and (not question.kinds or question.versus_kinds or d.kind in question.kinds)]
        if chosen:
            return chosen, None
        asked = "".join(question.cities) + "".join(f"{y}年" for y in question.years) + "".join(question.kinds)
        return [], f"这些报告中没有{asked}的报告。"

    def holdings(self) -> str:
        return "、".join(d.title for d in self.documents)

    def _refuse(self, question: Question, reason: str) -> Answer:
        return Answer(question.text, False, f"{reason}\n目前收录的报告：{self.holdings()}。", intent=question.intent,
                      understood=question)

    # ------------------------------------------------------------ figures
    def _lookup(self, question: Question, documents: list[DocumentInfo], subject: str) -> list[Figure]:
        return [f for d in documents if (f := self.finder.find(d, subject, question)) is not None]

    def _figures(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        subject = question.subjects[0]
        figures = [f for s in question.subjects[:4] for d in documents for f in self.finder.find_all(d, s, question)]
        if not figures:
            return self._not_found(question, documents, subject)
        lines, sources = [], []
        for figure in figures:
            lines.append(self._figure_sentence(figure))
            lines.extend(self._prose_agreement(question, figure, sources))
            lines.extend(self._audit_caveat(figure))
            sources.insert(0, self._figure_source(figure))
        missing = [d.title for d in documents if d.name not in {f.doc for f in figures}]
        if missing and len(figures) < len(documents):
            lines.append(f"（{'、'.join(missing)}中没有找到“{_subject_name(subject)}”。）")
        answer = Answer(question.text, True, "\n".join(lines), figures, sources, question.intent, question)
        answer.chart = self._parts_chart(figures[0])
        return answer

    @staticmethod
    def _figure_sentence(figure: Figure) -> str:
        if figure.table is not None:
            return (f"{figure.doc_title}：{figure.label}{money(figure.value)}{figure.unit}"
                    f"（{figure.citation}）。")
        return f"{figure.doc_title}：{figure.label}{money(figure.value)}{figure.unit}。原文：“{figure.sentence}”（{figure.citation}）"

    def _prose_agreement(self, question: Question, figure: Figure, sources: list[Source]) -> list[str]:
        """Say when the report's text states the same item, and show both when they differ."""
        item = next((i for i in question.items if i in domain.ITEMS), None)
        if item is None or figure.table is None:
            return []
        document = self.store.document(figure.doc)
        facts = self.finder.prose_facts(document, item)
        if not facts:
            return []
        fact = next((f for f in facts if f.value == figure.value), facts[0])
        sources.append(Source(fact.doc, document.title, "text", fact.section_path, None, fact.sentence, fact.line))
        if fact.value == figure.value:
            return [f"正文同样载明：“{fact.sentence}”（第{fact.line}行）。"]
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

    def _not_found(self, question: Question, documents: list[DocumentInfo], subject: str) -> Answer:
        held = []
        for document in documents:
            tables = self.store.tables(document.name)
            listing = "；".join(f"表{t.number} {t.title}" for t in tables) or "（该报告没有表格，只有文字）"
            held.append(f"{document.title}：{listing}")
        text = (f"在{'、'.join(d.title for d in documents)}中没有找到“{_subject_name(subject)}”的数字。"
                f"\n这些报告包含：\n" + "\n".join(held))
        return Answer(question.text, False, text, intent=question.intent, understood=question)

    # ------------------------------------------------------------ comparisons, shares, changes, ranks
    def _compare(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        pairs: list[tuple[str, Figure]] = []
        if question.versus_kinds and not question.cities[1:]:
            pairs = self._budget_versus_final(question, documents)
        if not pairs and len(question.subjects) > 1 and len(documents) == 1:
            pairs = [(s, f) for s in question.subjects[:2] for f in self._lookup(question, documents, s)]
        if not pairs:
            pairs = [(f.doc_title, f) for f in self._lookup(question, documents, question.subjects[0])]
        if len(pairs) < 2:
            if pairs:
                answer = self._figures(question, documents)
                answer.answer += "\n（只找到一方的数字，无法比较。）"
                return answer
            return self._not_found(question, documents, question.subjects[0])
        if len(pairs) > 2:  # "江门、吴川、广州的三公经费": each, side by side
            return self._side_by_side(question, pairs)
        (name_a, a), (name_b, b) = pairs[0], pairs[1]
        difference = a.value - b.value
        relation = "多" if difference > 0 else "少" if difference < 0 else "相同，差"
        lines = [_labelled(name_a, self._figure_sentence(a)), _labelled(name_b, self._figure_sentence(b)),
                 f"差额：{money(a.value)} − {money(b.value)} = {money(difference)}{a.unit}，"
                 f"即前者比后者{relation}{money(abs(difference))}{a.unit}。"]
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

    def _budget_versus_final(self, question: Question, documents: list[DocumentInfo]) -> list[tuple[str, Figure]]:
        pairs = []
        for column_group in ("预算数", "决算数"):
            variant = Question(**{**question.__dict__, "columns": [column_group], "kinds": []})
            for figure in self._lookup(variant, documents, question.subjects[0]):
                if figure.column and figure.column.startswith(column_group):
                    pairs.append((column_group, figure))
        return pairs

    def _share(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        subjects = [question.share_part] + question.subjects if question.share_part else question.subjects
        part_subject = subjects[0]
        whole_subject = subjects[1] if len(subjects) > 1 else domain.SHARE_WHOLES.get(
            part_subject, domain.DEFAULT_SHARE_WHOLE)
        lines, figures, sources = [], [], []
        for document in documents:
            part = self.finder.find(document, part_subject, question)
            whole = self.finder.find(document, whole_subject, question)
            if part is None or whole is None or whole.value == 0:
                continue
            share = (part.value / whole.value * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
            lines.append(f"{document.title}：{part.label}{money(part.value)}{part.unit}，占{whole.label}"
                         f"{money(whole.value)}{whole.unit}的{share}%（{money(part.value)} ÷ {money(whole.value)}）。"
                         f"\n  · {part.label}：{part.citation}\n  · {whole.label}：{whole.citation}")
            figures += [part, whole]
            sources += [self._figure_source(part), self._figure_source(whole)]
        if not figures:
            return self._not_found(question, documents, part_subject)
        return Answer(question.text, True, "\n".join(lines), figures, sources, question.intent, question)

    def _change(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        item = question.items[0] if question.items else None
        lines, figures, sources = [], [], []
        for document in documents:
            current = self.finder.find(document, question.subjects[0], question)
            changes = [f for f in self.store.facts(document.name, item=item) if f.kind in ("change", "percent")] if item else []
            if not changes:
                continue
            sentence = changes[0].sentence
            if current is not None:
                lines.append(self._figure_sentence(current))
                figures.append(current)
                sources.append(self._figure_source(current))
            lines.append(f"与上年相比，报告原文：“{sentence}”（{document.title}，第{changes[0].line}行）。")
            sources.append(Source(document.name, document.title, "text", changes[0].section_path, None, sentence,
                                  changes[0].line))
            figures += [Figure(f.value, f.unit, f.label, document.name, document.title, f.line, sentence=f.sentence)
                        for f in changes if f.sentence == sentence]
        if not lines:
            answer = self._figures(question, documents) if question.subjects else None
            if answer and answer.found:
                answer.answer += "\n这些报告没有给出该项目与上年相比的变化。"
                return answer
            return self._not_found(question, documents, question.subjects[0])
        return Answer(question.text, True, "\n".join(lines), figures, sources, question.intent, question)

    def _rank(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        figures = self._lookup(question, documents, question.subjects[0])
        if not figures:
            return self._not_found(question, documents, question.subjects[0])
        ascending = any(w in question.text for w in ("最少", "最低", "从低到高"))
        figures.sort(key=lambda f: f.value, reverse=not ascending)
        lines = [f"按{_subject_name(question.subjects[0])}{'从低到高' if ascending else '从高到低'}："]
        lines += [f"{i}. {f.doc_title}：{money(f.value)}{f.unit}（{f.citation}）" for i, f in enumerate(figures, 1)]
        lines.append(f"（只比较收录的 {len(figures)} 份有此数字的报告；各报告年度与类型不同，请留意。）")
        answer = Answer(question.text, True, "\n".join(lines), figures, [self._figure_source(f) for f in figures],
                        question.intent, question)
        answer.chart = _bar_chart(question, [f.doc_title for f in figures], figures)
        return answer

    # ------------------------------------------------------------ passages
    def _passage(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        if not (question.cities or question.topic or question.subjects or question.years):
            return self._refuse(question, "这个问题与收录的医保局预算、决算、绩效报告无关，报告中没有答案。")
        if question.asks_amount and not question.topic:
            return self._prose_figures(question, documents) or self._refuse(
                question, f"报告中没有找到这个问题所问的数字：“{question.text.strip()}”。")
        retriever = HybridRetriever(index=self.search_index, docs={d.name for d in documents}, k=8, dense=self.dense)
        chunks = self._prefer_topic([self.search_index.chunk(d.id) for d in retriever.invoke(question.text)], question)
        wanted = {d.name for d in documents}
        projects = [c for c in self.search_index.chunks if c.source == "project" and c.doc in wanted
                    and any(c.text.startswith(term) for term in question.row_terms)]
        named = projects + [c for c in chunks if c not in projects and any(t in c.text for t in question.row_terms)]
        chunks = named + [c for c in chunks if c not in named]  # "专项医疗救助金的绩效目标": that project's
        if not chunks or not (question.topic or question.subjects or _relevant(question, chunks[0].indexed_text)):
            return self._refuse(question, "报告中没有找到与这个问题相关的段落。")
        best = chunks[0]
        if not named and question.topic and any(w in best.section for w in domain.PASSAGE_TOPICS[question.topic]):
            best = min((c for c in self.search_index.chunks if c.doc == best.doc and c.section == best.section
                        and c.source == best.source), key=lambda c: c.line_start)
        passage, end = self._section_text(best)
        text = (f"{best.title}「{best.section}」（{best.doc} 第{best.line_start}–{end}行）原文：\n“{passage}”")
        sources = [Source(c.doc, c.title, "text", c.section, c.table, c.text, c.line_start, c.line_end)
                   for c in [best] + [c for c in chunks if c.id != best.id][:3]]
        sources[0].text = passage
        return Answer(question.text, True, text, [], sources, question.intent, question)

    def _prose_figures(self, question: Question, documents: list[DocumentInfo],
                       kinds: tuple[str, ...] = ("amount",)) -> Answer | None:
        """A figure stated in a sentence whose words are the question's own ("医保基金收入",
        "公务用车保有量"); for counts, the unit the question names (辆, 人) must match too."""
        counting = "count" in kinds
        units = [u for u in domain.COUNT_UNITS if u in question.text and u != "个"] if counting else []
        content = _content_words(question)
        for unit in units:
            content = content.replace(unit, "")
        pairs = {content[i:i + 2] for i in range(len(content) - 1)}
        if len(pairs) < 2 and not (counting and content):
            return None
        scored = []
        for document in documents:
            for fact in self.store.facts(document.name):
                label = compact(fact.label).replace("医疗保险", "医保").replace("医疗保障", "医保")
                if len(pairs) >= 2:
                    overlap = sum(p in label for p in pairs) / len(pairs)
                else:  # a count asked in very few words ("多少辆车"): its characters
                    overlap = sum(c in label for c in content) / len(content)
                unit_named = not units or any(u in fact.unit for u in units)
                if fact.kind in kinds and overlap >= (0.5 if counting else 0.7) and unit_named:
                    scored.append((overlap, -fact.line, document, fact))
        if not scored:
            return None
        _, _, document, fact = max(scored, key=lambda s: s[:2])
        figure = Figure(fact.value, fact.unit, fact.label, document.name, document.title, fact.line,
                        sentence=fact.sentence)
        source = Source(document.name, document.title, "text", fact.section_path, None, fact.sentence, fact.line)
        text = self._figure_sentence(figure)
        if len(documents) > 1:
            text += f"\n（只在{document.title}中找到；其余{len(documents) - 1}份报告没有载明。）"
        return Answer(question.text, True, text, [figure], [source], "figure", question)

    @staticmethod
    def _prefer_topic(chunks: list[Chunk], question: Question) -> list[Chunk]:
        """Chunks whose section is the topic first, then those whose text names it, then the rest."""
        if not question.topic:
            return chunks
        words = domain.PASSAGE_TOPICS[question.topic]
        by_section = [c for c in chunks if any(w in c.section for w in words)]
        by_text = [c for c in chunks if c not in by_section and any(w in c.text for w in words)]
        return by_section + by_text + [c for c in chunks if c not in by_section and c not in by_text]

    def _section_text(self, best: Chunk) -> tuple[str, int]:
        """The best chunk and the chunks after it in the same section, up to PASSAGE_CHARS."""
        if best.source == "project":  # one project's 绩效目标: not the projects after it
            return best.text, best.line_end
        same = [c for c in self.search_index.chunks  # in document order, pieces of a long paragraph too
                if c.doc == best.doc and c.section == best.section and c.source == best.source]
        text, end = "", best.line_end
        for chunk in same[same.index(best):]:
            if text and len(text) + len(chunk.text) > PASSAGE_CHARS:
                break
            text += chunk.text
            end = chunk.line_end
        return text, end

    def _definition(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        """The 名词解释 paragraph that starts with the term, verbatim."""
        terms = [compact(s) for i in question.items for s in domain.ITEMS[i]] + question.row_terms
        asked = compact(question.text)
        terms += re.findall(r"([\u4e00-\u9fff“”]{2,12}?)(?:是什么|指什么|的含义|是指|的定义|啥意思|是啥)", asked)
        terms += re.findall(r"什么(?:是|叫)([\u4e00-\u9fff“”]{2,12})", asked)
        wanted = {d.name for d in documents}
        for paragraph in self._definitions():
            head = re.sub(r"[“”\"*]", "", NUMBERING_PREFIX.sub("", compact(paragraph.text)))
            if paragraph.doc in wanted and any(t and head.startswith(t.replace("“", "").replace("”", "")) for t in terms):
                title = self.store.document(paragraph.doc).title
                text = (f"{title}「{paragraph.section_path}」（{paragraph.doc} 第{paragraph.line_start}–"
                        f"{paragraph.line_end}行）原文：\n“{paragraph.text}”")
                source = Source(paragraph.doc, title, "text", paragraph.section_path, None, paragraph.text,
                                paragraph.line_start, paragraph.line_end)
                return Answer(question.text, True, text, [], [source], question.intent, question)
        question.topic = question.topic or "名词解释"
        return self._passage(question, documents)

    def _definitions(self):
        if self._definition_paragraphs is None:
            self._definition_paragraphs = [p for p in self.store.paragraphs() if "名词解释" in p.section_path]
        return self._definition_paragraphs


QUESTION_FILLER = re.compile(r"是谁|是什么|什么|哪些|多少|怎么样|怎样|如何|几|吗|呢|啊|的|了|请问|一下|情况|有")


def _content_words(question: Question) -> str:
    """The question without its report words (city, year, unit) and question words."""
    content = compact(question.text).replace("医疗保障局", "").replace("医保局", "")
    for word in question.cities + [f"{y}年" for y in question.years] + [str(y) for y in question.years]:
        content = content.replace(word, "")
    return QUESTION_FILLER.sub("", content).replace("医疗保险", "医保")


def _relevant(question: Question, passage: str) -> bool:
    """Without a topic or an item, a passage counts only if it holds most of the question's own words."""
    content = _content_words(question).replace("医保", "")
    pairs = {content[i:i + 2] for i in range(len(content) - 1)}
    if not pairs:
        return False
    return sum(p in passage for p in pairs) / len(pairs) >= 0.5


def _bar_chart(question: Question, labels: list[str], figures: list[Figure]) -> dict:
    return {"kind": "compare", "title": _subject_name(question.subjects[0]), "unit": figures[0].unit,
            "labels": labels, "values": [float(f.value) for f in figures]}


def _labelled(name: str, sentence: str) -> str:
    return sentence if sentence.startswith(name) else f"{name}：{sentence}"


def _subject_name(subject: str) -> str:
    return domain.ITEMS[subject][0] if subject in domain.ITEMS else subject


def _carry_over(question: Question, previous: Question) -> set[str]:
    """A follow-up ("那2023年呢", "吴川呢", "和广州比呢", "占三公经费多少") keeps what it does not say
    anew. Returns the names of the fields it took from the previous question."""
    carried: set[str] = set()
    own_intent = next((name for name in ("share", "change", "rank") if any(
        w in question.text for w in domain.INTENT_WORDS[name])), None)
    if not question.subjects and not question.topic and question.intent != "definition":
        question.items, question.row_terms, question.codes = previous.items, previous.row_terms, previous.codes
        question.columns = question.columns or previous.columns
        question.topic = previous.topic
        question.intent = own_intent or (previous.intent if previous.intent not in ("compare", "rank") else "figure")
        if previous.intent == "passage" or (previous.topic and not previous.subjects):
            question.intent = "passage"
        carried.add("subjects")
    elif own_intent == "share" and len(question.subjects) == 1 and previous.subjects \
            and question.subjects[0] != previous.subjects[0]:
        question.share_part = previous.subjects[0]  # the previous item's share of the item named now
        question.intent = "share"
        carried.add("subjects")
    if not question.cities and previous.cities:
        question.cities = list(previous.cities)
        carried.add("cities")
    elif any(w in question.text for w in ("和", "与", "跟", "比")) and previous.cities:
        question.cities = list(dict.fromkeys(previous.cities[:1] + question.cities))
        if len(question.cities) > 1 and question.subjects:
            question.intent = "compare"
        carried.add("cities")
    if not question.years and previous.years and not question.cities[1:]:
        question.years = list(previous.years)
        carried.add("years")
    if not question.kinds and previous.kinds:
        question.kinds = list(previous.kinds)
        carried.add("kinds")
    return carried
