"""Answers in the reports' own words: a passage, the reason a report gives for a figure, the
名词解释 entry of a term, each quoted verbatim with where it stands.

AnswerEngine makes one PassageReader with what it reads (the store, the search index, the term
weights) and routes the passage, reason and definition questions to its run(); the figures are
rag/figure_answers.py's and rag/derived.py's.
"""
from __future__ import annotations

import re
from dataclasses import replace

from rag import domain, parts, rank
from rag.answer_types import Answer, Refuse, Source, subject_name
from rag.audit import NUMBERING_PREFIX
from rag.cache import RecentlyUsed
from rag.evidence import LIST_OPENED, Evidence, bigrams, sentences
from rag.index import Chunk, SearchIndex
from rag.lookup import project_owners
from rag.parse.facts import CHANGE_WORDS
from rag.parse.text import compact, unquoted
from rag.question import Question
from rag.store import DocumentInfo, TableStore

PASSAGE_CHARS = 900
QUOTE_END = re.compile(r"[：:，,。；;、…]+$")  # a quote's trailing punctuation, where the asker stopped
TABLE_HEADING = re.compile(r"表\d")  # a table's own heading is no part of the report's outline
CHINESE_NUMBERS = dict(zip("一二三四五六七八九十", range(1, 11)))
REASON_LEAD_IN_CHARS = 300  # a reason's lead-in ("…实现情况：") is quoted with this much of what follows it
REASON_SOURCES = 3  # a reason answer quotes the best sentence and lists the next ones that answer too
PASSAGE_EACH = 3  # the candidates of a passage: the fused best, and each retriever's best this many
# an item's number (2、, （二）, 二是) within a paragraph: a piece of a long paragraph that begins inside
# an item gets back the item's head from the piece before, when the head is at most this long
ITEM_NUMBER = re.compile(r"(?:[（(][一二三四五六七八九十]+[）)]|(?<!\d)\d{1,2}[、．]|[一二三四五六七八九十]+[、是])")
ITEM_HEAD_CHARS = 80
TITLE_SLACK = 4  # a cover title may say 年度 for 年, or add the unit's parent: a few characters beyond the title


