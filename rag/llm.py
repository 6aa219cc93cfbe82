"""Optional: let an LLM rephrase an extractive answer, and keep its words only if every figure checks.

Off by default. Any langchain chat model works; `from_settings` builds an OpenAI-compatible one
(RAG_LLM_BASE_URL, RAG_LLM_MODEL, RAG_LLM_API_KEY), which also covers local servers.
"""
from __future__ import annotations

import re
from dataclasses import replace

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from rag.answer_types import Answer
from rag.settings import Settings

NUMBER = re.compile(r"\d+(?:[,，]\d{3})*(?:\.\d+)?")
SYSTEM = ("你是政府财政报告问答助手。把给你的答案改写得通顺、简洁，只能使用给出的事实和出处。"
          "不得增加、删除或改动任何数字，不得推测；保留出处（报告、表号、行、列、行号）。")


def numbers_in(text: str) -> set[str]:
    """Figures as plain decimals: '4,181.30' and '4181.3' are the same figure."""
    found = set()
    for token in NUMBER.findall(text):
        plain = token.replace(",", "").replace("，", "")
        found.add(plain.rstrip("0").rstrip(".") if "." in plain else plain)
    return found


def unsupported_numbers(output: str, evidence: str) -> set[str]:
    return numbers_in(output) - numbers_in(evidence)


class LLMPhraser:
    def __init__(self, chat_model: BaseChatModel):
        self.chat_model = chat_model

    @classmethod
    def from_settings(cls, settings: Settings) -> "LLMPhraser":
        if not (settings.llm_base_url and settings.llm_model):
            raise ValueError("未配置大模型：请设置 RAG_LLM_BASE_URL 和 RAG_LLM_MODEL（以及需要时的 RAG_LLM_API_KEY）")
        from langchain_openai import ChatOpenAI

        return cls(ChatOpenAI(base_url=settings.llm_base_url, model=settings.llm_model,
                              api_key=settings.llm_api_key or "not-needed", temperature=0, timeout=30))

    def rephrase(self, answer: Answer) -> Answer:
        """The rephrased answer, or the extractive one (with the reason) when a figure does not check."""
        if not answer.found:
            return answer
        evidence = answer.answer + "\n" + "\n".join(source.text for source in answer.sources)
        prompt = f"问题：{answer.question}\n\n答案（含出处）：\n{answer.answer}\n\n证据原文：\n" + "\n".join(
            f"- {source.title} 第{source.line}行：{source.text}" for source in answer.sources)
        try:
            output = self.chat_model.invoke([SystemMessage(SYSTEM), HumanMessage(prompt)]).content
        except Exception as error:  # the endpoint is optional: any failure falls back to the exact answer
            return replace(answer, answer=f"{answer.answer}\n（大模型不可用，显示原始答案：{type(error).__name__}）")
        output = output if isinstance(output, str) else str(output)
        invented = unsupported_numbers(output, evidence)
        if invented or not output.strip():
            shown = "、".join(sorted(invented)) or "空回答"
            return replace(answer, answer=f"{answer.answer}\n（大模型改写含有证据中没有的数字 {shown}，已弃用。）")
        return replace(answer, answer=output.strip())
