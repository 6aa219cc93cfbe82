"""The optional LLM path through a real OpenAI-compatible HTTP endpoint (a local stand-in)."""
from __future__ import annotations

import json
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from rag.answer_types import Answer
from rag.llm import LLMPhraser
from rag.lookup import Figure
from rag.settings import load_settings


class _Endpoint(BaseHTTPRequestHandler):
    reply = ""
    prompts: list[str] = []

    def do_POST(self):  # noqa: N802 - the http.server API
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).prompts.append(body["messages"][-1]["content"])
        payload = json.dumps({
            "id": "x", "object": "chat.completion", "created": 0, "model": body["model"],
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": type(self).reply}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def endpoint():
    server = HTTPServer(("127.0.0.1", 0), _Endpoint)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/v1"
    server.shutdown()


def _answer() -> Answer:
    figure = Figure(Decimal("17.56"), "万元", "“三公”经费", "a.txt", "江门市医疗保障局2024年部门预算", 769, 8, "表", "“三公”经费", "合计")
    return Answer("江门三公经费多少", True, "江门市医疗保障局2024年部门预算：“三公”经费17.56万元（表8，第769行）。", [figure])


def test_openai_compatible_endpoint_rephrases_and_figures_are_checked(endpoint):
    settings = load_settings().with_overrides(llm_base_url=endpoint, llm_model="local-model")
    phraser = LLMPhraser.from_settings(settings)
    _Endpoint.reply = "据江门市医疗保障局2024年部门预算表8第769行，“三公”经费为17.56万元。"
    assert phraser.rephrase(_answer()).answer == _Endpoint.reply
    assert "17.56万元" in _Endpoint.prompts[-1]  # it was given the facts and their source
    _Endpoint.reply = "“三公”经费大约18万元，比去年多2万元。"
    kept = phraser.rephrase(_answer())
    assert kept.answer.startswith("江门市医疗保障局2024年部门预算：“三公”经费17.56万元") and "已弃用" in kept.answer


def test_an_unreachable_endpoint_falls_back_to_the_exact_answer():
    settings = load_settings().with_overrides(llm_base_url="http://127.0.0.1:9/v1", llm_model="m")
    answer = LLMPhraser.from_settings(settings).rephrase(_answer())
    assert answer.answer.startswith(_answer().answer) and "大模型不可用" in answer.answer