class PassageReader:
    """Passages by hybrid search, reasons and definitions from the store's paragraphs, ranked by
    rag/rank.py like every other unit of evidence; a refusal when none answers."""

    def __init__(self, store: TableStore, search_index: SearchIndex, term_weights: rank.TermWeights,
                 dense: bool, refuse: Refuse, reports_cached: int):
        self.store = store
        self.search_index = search_index
        self.term_weights = term_weights
        self.dense = dense
        self._refuse = refuse
        self._definition_paragraphs = None
        self._sentences: dict[str, list[Evidence]] = RecentlyUsed(reports_cached)  # per report, bounded

    def run(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        """The answer the question's intent asks for (passage, reason or definition), from these reports."""
        answers = {"passage": self._passage, "reason": self._reason, "definition": self._definition,
                   "outline": self._outline}
        return answers[question.intent](question, documents)

    def _sections_named(self, question: Question, wanted: set[str]) -> list[str]:
        """The words of the topic asked that the question says and that name a section of these
        reports ("名词解释里…"); not those only asking about one ("干什么")."""
        said = [w for w in domain.PASSAGE_TOPICS.get(question.topic or "", ()) if w in (question.reading or "")]
        return [w for w in said if any(w in c.section for doc in sorted(wanted) for c in self.search_index.chunks_of(doc))]

    def _searched(self, question: Question, wanted: set[str]) -> tuple[list[Chunk], dict[str, int]]:
        """The chunks the hybrid search finds for the question in these reports (not a cover's title), and
        for each how many retrievers ranked it first."""
        from rag.retriever import HybridRetriever  # langchain's retriever stack: loaded with the first passage

        retriever = HybridRetriever(index=self.search_index, docs=wanted, k=8, each=PASSAGE_EACH, dense=self.dense)
        hits = retriever.invoke(question.reading or question.text)
        found = [c for c in (self.search_index.chunk(d.id) for d in hits) if not _title_alone(c)]
        return found, {d.id: d.metadata["firsts"] for d in hits}

    def _passage(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        wanted = {d.name for d in documents}
        found, firsts = self._searched(question, wanted)
        if question.amounts:  # the chunks stating the sum cited: 七百多万
            found += [c for doc in sorted(wanted) for c in self.search_index.chunks_of(doc)
                      if c not in found and rank.states_cited_sum(question, c.text)]
        if any(w in question.typed for w in domain.LOCATION_ASKED):  # an address: only where a report says where
            found = [c for doc in sorted(wanted) for c in self.search_index.chunks_of(doc)
                     if domain.LOCATION_SAID in c.text]
        named = [term for term in question.row_terms if not parts.is_unit_name(term)]  # a unit's name begins its projects'
        sections = self._sections_named(question, wanted)  # a part of the report named (名词解释): a project's
        projects = [c for doc in sorted(wanted) for c in self.search_index.chunks_of(doc) if c.source == "project"
                    and any(c.text.startswith(term) for term in named)  # 绩效目标 comes first only if it is in it
                    and not (sections and not any(w in c.section or w in c.text for w in sections))]
        if len(projects) > 1 and (named_units := [t for t in question.row_terms if parts.is_unit_name(t)]):
            projects = [c for c in projects if any(u in self._owner(c) for u in named_units)] or projects
        terms = rank.query_terms(question, self.term_weights)
        units = [_chunk_evidence(c) for c in found]
        scored = rank.ranked_passages(units, terms, question)
        if scored and scored[0][0] < rank.WEIGHTS.passage_at:  # no passage on words alone: retrievers agreeing
            scored = rank.ranked_passages(units, terms, question, [firsts.get(c.id, 0) for c in found])
        words = domain.PASSAGE_TOPICS.get(question.topic or "", ())
        if question.topic and (not scored or scored[0][0] < rank.WEIGHTS.passage_at or not any(
                w in found[scored[0][1]].section or w in found[scored[0][1]].text for w in words)):
            # none found by the question's words, or the best does not name the topic asked: the chunks
            # that name it compete too, whatever else they say
            found += [c for doc in sorted(wanted) for c in self.search_index.chunks_of(doc) if c not in found
                      and not _title_alone(c) and any(w in c.section or w in c.text for w in words)]
            units = [_chunk_evidence(c) for c in found]
            scored = rank.ranked_passages(units, terms, question, [firsts.get(c.id, 0) for c in found])
        scored = [(value, i, found[i]) for value, i in scored]
        # a named project's 绩效目标 first, then where a phrase quoted is printed
        first = projects + [c for c in self._quoting(question, wanted) if c not in projects]
        chunks = first + [c for _, _, c in scored if c not in first]
        if not first and (not scored or scored[0][0] < rank.WEIGHTS.passage_at):
            unrelated = not (question.cities or question.topic or question.subjects or question.years)
            return self._refuse(question, "这个问题与收录的医保局预算、决算、绩效报告无关，报告中没有答案。" if unrelated
                                else "报告中没有找到与这个问题相关的段落。")
        best = chunks[0]
        if not first and question.topic and any(w in best.section for w in domain.PASSAGE_TOPICS[question.topic]) \
                and rank.lexical(_chunk_evidence(best), rank.query_terms(  # asked the topic alone: from its start
                    question, self.term_weights, drop=domain.PASSAGE_TOPICS[question.topic])) < rank.WEIGHTS.passage_at:
            best = self._section_start(best)
        passage, end = self._section_text(best)
        text = (f"{best.title}「{best.section}」（{best.doc} 第{best.line_start}–{end}行）原文：\n“{passage}”")
        sources = [Source(c.doc, c.title, "text", c.section, c.table, c.text, c.line_start, c.line_end)
                   for c in [best] + [c for c in chunks if c.id != best.id][:3]]
        sources[0].text = passage
        return Answer(question.text, True, text, [], sources, question.intent, question)

    def described_project(self, question: Question, documents: list[DocumentInfo]) -> Chunk | None:
        """The project a figure question names only by what its money is for ("打击骗保搞宣传、发举报
        奖励的那笔经费"): of the passages searched as for any passage question, the best project's 绩效目标,
        when it clears a figure's threshold; None otherwise."""
        found, firsts = self._searched(question, {d.name for d in documents})
        terms = rank.query_terms(question, self.term_weights)
        units = [_chunk_evidence(c) for c in found]
        scored = rank.ranked_passages(units, terms, question, [firsts.get(c.id, 0) for c in found])
        # the best project's: a passage of prose found with it states no sum the figure search took
        value, at = next(((value, i) for value, i in scored if found[i].source == "project"), (0.0, None))
        if at is None or value < rank.WEIGHTS.answer_at:  # a figure's bar, not a passage's
            return None
        grams = bigrams(found[at].text)  # one word shared is a coincidence: 制作宣传资料 for 印资料的钱
        held = sum(term.found_in(grams) == 1 for term in terms)
        if held < rank.WEIGHTS.described_words or rank.another_measure(question, units[at]):
            return None  # 集采省下的钱 is not the 集团采购工作经费 spent on the work
        return found[at]

    def _reason(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        """The report's own reason; without one, why a figure changed is refused and anything else is
        answered by the passage that fits best."""
        if found := self.reason(question, documents):
            return found
        if any(w in question.reading for w in domain.DIRECTION_WORDS) and question.subjects:
            return self._refuse(question, f"报告中没有说明“{subject_name(question.subjects[0], question)}”变化原因的文字。")
        return self._passage(question, documents)

    def reason(self, question: Question, documents: list[DocumentInfo]) -> Answer | None:
        """The report's own reason: the sentence that states the figure and the words after it
        that explain it (主要原因是…), ranked like every other unit of evidence; None when no
        sentence fits."""
        # why a figure changed: "比上年" says where the reason is, not what it is about
        terms = rank.query_terms(question, self.term_weights,
                                 drop=domain.REASON_WORDS + domain.CHANGE_REFERENCES)
        units = every = [u for d in documents for u in self._sentences_of(d)]
        asks_change = any(w in question.reading for w in domain.DIRECTION_WORDS)
        names_it = None
        if asks_change:  # why it rose: a sentence that says it changed, not one that only names it
            names = [unquoted(compact(n)) for s in question.subjects for n in (*domain.ITEMS.get(s, ()), s, question.said.get(s, s))]

            def names_it(sentence: str) -> bool:
                said = unquoted(compact(sentence))
                return not names or any(n in said for n in names)

            units = [u for u in units if any(w in (u.sentence or "") for w in CHANGE_WORDS) and names_it(u.sentence or "")]
        scored = sorted(((rank.passage_score(u, terms, question), u) for u in units),
                        key=lambda s: (-s[0], s[1].doc, s[1].line))
        if not scored or scored[0][0] < rank.WEIGHTS.passage_at:
            return None
        best = scored[0][1]
        document = self.store.document(best.doc)
        quote = best.sentence + "".join(_said_after(best))
        lines = [f"{document.title}「{best.section}」（{best.doc} 第{best.line}行）原文：\n“{quote}”"]
        sources = [Source(best.doc, document.title, "text", best.section, None, quote, best.line)]
        if names_it and not _gives_reason(quote) and (explained := next((
                u for u in every if u.doc == best.doc and u.section == best.section and u.line > best.line
                and _gives_reason(u.sentence or "") and names_it(u.sentence or "")), None)):
            # the change stated without its reason: what the same part explains of the item, after it
            lines.append(f"同一部分的说明（第{explained.line}行）：“{explained.sentence}”")
            sources.append(Source(best.doc, document.title, "text", best.section, None, explained.sentence,
                                  explained.line))
        for value, unit in scored[1:]:  # the next sentences that also answer, as further sources
            if len(sources) == REASON_SOURCES or value < rank.WEIGHTS.passage_at:
                break
            if unit.sentence != best.sentence:
                sources.append(Source(unit.doc, self.store.document(unit.doc).title, "text", unit.section, None,
                                      unit.sentence or "", unit.line))
        return Answer(question.text, True, "\n".join(lines), [], sources, question.intent, question)

    def _outline(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        """The report's parts (第一部分…, or 一、… in a 自评), each with the headings under it; the
        one asked by number ("第三部分是什么内容") alone when the report has it."""
        if re.search(domain.PART_WHERE, question.typed):
            return self._part_holding(question, documents)
        said = re.search(domain.PART_ASKED, question.typed)
        number = said.group(1) if said and said.group(1) else None
        asked = int(number) if number and number.isdigit() else CHINESE_NUMBERS.get(number)
        if asked and (within := self._asked_within_part(question, documents, asked, said.group(0))):
            return within
        lines, sources, found = [], [], False
        for document in documents:
            outline = self._outline_of(document)
            shown = [outline[asked - 1]] if asked and asked <= len(outline) else outline
            found = found or not asked or asked <= len(outline)
            if asked and len(shown) > 1:
                lines.append(f"{document.title}没有第{number}部分，只有{len(outline)}个部分：")
            elif not asked:
                lines.append(f"{document.title}共{len(outline)}个部分：")
            for heading, line, below in shown:
                under = f"，包括：{'；'.join(below)}" if below else ""
                lines.append(f"{document.title}「{heading}」（{document.name} 第{line}行起）{under}。")
                sources.append(Source(document.name, document.title, "text", heading, None, heading, line))
        if not lines:
            return self._refuse(question, "报告中没有找到分部分的标题。")
        return Answer(question.text, found, "\n".join(lines), [], sources, question.intent, question)

    def _asked_within_part(self, question: Question, documents: list[DocumentInfo], number: int,
                           part: str) -> Answer | None:
        """"第四部分里，职工社会医疗保险实行什么模式": the passage asked, when it is in that part; None when
        the question asks of the part itself ("第三部分讲了什么内容") or the passage is elsewhere."""
        kind_words = tuple(w for words in domain.KIND_WORDS.values() for w in words)
        if not rank.query_terms(question, self.term_weights,
                                drop=(*kind_words, *domain.PART_WORDS, *domain.PART_CONTENT_WORDS, part,
                                      part.removesuffix("部分"))):
            return None
        headings = {d.name: outline[number - 1][0] for d in documents
                    if len(outline := self._outline_of(d)) >= number}
        answer = self._passage(replace(question, intent="passage"), documents)
        first = answer.sources[0] if answer.found and answer.sources else None
        return answer if first and first.section and first.section.startswith(headings.get(first.doc, "\0")) else None

    def _part_holding(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        """The heading whose words hold most of what the question asks about, with the part it is in
        and its text; the words naming the report's kind and its parts say nothing of which."""
        kind_words = tuple(w for words in domain.KIND_WORDS.values() for w in words)
        terms = rank.query_terms(question, self.term_weights, drop=(*kind_words, *domain.PART_WORDS))
        total = sum(t.weight for t in terms)
        headings = {(chunk.doc, chunk.section): chunk for document in documents  # each heading scored once
                    for chunk in self.search_index.chunks_of(document.name)
                    if chunk.source == "text" and chunk.section and not TABLE_HEADING.match(chunk.section)}
        headed = [(sum(t.weight * t.found_in(bigrams(section)) for t in terms) / total, chunk)
                  for (_, section), chunk in headings.items() if total]
        found, best = max(headed, key=lambda pair: pair[0], default=(0.0, None))
        if best is None or found < rank.WEIGHTS.passage_at:
            return self._passage(question, documents)
        first = self._section_start(best)
        part, *below = best.section.split(" > ")
        where = f"「{part}」" + (f"的「{below[-1]}」一节" if below else "")
        passage, end = self._section_text(first)
        text = f"{first.title}：在{where}（{first.doc} 第{first.line_start}行起）。原文：\n“{passage}”"
        source = Source(first.doc, first.title, "text", first.section, None, passage, first.line_start, end)
        return Answer(question.text, True, text, [], [source], question.intent, question)

    def _owner(self, project: Chunk) -> str:
        """The unit a project's row lies under (several units list a 医疗保障工作专家劳务费 of their own)."""
        table = next((t for t in self.store.tables(project.doc) if t.number == project.table), None)
        rows = self.store.rows(table.id) if table else []
        owners = project_owners(rows)
        return next((owners[row.id] for row in rows if row.text and row.line_start == project.line_start), "")

    def _quoting(self, question: Question, wanted: set[str]) -> list[Chunk]:
        """The chunks that print a phrase the question quotes and asks what follows ("“工作亮点有：”后面
        写的什么"), in report order: the passage asked begins there. A term quoted ("“长期护理保险”
        怎么解释") is ranked as asked."""
        quotes = [QUOTE_END.sub("", unquoted(compact(q))) for q in question.quoted
                  if re.search(rf"{re.escape(q)}[”」』\"']的?(?:{'|'.join(domain.AFTER_QUOTE_WORDS)})", question.reading or "")]
        return [c for doc in sorted(wanted) for c in self.search_index.chunks_of(doc)
                if c.source == "text" and any(q in unquoted(compact(c.text)) for q in quotes)] if quotes else []

    def _section_start(self, chunk: Chunk) -> Chunk:
        """The first chunk of a chunk's section (of the same source)."""
        return min((c for c in self.search_index.chunks_of(chunk.doc) if c.section == chunk.section
                    and c.source == chunk.source), key=lambda c: c.line_start)

    def _outline_of(self, document: DocumentInfo) -> list[tuple[str, int, list[str]]]:
        """The report's top headings in order, each with its first line and the headings under it."""
        outline: dict[str, tuple[int, list[str]]] = {}
        for chunk in sorted(self.search_index.chunks_of(document.name), key=lambda c: c.line_start):
            heading, *below = (chunk.section or "").split(" > ")
            if chunk.source != "text" or not heading or TABLE_HEADING.match(heading):
                continue
            line, under = outline.setdefault(heading, (chunk.line_start, []))
            if below and below[0] not in under:
                under.append(below[0])
        return [(heading, line, under) for heading, (line, under) in outline.items()]

    def _section_text(self, best: Chunk) -> tuple[str, int]:
        """The best chunk and the chunks after it in the same section, up to PASSAGE_CHARS."""
        if best.source == "project":  # one project's 绩效目标: not the projects after it
            return best.text, best.line_end
        same = [c for c in self.search_index.chunks_of(best.doc)  # in document order, long paragraphs' pieces too
                if c.section == best.section and c.source == best.source]
        start = same.index(best)
        before = same[start - 1] if start and same[start - 1].line_end >= best.line_start else None  # one paragraph's
        text, end = _item_head(before.text, best.text) if before else "", best.line_end
        for chunk in same[start:]:
            if text and len(text) + len(chunk.text) > PASSAGE_CHARS:
                break
            text += chunk.text
            end = chunk.line_end
        return text, end

    def _definition(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        """The 名词解释 entry whose term the question names (the longest, when several are), verbatim."""
        asked = unquoted(compact(question.reading or question.text))  # as read: Simplified, the reports' words
        items = [unquoted(compact(s)) for i in question.items for s in domain.ITEMS[i]] + question.row_terms
        wanted = {d.name for d in documents}
        if noted := self._column_noted(question, documents, items):
            return noted
        named = [(len(term), paragraph) for paragraph in self._definitions() if paragraph.doc in wanted
                 for term in _defined_terms(paragraph.text) if term in asked or term in items]
        if named:
            paragraph = max(named, key=lambda n: n[0])[1]
            title = self.store.document(paragraph.doc).title
            text = (f"{title}「{paragraph.section_path}」（{paragraph.doc} 第{paragraph.line_start}–"
                    f"{paragraph.line_end}行）原文：\n“{paragraph.text}”")
            source = Source(paragraph.doc, title, "text", paragraph.section_path, None, paragraph.text,
                            paragraph.line_start, paragraph.line_end)
            return Answer(question.text, True, text, [], [source], question.intent, question)
        question.topic = question.topic or "名词解释"
        answer = self._passage(question, documents)
        quoted = [unquoted(compact(q)) for q in question.quoted]
        if answer.found and quoted and not any(term in compact(answer.answer) for term in quoted):
            # a term quoted and defined nowhere: the passage found is about another
            defined = [term for p in self._definitions() if p.doc in wanted for term in _defined_terms(p.text)[:1]]
            return self._refuse(question, f"报告没有解释“{question.quoted[0]}”。" + (
                f"名词解释中有：{'、'.join(dict.fromkeys(defined))}。" if defined else ""))
        return answer

    def _column_noted(self, question: Question, documents: list[DocumentInfo], items: list[str]) -> Answer | None:
        """"三公经费决算数是什么口径": a column asked of an item, defined by the note under the item's
        table ("…决算数是包括当年财政拨款和以前年度结转资金…"), before the 名词解释 of the item."""
        for document in documents:
            for table in self.store.tables(document.name):
                title = unquoted(compact(table.title))
                if table.note and any(item in title for item in items) and any(
                        re.search(rf"{column}(?:是|为)", table.note) for column in question.columns):
                    text = (f"{document.title}表{table.number}《{table.title}》的注（{document.name} 第{table.line_end}行）"
                            f"原文：\n“{table.note}”")
                    source = Source(document.name, document.title, "text", f"表{table.number} {table.title}",
                                    table.number, table.note, table.line_end, table.line_end)
                    return Answer(question.text, True, text, [], [source], question.intent, question)
        return None

    def _definitions(self):
        if self._definition_paragraphs is None:
            self._definition_paragraphs = [p for p in self.store.paragraphs() if "名词解释" in p.section_path]
        return self._definition_paragraphs

    def _sentences_of(self, document: DocumentInfo) -> list[Evidence]:
        if document.name not in self._sentences:
            self._sentences[document.name] = sentences(self.store.paragraphs(document.name))
        return self._sentences[document.name]


def _item_head(before: str, text: str) -> str:
    """The head of the item text begins within ("2、医保档案资料室未能建立。" before "医保档案涉及…"): the
    end of the piece before from its last item number, when short; nothing when text begins an item."""
    numbers = list(ITEM_NUMBER.finditer(before))
    if not numbers or NUMBERING_PREFIX.match(text) or len(before) - numbers[-1].start() > ITEM_HEAD_CHARS:
        return ""
    return before[numbers[-1].start():]


def _chunk_evidence(chunk: Chunk) -> Evidence:
    return Evidence(chunk.doc, "passage", chunk.section.rsplit(" > ", 1)[-1], chunk.text,
                    f"{chunk.title} {chunk.section}", chunk.line_start, section=chunk.section, sentence=chunk.text)


def _title_alone(chunk: Chunk) -> bool:
    """The report's title printed on its cover, before any section: it names the report and states
    nothing, so it answers no passage question however many of the question's words it shares."""
    return not chunk.section and len(compact(chunk.text)) <= len(compact(chunk.title)) + TITLE_SLACK


def _defined_terms(entry: str) -> list[str]:
    """The term a 名词解释 entry defines, by each of its names: "九、行政经费（机关运行经费）：指…"
    defines 行政经费 and 机关运行经费."""
    head = re.match(r"(.{2,30}?)[：:]", re.sub(r"[*\s]", "", entry))
    if head is None:
        return []
    names = re.split(r"[（）()]", unquoted(NUMBERING_PREFIX.sub("", head.group(1))))
    return [name for name in names if len(name) >= 2]


def _said_after(best: Evidence) -> list[str]:
    """What a reason's quote takes from the sentences after it: all that a lead-in ending with a colon
    introduces ("…指标实现情况：" then what happened, up to REASON_LEAD_IN_CHARS), else those that
    give the reason when it does not."""
    listed = LIST_OPENED.search(best.sentence)  # "…主要是：1、…。" and the items after it, up to a passage's length
    if best.sentence.endswith(("：", ":")) or listed:
        taken, size, most = [], 0, PASSAGE_CHARS if listed else REASON_LEAD_IN_CHARS
        for sentence in best.neighbours:
            if taken and size + len(sentence) > most:
                break
            taken.append(sentence)
            size += len(sentence)
        return taken
    return [s for s in best.neighbours if _gives_reason(s) and not _gives_reason(best.sentence)]


def _gives_reason(sentence: str) -> bool:
    return any(marker in sentence for marker in domain.REASON_MARKERS)
