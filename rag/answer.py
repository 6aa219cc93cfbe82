"""Answer a question: understand it, resolve the reports it is about, route it to the component
that answers its intent, and finish the answer the same way for all (what the reports do not
state, uploads labelled, notes and corrections said, scanned lines marked). Plain refusals with
the reports held are made here too.

The components compose: one figure (rag/figure_answers.py), comparisons, shares, changes and
rankings (rag/derived.py), verbatim passages, reasons and definitions (rag/passages.py). Every
figure an answer states comes from the table store or from a sentence of a report; a computed
figure (difference, share) shows its inputs. Nothing is guessed.
"""
from __future__ import annotations

import re
import threading
from collections import Counter
from dataclasses import replace
from decimal import Decimal
from functools import cached_property
from itertools import islice

from rag import domain, lexicon, parts, places, rank
from rag.answer_types import Answer, comparison_caveat, short_title, subject_name
from rag.derived import DerivedAnswers
from rag.evidence import bigrams
from rag.figure_answers import FigureAnswers
from rag.followup import carry_over
from rag.index import Chunk, SearchIndex, load_vocabulary
from rag.lookup import Figure, FigureFinder, clean_row_name
from rag.normalize import Correction, Vocabulary
from rag.parse.text import compact
from rag.provenance import label_uploaded
from rag.passages import PassageReader
from rag.tables_asked import TableAnswers
from rag.question import (CLAUSE_BREAKS, IN_10K_YUAN, MONEY_SHOWN, TABLE_NUMBER, WORDS_ASKED, Question, asking_part,
                          asking_parts, asks, asks_amount_not_why, row_name_variants, row_names, spoken_sentences,
                          told_blanked, told_clauses_blanked, understand, where_asked)
from rag.servers import has_store, read_store
from rag.settings import Settings
from rag.store import DocumentInfo

# "…多少？公务接待呢？2023年呢？": a short sentence said as a follow-up in a conversation, naming a thing,
# place, year or kind anew; not one that works on the figures just given ("两项加起来呢", "执行率呢", "占比呢")
FOLLOW_UP_SENTENCE = re.compile(r"^[^，,]{1,12}呢$")
FOLLOW_UP_QUESTION_WORDS = re.compile(r"呢$|^(?:那|还有|那么)")
DERIVING_WORDS = tuple(w for name in ("share", "change", "rank", "compare") for w in domain.INTENT_WORDS[name]) \
    + domain.SUM_WORDS + ("率", "倍")
# "A和2024年B": the side after 和 (与, 跟) names a year of its own
SIDE_OF_ANOTHER_YEAR = re.compile(r"(?:和|与|跟|同)(?:其|它的?)?(?=(?:20)?\d\d年)")
# a table said: by its number (表4) or by a title's last word (收支总表, 三公表, 基本支出明细表)
TABLE_SAID = re.compile(rf"{TABLE_NUMBER.pattern}|[\u4e00-\u9fff]表(?![示明达述格态])")
TOTAL_ROW_SAID = re.compile("|".join((*domain.TOTAL_ROW_NAMES, "小计")))  # a table's total row, named by no item
SIDES_JOINED = re.compile(r"[，,]?\s*(?:和|与|跟|同)")
AGREEMENT_TAIL = re.compile(rf"(?:是否|是不是|能否|能不能)?(?:{'|'.join(domain.AGREEMENT_ASKED)})[^，,。？?]*[？?。]*$")
# the month a figure is counted to ("截至12月底", "截止10月底", "截至2023年12月31日")
MONTH_AS_OF = re.compile(r"(?:截至|截止到?)\s*(?:20\d\d\s*年)?\s*(\d{1,2})\s*月"
                         r"|(?<![\d.])1\s*[-－—~～至到]\s*(\d{1,2})\s*月"  # and the months from January: 1-12月,
                         r"|(?<![\d.月])[到至]\s*(\d{1,2})\s*月[底末]"  # or said by their end ("到12月底"),
                         r"|全(年)")  # or the whole year: to December
COLUMN_QUOTED = re.compile(r"[“\"「]([^”\"」]{2,10})[”\"」](?:那一?|这一?)?[栏列]"  # “上年执行数”栏
                           r"|((?:上一?年|去年)[^，,。？?（()）]{0,4}?)(?:那一?|这一?)?[栏列]")  # 去年那列, 上年数那一栏
HOLDINGS_LISTED = 8  # a refusal names this many reports held at most; more are counted
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
        self.vocabulary = row_names(load_vocabulary(index_dir) or self.finder.row_vocabulary(self.documents))
        self._lock = threading.Lock()
        saved = lexicon.load(index_dir)  # what is derived from the whole corpus, saved with the build
        if saved is None:  # a build made before the lexicon was saved with it: computed here
            paragraphs = self.store.paragraphs()
            self.spelling = _spelling_vocabulary(self.vocabulary, paragraphs, self.search_index.chunks)
            self.term_weights = rank.TermWeights([*(p.text for p in paragraphs), *self.vocabulary])
        else:
            self.spelling = Vocabulary(_spelling_words(self.vocabulary, saved.headings), saved.text)
            self.term_weights = _term_weights(saved, self.vocabulary)
        self.spelling.pairs = self.term_weights.frequency
        self.passages = PassageReader(self.store, self.search_index, self.term_weights, dense, self._refuse,
                                      REPORTS_CACHED)
        self.figures = FigureAnswers(self.store, self.finder, self.term_weights, self._refuse, REPORTS_CACHED)
        self.derived = DerivedAnswers(self.figures, self.store, self.finder, self.term_weights, self._refuse)
        self.tables = TableAnswers(self.figures, self.finder, self.term_weights, self._refuse)
        self._scanned = {d.name: d for d in self.documents if d.ocr_lines}  # reports with pages read by OCR
        self._uploaded = [d for d in self.documents if d.uploaded]  # found once, not per answer
        self._by_name = {d.name: d for d in self.documents}

    def warm_up(self) -> None:
        """Load the embedding model now, so the first passage question does not wait for it."""
        if self.dense:
            self.search_index.search("部门职责", k=1, dense=True)

    # ------------------------------------------------------------ the entry point
    def ask(self, text: str, previous: Question | None = None, docs_filter: set[str] | None = None) -> Answer:
        question = understand(text, self.vocabulary, self.settings.max_question_chars, self.spelling, self.documents)
        if question.problem in (domain.OPINION_HELD, domain.DETAILS_HELD, domain.CURRENCY_HELD, domain.HYPOTHESIS_HELD) \
                and question.subjects:  # what is held, shown
            with self._lock:
                return self._refused_showing(question, question.problem, self._resolve_documents(
                    question, docs_filter)[0])
        if question.problem:
            return self._refuse(question, question.problem)
        carried = carry_over(question, previous) if previous is not None else set()
        with self._lock:  # the finder caches tables; sqlite reads are serialized per engine
            answer = self._sides_asked_apart(question, docs_filter) or self._tables_checked_apart(question, docs_filter)
            said_after = None if answer else self._follow_ups_said_after(question, docs_filter)
            answer = answer or said_after or self._answer(question, docs_filter)
            if answer.found and (amounts := self._amounts_asked_besides(question, docs_filter)):
                answer = _joined(question, amounts, answer)
            elif answer.found and (of_first := self._asked_of_the_first(question, answer, docs_filter)):
                answer = _joined(question, answer, of_first)
            elif not answer.found and said_after is None and (apart := self._sentences_asked_apart(question, docs_filter)):
                answer = apart
            if not answer.found and _carried_report_dropped(question, carried):
                answer = self._answer(question, docs_filter)
            if caveat := comparison_caveat(answer, self._by_name):  # every channel says it, not the app alone
                answer.answer += f"\n{caveat}"
            return answer

    def _amounts_asked_besides(self, question: Question, docs_filter: set[str] | None) -> Answer | None:
        """"基本支出、项目支出各多少，项目支出是不是比上年少了": a clause asking several amounts
        beside another ask (a change, a reason) that the question's intent answers, or one amount
        beside why ("其他收入是多少万元，怎么这么多"); that clause's figures, asked on their own with
        the question's report, or None."""
        if question.intent in ("figure", "compare"):
            return None
        clauses = [clause for sentence in spoken_sentences(question.reading)  # "多少米啊咋这么多": two
                   for clause in asking_parts(sentence, CLAUSE_BREAKS)]
        several = next((c for c in clauses if any(w in c for w in domain.EACH_WORDS)), None)
        clause = several or next((c for c in clauses if question.asks_reason and asks_amount_not_why(c)), None)
        if clause is None:
            return None
        asked = self._part_asked(_with_scene(question.reading, clause, clauses), question)
        if asked is None or not (asked.intent == "compare" or asked.intent == "figure" and (
                len(asked.subjects) > 1 or several is None and asked.subjects or rank.listed_readings(asked))):
            return None
        answer = self._answer(asked, docs_filter)
        return answer if answer.found else None

    def _asked_of_the_first(self, question: Question, answer: Answer, docs_filter: set[str] | None) -> Answer | None:
        """"…预算最多的是哪个？它的绩效目标是什么": a ranking, then a passage asked of what ranks first;
        that passage, asked with the first one's name, or None."""
        if question.intent != "rank" or not answer.figures:
            return None
        clauses = [clause for sentence in spoken_sentences(question.reading)
                   for clause in asking_parts(sentence, CLAUSE_BREAKS)]
        last = clauses[-1] if clauses else ""
        if not last or any(w in last for w in domain.INTENT_WORDS["rank"]):  # the ranking's own clause
            return None
        name = clean_row_name(answer.figures[0].row or answer.figures[0].label)
        asked = self._part_asked(name + re.sub(f"^(?:{'|'.join(domain.FIRST_REFERRED)})", "的", last), question)
        if asked is None or asked.intent != "passage" or not asked.topic:
            return None
        then = self._answer(asked, docs_filter)
        return then if then.found else None

    def _sentences_asked_apart(self, question: Question, docs_filter: set[str] | None) -> Answer | None:
        """"基本支出和项目支出各多少？基本支出占本年支出合计的比重多少？": two questions in one,
        not answered as one; each sentence that asks, answered on its own with the question's
        reports, the answers joined in order, and the sentences the reports do not answer said to be
        unanswered ("…稽查经费多少？顺便问下要查多少家医院"); None unless each sentence is answered by
        figures or not found, and one at least by figures."""
        sentences = [s for s in spoken_sentences(question.reading) if asks(s)]
        if len(sentences) < 2:
            return None
        answers, said, unanswered = [], [], []
        for sentence in sentences:
            asked = self._part_asked(sentence, question)
            if asked is not None and asked.intent == "share" and not asked.subjects and answers and (
                    share := self.derived.share_among(asked, [f for a in answers for f in a.figures])):
                answers.append(share)  # "货物类、工程类、服务类各多少？服务类占几成": of the figures just given
                continue
            if asked is not None and not asked.subjects and said:  # "…各占总额几成": of the things asked before
                asked = self._part_asked(("和".join(said) if re.search("各|分别", sentence) else said[-1]) + sentence,
                                         question)
            if asked is None:
                return None
            if not asked.subjects and not asked.counted and asked.intent == "figure" and answers:
                if asked.asked_class not in (None, "money"):  # "…多少家、处理了多少家？处理的比例大概多少": a
                    unanswered.append(sentence)  # measure of its own that names nothing the reports print
                continue  # "…补贴一共是多少万元？俺们想知道政府贴了多少": the amount just answered, asked again
            said += [asked.said.get(s, s) for s in asked.subjects if asked.said.get(s, s) not in said]
            answer = self._answer(asked, docs_filter)
            if not answer.found and (asked.subjects or asked.counted):  # a thing of its own, not "差别大吗"
                unanswered.append(sentence)
                continue
            if not (answer.found and answer.figures):  # a passage for "有3.5亿那么多吗": no answer to it
                return None
            answers.append(answer)
        if not answers:
            return None
        joined = answers[0]
        for answer in answers[1:]:
            joined = _joined(question, joined, answer)
        if unanswered:
            joined.answer += _unanswered_note(unanswered)
        return joined

    def _follow_ups_said_after(self, question: Question, docs_filter: set[str] | None) -> Answer | None:
        """"江门医保局2024年三公经费多少？公务接待呢？车呢？": a question, then follow-ups said as in
        a conversation; the first answered on its own, each follow-up taking what it lacks from it as
        the next question of a conversation would, the answers joined in order. When the reports do
        not answer the first, that answer stands for all. None unless every sentence after the first
        is such a follow-up."""
        sentences = [s for s in spoken_sentences(question.reading) if asks(s)]
        if len(sentences) < 2 or not all(FOLLOW_UP_SENTENCE.match(s) and not any(w in s for w in DERIVING_WORDS)
                                         and self._reports_speak_of(_follow_up_said(s)) for s in sentences[1:]):
            return None
        first = self._part_asked(sentences[0], question)
        if first is None:
            return None
        joined, unanswered = self._answer(first, docs_filter), []
        if not joined.found:
            return joined
        for sentence in sentences[1:]:
            said = _follow_up_said(sentence)
            table, row = self._scene_of(said, joined)
            asked = self._part_asked(row + "呢" if row else sentence, Question(text=sentence))
            if asked is None:
                return None
            if row:  # said in the answer: "“车”按“公务用车购置及运行维护支出”理解"
                asked.corrections.append(Correction(said, row))
            carried = carry_over(asked, first)
            asked.table_number = asked.table_number or table
            answer = self._answer(asked, docs_filter)
            if not answer.found and _carried_report_dropped(asked, carried):
                answer = self._answer(asked, docs_filter)
            if answer.found and not (answer.figures and all(f in joined.figures for f in answer.figures)):
                joined = _joined(question, joined, answer)
            else:  # nothing, or the figures just given: a follow-up that named nothing the first did not
                unanswered.append(sentence)
        if unanswered:
            joined.answer += _unanswered_note(unanswered)
        return joined

    def _scene_of(self, said: str, first: Answer) -> tuple[int | None, str]:
        """The table the first answer's figure is printed in, when a row of it holds what a follow-up
        says: "三公经费多少？公务用车购置呢？运行维护费呢？" asks 表7's 公务用车运行维护费, not the
        维修（护）费 of the expense tables. A follow-up of one character, which names no row by
        itself ("车"), is read as the shallowest row holding it, when one alone is; else ""."""
        figure = next((f for f in first.figures if f.table is not None), None)
        if figure is None or not said:
            return None, ""
        _, rows = self.finder.table_of(figure)
        holding = [row for row in rows if said in clean_row_name(row.name)]
        if not holding:
            return None, ""
        shallowest = [row for row in holding if row.level == min(r.level for r in holding)]
        return figure.table, clean_row_name(shallowest[0].name) if len(said) == 1 and len(shallowest) == 1 else ""

    def _reports_speak_of(self, said: str) -> bool:
        """Half the pairs of characters a follow-up says besides its question words are printed in the
        reports: "耗材集采" asks of them, "天天喊过紧日子" is a remark."""
        pairs = [said[i:i + 2] for i in range(len(said) - 1)] or [said]
        return 2 * sum(pair in self.spelling.text for pair in pairs) >= len(pairs)

    def _sides_asked_apart(self, question: Question, docs_filter: set[str] | None) -> Answer | None:
        """"2023年自评的一般公共预算财政拨款收入和2024年部门预算收入总计相比": two sides, each of its
        own year and item, each answered as a question of its own and then compared; None unless the
        sides name other items and each is found."""
        joined = SIDE_OF_ANOTHER_YEAR.search(question.reading) if question.intent == "compare" else None
        if joined is None or len(question.years) < 2:
            return None
        sides = [self._part_asked(part, question) for part in (question.reading[:joined.start()],
                                                                 question.reading[joined.end():])]
        if any(side is None or not side.subjects for side in sides) or sides[0].subjects == sides[1].subjects:
            return None  # the same item in two years: the comparison of one item's reports
        found = [self._answer(replace(side, intent="figure"), docs_filter) for side in sides]
        if not all(answer.found and answer.figures for answer in found):
            return None
        (a, b) = (answer.figures[0] for answer in found)
        return self.figures.pair(question, (f"{short_title(self._by_name[a.doc])}{a.label}", a),
                                 (f"{short_title(self._by_name[b.doc])}{b.label}", b))

    def _tables_checked_apart(self, question: Question, docs_filter: set[str] | None) -> Answer | None:
        """"表1的支出总计和表3的合计对得上吗": each side of the last 和 before the second table said asks
        a row of its own table; both figures, side by side with their difference. None unless the question
        asks whether they agree and each side's figure is found in the table it names."""
        text = question.reading or ""
        said = list(TABLE_SAID.finditer(text))
        if len(said) < 2 or not any(w in text for w in domain.AGREEMENT_ASKED):
            return None
        joined = list(SIDES_JOINED.finditer(text, said[0].end(), said[-1].start()))
        if not joined:
            return None
        parts = [text[:joined[-1].start()], AGREEMENT_TAIL.sub("", text[joined[-1].end():])]
        sides = [self._part_asked(part, question) for part in parts]
        if any(side is not None and len(side.subjects) > 1 for side in sides):
            return None  # "“三公”经费表里的公务用车运行维护费": which is the row is read with both sides at once
        if sides[0] and sides[1] and sides[0].subjects and not (sides[1].subjects or TOTAL_ROW_SAID.search(parts[1])):
            # "A表的公务用车运行维护费和三公表里的": the row said once, before both tables
            parts[1] += "".join(sides[0].said.get(s, s) for s in sides[0].subjects)
            sides[1] = self._part_asked(parts[1], question)
        if any(side is None or not (side.table_number or side.table_named)
               or not (side.subjects or TOTAL_ROW_SAID.search(part)) for side, part in zip(sides, parts)):
            return None  # "A表与B表的年末结转和结余": the row said once, for both (figure_answers.readings_asked)
        found = [self._answer(replace(side, intent="figure", asks_amount=True), docs_filter) for side in sides]
        if not all(answer.found and answer.figures for answer in found):
            return None
        a, b = (answer.figures[0] for answer in found)
        if any(side.table_number and figure.table != side.table_number for side, figure in zip(sides, (a, b))):
            return None  # a side answered from a table it does not name
        return self.figures.pair(replace(question, intent="compare"), (f"表{a.table}", a), (f"表{b.table}", b))

    def _part_asked(self, part: str, question: Question) -> Question | None:
        """A clause or sentence of the question understood on its own, of the question's places, years
        and kinds where it names none; None when it cannot be read."""
        asked = understand(part, self.vocabulary, self.settings.max_question_chars, self.spelling, self.documents)
        if asked.problem:
            return None
        asked.cities, asked.years, asked.kinds = (asked.cities or question.cities, asked.years or question.years,
                                                  asked.kinds or question.kinds)
        return asked

    def _answer(self, question: Question, docs_filter: set[str] | None) -> Answer:
        if question.wide_scope and (not question.cities or _measured_against_scope(question)):
            return self._refuse(question, f"收录的是各地医疗保障局自己的报告，没有{question.wide_scope}的数字或情况。")
        documents, problem, note = self._resolve_documents(question, docs_filter)
        if problem:
            return self._refused_showing(question, problem, documents)
        unknown = [c for c in question.codes if not any(self.finder.has_code(d, c) for d in documents)]
        if unknown:  # an exact code is the strongest signal: a report without it does not answer
            titles = "、".join(d.title for d in documents)
            return self._refuse(question, f"{titles}中没有科目编码为{'、'.join(unknown)}的项目。")
        if unlisted := self._unlisted_unit(question, documents):
            return self._refuse(question, unlisted)
        across = question.intent in ("figure", "compare", "reason") and self.tables.across(question, documents)
        if across and question.intent == "reason":  # "两张表的住房公积金各是多少，为何不一样": why, after them
            across = self._with_reason(question, documents, across)
        answer = across or self._by_intent(question, documents)
        if not answer.found and _project_described(question) \
                and (project := self.passages.described_project(question, documents)):
            answer = self.figures.of_project(question, project) or answer
        if not answer.found and question.intent == "figure" and (inside := rank.places_within_city(question)):
            answer = self._whole_city_shown(question, documents, inside) or answer
        if not answer.found and question.intent in ("passage", "reason") and question.kinds:
            answer = self._passage_in_other_kinds(question, docs_filter, documents) or answer
        if not answer.found and question.intent == "passage" and question.years and question.cities:
            answer = self._passage_of_the_year_elsewhere(question, docs_filter, documents) or answer
        if not answer.found and question.intent == "figure" and _asks_words_too(question):
            # "检查是怎么铺开的？搞了几个全覆盖": no figure, but the passage that tells how may count them
            passage = self.passages.run(replace(question, intent="passage"), documents)
            answer = passage if passage.found and not rank.standing_section(passage.sources[0].section) else answer
        elif not answer.found and question.intent == "figure" and question.asks_count and question.topic:
            # "有几个内设机构": no count printed, but the passage of the topic lists them: shown, not counted
            passage = self.passages.run(replace(question, intent="passage"), documents)
            if passage.found:
                answer = self._refuse(question, f"报告没有写出这个数目，相关原文如下：\n{passage.answer}")
                answer.sources = passage.sources
        if question.asks_reason and question.intent in ("figure", "compare", "change") and answer.found:
            answer = self._with_reason(question, documents, answer)
        # asked per month while stated per year, 决算数 asked of a budget, a column the table lacks
        # ("上年执行数"栏): the figure found is not the answer, only shown
        per = _per_unit_unstated(question, answer)
        if unstated := (f"报告没有{per}的数字" if per else None) or _column_unprinted(question, answer) \
                or self._group_unstated(question, answer) or _month_unstated(question, answer) \
                or _cap_unstated(question, answer) or _exact_unstated(question, answer) \
                or _unit_unlisted(question, answer) or _part_unlisted(question, answer):
            refusal = self._refuse(question, f"{unstated}，只列出：\n{answer.answer}")
            refusal.sources = answer.sources
            answer = refusal
        if _in_another_unit(question, answer):
            answer = _in_unit_asked(answer, question.asked_unit)  # "折合是多少元", "大概多少亿": converted, shown
        label_uploaded(answer, self._uploaded)
        if note and answer.found and _note_applies(note, documents, answer):
            answer.answer = f"{note}\n{answer.answer}"
        if question.corrections and answer.found:
            read = "、".join(f"“{c.typed}”按“{c.read_as}”理解" for c in question.corrections)
            answer.answer = f"（{read}）\n{answer.answer}"
        for source in answer.sources:
            source.scanned = source.doc in self._scanned and self._scanned[source.doc].read_by_ocr(source.line)
        return answer

    def _group_unstated(self, question: Question, answer: Answer) -> str | None:
        """The report kind's figures asked (决算数, 预算数) of a report of the other kind whose figure
        found is not of that group: what the report is, said; None when the figure is of the group."""
        if not (answer.found and answer.figures) or answer.figures[0].table is None:  # prose says its own
            return None
        figure = answer.figures[0]
        document = self._by_name.get(figure.doc)
        asked = [g for g in question.columns if g in domain.KIND_COLUMN_GROUPS.values()]
        if document is None or not asked or document.kind not in domain.KIND_COLUMN_GROUPS \
                or domain.KIND_COLUMN_GROUPS[document.kind] in asked or any(g in (figure.column or "") for g in asked):
            return None
        beside = {self._by_name[f.doc].kind for f in answer.figures if f.doc in self._by_name}
        if any(domain.KIND_COLUMN_GROUPS.get(kind) in asked for kind in beside):
            return None  # "吴川2024年三公经费预算和廉江2023年三公经费决算数": 决算数 is the final account's beside it
        own = domain.KIND_COLUMN_GROUPS[document.kind]
        return f"{document.title}中没有{'、'.join(asked)}（{document.kind}列的是{own}）"

    def _passage_in_other_kinds(self, question: Question, docs_filter: set[str] | None,
                                searched: list[DocumentInfo]) -> Answer | None:
        """Wording the reports of the kind asked do not hold, from the place's other reports, said
        so: "居民医保市级补助预算金额与实际下达金额有差异，怎么解释" names a 预算 but is explained in the 自评."""
        answer = self._passage_elsewhere(question, docs_filter, searched, kinds=[], kinds_said=[])
        if answer:
            answer.answer = (f"（{'、'.join(d.title for d in searched)}中没有相关段落；"
                             f"以下据{answer.sources[0].title}。）\n{answer.answer}")
        return answer

    def _passage_of_the_year_elsewhere(self, question: Question, docs_filter: set[str] | None,
                                       searched: list[DocumentInfo]) -> Answer | None:
        """Wording about a year that the year's own reports lack, from the place's report of another
        year that speaks of it ("2024年对邑康保有什么打算": the 2023 自评's 2024年工作重点), said so;
        only a passage that names the year asked answers."""
        answer = self._passage_elsewhere(question, docs_filter, searched, years=[], kinds=[], kinds_said=[])
        if not answer or not any(f"{year}年" in answer.sources[0].text for year in question.years):
            return None
        answer.answer = (f"（{'、'.join(d.title for d in searched) or '所问年度的报告'}中没有相关段落；"
                         f"以下据{answer.sources[0].title}，其中写到{'、'.join(map(str, question.years))}年。）\n{answer.answer}")
        return answer

    def _passage_elsewhere(self, question: Question, docs_filter: set[str] | None, searched: list[DocumentInfo],
                           **unasked: list) -> Answer | None:
        """The passage from the place's reports not searched yet, found when the question's `unasked`
        fields (its kinds, its years) are left out of choosing them; None when none holds it."""
        others, problem, _ = self._resolve_documents(replace(question, **unasked), docs_filter)
        others = [d for d in others if d not in searched]
        if problem or not others:
            return None
        answer = self.passages.run(question, others)
        return answer if answer.found else None

    def _by_intent(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        handlers = {"figure": self.figures.run, "compare": self.derived.run, "share": self.derived.run,
                    "change": self.derived.run, "rank": self.derived.run, "passage": self.passages.run,
                    "definition": self.passages.run, "reason": self.passages.run, "outline": self.passages.run,
                    "table": self.tables.run}
        answer = handlers[question.intent](question, documents)
        if question.intent == "share" and not answer.found and question.asks_amount:  # "…多少，感觉占了大头吧":
            amount = self.figures.run(replace(question, intent="figure"), documents)  # no whole to divide by,
            return amount if amount.found and _of_a_subject(question, amount) else answer  # but the amount asked is stated
        return answer

    def _whole_city_shown(self, question: Question, documents: list[DocumentInfo], inside: list[str]) -> Answer | None:
        """"江门…自评中，台山市的参保人数": no figure names 台山; the whole city's, shown as such."""
        shown = self._by_intent(replace(question, cities=[c for c in question.cities if c not in inside]), documents)
        if not shown.found:
            return None
        named = "、".join(question.divisions.get(place, (None, None, None))[2] or place for place in inside)
        refusal = self._refuse(question, f"报告没有单列{named}的数字，只载明全市的：\n{shown.answer}")
        refusal.sources = shown.sources
        return refusal

    def _refused_showing(self, question: Question, problem: str, held: list[DocumentInfo]) -> Answer:
        """A refusal; with reports held of the question's other years, what they state of it, shown."""
        if held:
            years = [y for y in question.years if any(d.year == y for d in held)]
            shown = self._by_intent(replace(question, years=years, intent="figure"), held)
            if shown.found:
                refusal = self._refuse(question, f"{problem}这些报告只载明：\n{shown.answer}")
                refusal.sources = shown.sources
                return refusal
        return self._refuse(question, problem)

    def _with_reason(self, question: Question, documents: list[DocumentInfo], answer: Answer) -> Answer:
        """A figure asked with why ("为什么有一大笔，金额是多少"): the report's reason after it, or
        that the report gives none."""
        documents = [d for d in documents if d.name in {s.doc for s in answer.sources}] or documents
        reason = self.passages.reason(replace(question, intent="reason"), documents)
        names = {compact(n) for n in [*(subject_name(s, question) for s in question.subjects),
                                      *(clean_row_name(f.row) for f in answer.figures if f.row)]}
        if reason is None or not any(n in compact(reason.sources[0].text) for n in names):  # a reason for another figure
            answer.answer += "\n报告中没有找到说明其原因的文字。"
            return answer
        answer.answer += f"\n报告给出的原因：{reason.answer}"
        answer.sources += [s for s in reason.sources if s not in answer.sources]
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
        reported = {d.city for d in documents}
        mentions += [(place, m) for place in question.divisions if place not in reported
                     and (m := re.search(re.escape(place) + domain.BUREAU_AFTER_PLACE, question.reading))]
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
        paired = _year_of_each_city(question)  # "广州2023年、江门2024年…": each city's own year
        dated = [d for d in held.documents if _of_the_years(question, d) and paired.get(d.city, d.year) == d.year]
        if unheld := _year_unheld(question, held.documents):  # "2024年比2023年多还是少": no 2024 to compare
            return dated, f"这些报告中没有{unheld}的报告。{held.note() or ''}", None  # what is held: shown
        chosen = [d for d in dated if not question.kinds or question.versus_kinds or d.kind in question.kinds]
        adjusted = domain.ADJUSTED_BUDGET_HELD if any(w in question.reading for w in domain.ADJUSTED_BUDGET_WORDS) else ""
        refusal = [], f"这些报告中没有{_asked_reports(question)}的报告。{adjusted}{held.note() or ''}", None
        if not question.cities:
            return (chosen, None, held.note()) if chosen else refusal

        def asked_of(d: DocumentInfo) -> str:  # the city (and year, when asked) a report answers for
            return f"{d.city}{d.year}年" if question.years else d.city

        # a city (and year) asked whose kind asked is not held: the kinds that state its figures stand in, said so
        covered = {asked_of(d) for d in chosen}
        stand_ins = [d for d in dated if asked_of(d) not in covered
                     and (d.kind in domain.STAND_IN_KINDS.get(question.kinds[0], ()) or d.kind in question.kinds_said)]
        if not stand_ins:  # refused; what the city's other reports of the year state of it, shown (决算 asked
            return (chosen, None, held.note()) if chosen else (dated, *refusal[1:])  # of a year only budgeted)
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


def _follow_up_said(sentence: str) -> str:
    """What a follow-up says besides its question words: "公务接待" of "公务接待呢"."""
    return FOLLOW_UP_QUESTION_WORDS.sub("", sentence)


def _carried_report_dropped(question: Question, carried: set[str]) -> bool:
    """"那江门呢" after a 2023 question: 江门's 2023 report may lack it, so the years and kinds taken
    from the question before are dropped to look in all its reports; whether any were."""
    if not carried & {"years", "kinds"}:
        return False
    question.years = [] if "years" in carried else question.years
    question.kinds = [] if "kinds" in carried else question.kinds
    return True


def _unanswered_note(sentences: list[str]) -> str:
    return f"\n（{'、'.join(f'“{s}”' for s in sentences)}：报告中没有找到。）"


def _spelling_vocabulary(rows: list[str], paragraphs, chunks: list[Chunk]) -> Vocabulary:
    """The words a typed word may be read as, computed from every paragraph and chunk."""
    texts = [p.text for p in paragraphs]
    names = lexicon.spelling_names((c.section for c in chunks), texts)
    return Vocabulary(_spelling_words(rows, names), lexicon.report_text(texts, rows, (c.text for c in chunks)))


def _spelling_words(rows: list[str], headings: set[str]) -> set[str]:
    """The words a typed word may be read as: row and item names, topics, section headings and names
    printed in quotes."""
    words = {variant for row in rows for variant in row_name_variants(row)}
    words |= {s for synonyms in domain.ITEMS.values() for s in synonyms}
    words |= {w for topic in domain.PASSAGE_TOPICS.values() for w in topic}
    words |= set(domain.PURPOSE_WORDS + domain.REASON_WORDS + domain.OPINION_ASKED)  # asked as typed: 搞什么
    # is no typo of 干什么, 值不值 none of 支部
    return words | headings


def _term_weights(saved: lexicon.Lexicon, rows: list[str]) -> rank.TermWeights:
    """rank.TermWeights over every paragraph and row name, from the paragraphs' saved counts."""
    weights = rank.TermWeights(rows)
    weights.count = max(1, saved.paragraphs + len(rows))
    weights.frequency.update(saved.frequency)
    return weights


def _per_unit_unstated(question: Question, answer: Answer) -> str | None:
    """How a figure is asked (按月计, 第三季度) when it is asked per month, person or day, or of a part
    of the year, and the figure found is not stated so (the reports state yearly totals): the
    answer is then not found."""
    asked = told_clauses_blanked(question.typed)  # "我每月药费200块。想问…多少": no month asked
    per = next((unit for unit, words in domain.PER_UNIT_WORDS.items() if any(w in asked for w in words)), None)
    period = re.search(domain.PERIOD_ASKED, told_clauses_blanked(question.reading))
    if per is None and period is None or not answer.found or not answer.figures:
        return None
    stated = _stated_with(answer.figures[0])
    if per is not None:
        return None if any(w in stated for w in domain.PER_UNIT_WORDS[per]) else f"按{per}计"
    months = _months_printed(domain.PERIOD_MONTHS.get(period[0], period[0]))
    return None if period[0] in stated or months and re.search(months, stated) else period[0]


def _months_printed(said: str) -> str | None:
    """The ways a range of months said ("7到12月", 下半年's 7-12月) is printed (7-12月, 7至12月)."""
    months = re.match(rf"(\d{{1,2}}){domain.MONTHS_DASH}(\d{{1,2}})月", said)
    return rf"(?<![\d.]){months[1]}{domain.MONTHS_DASH}{months[2]}月" if months else None


def _cap_unstated(question: Question, answer: Answer) -> str | None:
    """A cap asked ("一年最高能救助多少") and a figure found that its report does not state as one
    (the year's 医疗救助 budget): the report has no such cap."""
    figure = answer.figures[0] if answer.found and answer.figures else None
    if figure is None or not re.search(domain.CAP_ASKED, question.reading):
        return None
    return None if any(w in _stated_with(figure) for w in domain.CAP_WORDS) else "报告没有写明上限"


def _of_a_subject(question: Question, answer: Answer) -> bool:
    """The figure found is of a thing the question names (not "…比例达到80%" for 人员经费占总预算的比例)."""
    figure = answer.figures[0] if answer.figures else None
    said = compact(f"{figure.label}{figure.row or ''}{figure.sentence or ''}") if figure else ""
    names = {compact(name) for s in question.subjects for name in (question.said.get(s, s), s, *domain.ITEMS.get(s, ()))}
    return not question.subjects or any(name in said for name in names)


def _part_unlisted(question: Question, answer: Answer) -> str | None:
    """A part of a thing described ("医保政策宣传管理经费中，聘请法律顾问那部分") that names no row or
    item the question finds: the thing's own figure is not the part's; the report does not list it."""
    part = question.part_described
    if not part or not answer.found or not answer.figures or any(
            question.said.get(s, s) in part for s in question.subjects):
        return None
    figure = answer.figures[0]  # "行政运行里划成项目支出的那部分": its column names the part
    return None if bigrams(part) & bigrams(f"{figure.label}{figure.row or ''}{figure.column or ''}") \
        else f"报告没有单列“{part}”这一部分的数字"


def _exact_unstated(question: Question, answer: Answer) -> str | None:
    """An exact value asked ("满意度的具体数值", "确切人数") of a figure its sentence states only as a
    bound or roughly ("满意度超过80%", "50000余人", "160个以上"): the report has no exact value."""
    figure = answer.figures[0] if answer.found and answer.figures else None
    if figure is None or not figure.sentence or not any(w in question.typed for w in domain.EXACT_ASKED):
        return None
    value = re.escape(f"{figure.value}")
    after = domain.ROUGH_AFTER.format(unit=f"(?:{re.escape(figure.unit)})")
    bound = re.search(rf"{domain.BOUND_STATED}\s*{value}(?![\d.])(?:{re.escape(figure.unit)})?", figure.sentence) or re.search(
        rf"(?<![\d.]){value}(?:{after})", figure.sentence)
    return f"报告只写了“{bound.group(0)}”，没有确切数值" if bound else None


def _stated_with(figure: Figure) -> str:
    """The words a report prints with a figure (its label, row, column, sentence): whether they say it
    is per month, of a part of the year, or a cap."""
    return f"{figure.label} {figure.row or ''} {figure.column or ''} {figure.sentence or ''}"


def _month_unstated(question: Question, answer: Answer) -> str | None:
    """A figure asked as counted to one month ("截至12月底") whose sentence counts it to another
    ("截止10月底"): the report has no figure to the month asked."""
    asked = _months_as_of(told_blanked(question.reading))  # "我2022年6月办过卡。…多少": no month asked
    if len(asked) > 1 and len(in_clause := _months_as_of(question.asking_clause or "")) == 1:
        asked = in_clause  # "全年（1至12月）…是多少？我手上只有截至10月底的数": the month of the clause asked
    figure = answer.figures[0] if answer.found and answer.figures else None
    stated = _months_as_of(figure.sentence or "") if figure else set()
    if len(asked) != 1 or len(question.cities) > 1 or not stated or asked & stated:
        return None  # several dates asked ("广州截至2022年底、江门截至2024年1月"): each its own
    return f"报告没有截至{asked.pop()}月的数字（原文写的是截至{'、'.join(sorted(stated, key=int))}月）"


def _months_as_of(text: str) -> set[str]:
    return {next(month for month in found if month).replace("年", "12") for found in MONTH_AS_OF.findall(text)}


def _column_unprinted(question: Question, answer: Answer) -> str | None:
    """A column named in quotes ("“上年执行数”栏") that the table of the figure found does not print."""
    named = COLUMN_QUOTED.search(question.typed or question.text)
    figure = answer.figures[0] if answer.found and answer.figures else None
    if named is None or figure is None or figure.table is None:
        return None
    said = named.group(1) or named.group(2)
    return None if compact(said) in compact(f"{figure.column} {figure.row}") else \
        f"表{figure.table}《{figure.table_title}》中没有“{said}”这一栏"


# a unit under the department, named after the words saying so ("下属的结算中心"); not a count of them
UNIT_UNDER_SAID = re.compile(r"(?:下属|所属)的?((?![一二两三四五六七八九十几各每这那些个有\d])[\u4e00-\u9fff]{2,16}?"
                             r"(?:中心|分局|站|所))")


# a unit of the department singled out by its name (单看廉江市医疗保障服务中心, 只算医保结算中心), not the
# department (医保局); named only to describe a row ("医保服务中心那种事业运行支出"), it is that row's
UNIT_SINGLED = re.compile(rf"(?:{'|'.join((*domain.SINGLING_WORDS, '单独看'))})[^，,。？?]{{0,6}}?"
                          r"((?:医疗保障|医保)(?!局)[\u4e00-\u9fff]{0,6}?(?:中心|分局|服务站))")


def _unit_unlisted(question: Question, answer: Answer) -> str | None:
    """A unit under the department named or singled out ("下属的…结算中心", "单看…医疗保障服务中心") whose name
    no figure found carries, and that no row of the reports is read as: the report does not list that
    unit apart (the department's own figure is shown)."""
    said = told_blanked(question.reading or "")
    named = UNIT_UNDER_SAID.search(question.asking_clause or said)
    if named is None and not any(parts.is_unit_name(term) for term in question.row_terms):
        named = UNIT_SINGLED.search(said)
    if named is None or not (answer.found and answer.figures):
        return None
    carried = any(named.group(1) in compact(f"{f.label}{f.row or ''}{f.sentence or ''}") for f in answer.figures)
    return None if carried else f"报告没有单列“{named.group(1)}”的数字"


def _in_another_unit(question: Question, answer: Answer) -> bool:
    """The first figure is a sum in another money unit than the one asked (多少元 of 万元, 多少万元 of 亿元)."""
    shown = MONEY_SHOWN.get(question.asked_unit or "")
    return bool(shown and answer.found and answer.figures and answer.figures[0].unit in MONEY_SHOWN
                and MONEY_SHOWN[answer.figures[0].unit] != shown)


def _in_unit_asked(answer: Answer, unit: str) -> Answer:
    """The first figure converted to the money unit asked (exactly: a power of ten); the report's
    figure stays beside it, and first where 亿 was asked (an estimate of the size)."""
    stated = answer.figures[0]
    factor = IN_10K_YUAN[stated.unit] / IN_10K_YUAN[unit]
    converted = (stated.value * factor).normalize()
    converted = converted.quantize(Decimal(1)) if converted == converted.to_integral_value() else converted
    said = MONEY_SHOWN[unit]
    how = f"{stated.value}{stated.unit} × {factor:f}" if factor > 1 else f"{stated.value}{stated.unit} ÷ {1 / factor:f}"
    figure = replace(stated, value=converted, unit=said, sentence=how)
    answer.figures.insert(1 if said == "亿元" else 0, figure)
    answer.answer = f"折合{converted:,f}{said}（{stated.label}{how}）。\n{answer.answer}"
    return answer


def _of_the_years(question: Question, document: DocumentInfo) -> bool:
    """A report of a year asked; for a date asked alone ("截至2022年底"), a report of that year or
    the next (a 2023 budget states the assets at the end of 2022); for a year's plans, a report of
    that year, or of the year before written after it ended (a 2023 自评 states the 2024年工作重点)."""
    if question.as_of:
        return document.year in question.as_of or document.year - 1 in question.as_of
    if question.intent == "passage" and any(w in question.reading for w in domain.PASSAGE_TOPICS[domain.PLAN_TOPIC]):
        return not question.years or document.year in question.years or (
            document.year + 1 in question.years and document.kind in domain.KINDS_LOOKING_AHEAD)
    return not question.years or document.year in question.years


def _year_of_each_city(question: Question) -> dict[str, int]:
    """Each city's own year when every city named is followed by one before the next city, and the
    years differ ("广州2023年、江门2024年、廉江2023年各有几辆车"); {} otherwise."""
    reading = question.reading or ""
    spots = sorted((reading.find(city), city) for city in question.cities if city in reading)
    if len(spots) < 2 or len(spots) != len(question.cities) or len(set(question.years)) < 2:
        return {}
    paired = {}
    for (at, city), (end, _) in zip(spots, spots[1:] + [(len(reading), "")]):
        year = re.search(r"(?<!\d)(20\d\d)(?!\d)", reading[at:end])
        if not year:
            return {}
        paired[city] = int(year.group(1))
    return paired


def _year_unheld(question: Question, documents: list[DocumentInfo]) -> str | None:
    """The city and a year a question compares of it that no report of the city states: one of that
    year states it, and one of the next year states it as 上年 (比上年); none states the year after
    it, nor two years before ("2023年比2021年"). Of several cities, each may be asked its own year
    ("广州2023三公和江门2024三公")."""
    if len(question.years) < 2 or len(question.cities) != 1 or question.as_of:
        return None
    city, latest = question.cities[0], max(question.years)
    held = {d.year for d in documents if d.city == city}
    unheld = [y for y in sorted(question.years, reverse=True) if y not in held and (y == latest or y + 1 not in held)]
    return f"{city}{unheld[0]}年" if unheld else None


def _measured_against_scope(question: Question) -> bool:
    """A city's figure set against a scope no report covers: its share of, or its place in, 全省 or
    全市各部门 ("在全省21个地市里排第几"). A passage may name the scope ("在全省领先的做法")."""
    if question.intent in ("share", "rank"):
        return True
    asked = asking_part(question.typed or question.text, CLAUSE_BREAKS)  # "…占全市所有部门的比例，全市总数是多少": the scope's
    return question.intent in ("figure", "compare", "change") and (question.wide_scope in asked or re.search(
        r"全(?:市|省|国)(?:的)?(?:总数|总额|合计)", asked))


def _project_described(question: Question) -> bool:
    """A sum asked (or cited: "…的那笔经费够不够150万") of something the question names by no row, item
    or quoted name ("打击骗保搞宣传、发举报奖励的那笔经费"): a project its 绩效目标 describes may be
    meant. A sum said in 亿 (asked, or guessed: "有人说好几个亿") or a fund's flow is the fund's, never a
    project's."""
    reading = question.reading or ""
    return question.intent == "figure" and (question.asked_class == "money" or bool(question.amounts)) \
        and not question.subjects and not question.quoted and "亿" not in reading \
        and not re.search(domain.FUND_FLOW, reading)


def _asks_words_too(question: Question) -> bool:
    """A sentence of the question asks for words (怎么, 什么, 哪) besides the one asking a figure; not
    where the figure is printed ("…得了多少分？报告哪部分写的"): its citation says that, with the figure."""
    return any(WORDS_ASKED.search(part) and not where_asked(part) for part in asking_parts(question.reading))


def _asked_reports(question: Question) -> str:
    return "".join(question.cities) + "".join(f"{y}年" for y in question.years) + "".join(question.kinds)


def _note_applies(note: str, documents: list[DocumentInfo], answer: Answer) -> bool:
    """A note naming the reports that stand in for the kind asked is said when one of them answers;
    a note naming none (the districts with reports of their own) always."""
    named = {d.name for d in documents if d.title in note}
    return not named or any(source.doc in named for source in answer.sources)


def _with_scene(reading: str, clause: str, asking: list[str]) -> str:
    """A clause with the clauses before it that ask nothing, which say what it is about
    ("政府采购，货物类、工程类、服务类分别多少？哪类最多"): 政府采购's 货物类, not any."""
    before = re.split(f"[{CLAUSE_BREAKS}]", reading[:reading.find(clause)])
    return "，".join([c for c in before if c and c not in asking] + [clause])


def _joined(question: Question, first: Answer, then: Answer) -> Answer:
    """Two answers to two asks of one question, in the order given."""
    return Answer(question.text, True, f"{first.answer}\n{then.answer}", first.figures + then.figures,
                  first.sources + then.sources, question.intent, question)
