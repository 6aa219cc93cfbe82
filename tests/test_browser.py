"""End to end: `streamlit run` on a free loopback port, driven in headless Chromium as people use it.

One browser session holds a whole conversation, in order, and every turn is checked for what the
user sees. Screenshots go to artifacts/, the servers' logs too (artifacts/server-*.log).
"""
from __future__ import annotations

import shutil
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from browser import ChatPage, chromium, start_server
from conftest import CORPUS, ROOT
from rag.history import ChatHistory, Feedback, history_path

pytestmark = pytest.mark.slow
ARTIFACTS = ROOT / "artifacts"
SERVERS = []  # every server this module started, for the log check at the end


@pytest.fixture(scope="module")
def browser_index(full_index, tmp_path_factory):
    """A copy of the test index: uploads and conversations here leave the other tests' index alone."""
    if not (shutil.which("chromium") and shutil.which("chromedriver")):
        pytest.fail("chromium and chromium-driver are missing: scripts/test.sh installs them")
    target = tmp_path_factory.mktemp("browser") / "index"
    shutil.copytree(full_index.index_dir, target, symlinks=True)  # index/current is a relative link
    return target


def launch(index_dir, name: str):
    server = start_server(index_dir, ARTIFACTS / f"server-{name}.log")
    SERVERS.append(server)
    return server


@pytest.fixture(scope="module")
def server(browser_index):
    server = launch(browser_index, "main")
    yield server
    server.stop()


@pytest.fixture
def page(server):
    driver = chromium()
    yield ChatPage(driver, server.url, ARTIFACTS)
    driver.quit()


def ask_alone(url: str, question: str, screenshot: str) -> tuple[float, dict]:
    driver = chromium()
    try:
        page = ChatPage(driver, url, ARTIFACTS)
        started = time.perf_counter()
        page.open()
        answer = page.ask(question)
        elapsed = time.perf_counter() - started
        page.screenshot(screenshot)
        return elapsed, answer
    finally:
        driver.quit()


def test_a_question_typed_in_the_browser_gets_its_cited_answer(server):
    elapsed, answer = ask_alone(server.url, "江门医保局2024年三公经费多少", "chat-figure.png")
    assert answer["metrics"][0][1] == "17.56 万元"
    assert "下载此表 CSV" in answer["text"] and "表8" in answer["sources"][0]
    assert (ARTIFACTS / "chat-figure.png").stat().st_size > 10_000
    print(f"first answer {elapsed:.1f} s after opening the page")


def test_two_sessions_asking_at_once_both_get_answers(server):
    with ThreadPoolExecutor(max_workers=2) as pool:
        first = pool.submit(ask_alone, server.url, "广州医保局2023年三公经费多少", "session-a.png")
        second = pool.submit(ask_alone, server.url, "吴川医保局的机构设置", "session-b.png")
        assert "85.72" in first.result(timeout=300)[1]["body"]
        assert "内设机构" in second.result(timeout=300)[1]["body"]


def test_a_whole_conversation_stays_right_at_every_turn(page):
    page.open()
    refused = page.ask("深圳医保局2024年预算多少")
    assert "没有深圳" in refused["infos"][0] and not refused["metrics"]

    # a complete question after a refusal takes nothing from it
    share = page.ask("吴川医保局2024年公务接待费占三公经费的比例")
    assert share["metrics"] == [["吴川2024预算 公务接待费占“三公”经费", "7.69%"]], share["text"]
    assert "7.69%" in share["body"] and "深圳" not in share["text"]
    assert not any(c.startswith("沿用上一问") for c in share["captions"])

    # a question about the body of the bureau after a figure question is answered from its text
    running_costs = page.ask("广州医保局2023年机关运行经费多少")
    assert running_costs["metrics"][0][1] == "411,608.64 万元"
    offices = page.ask("广州医保局有哪些内设处室")
    assert "内设机构" in offices["body"] and "万元" not in offices["body"] and not offices["metrics"]
    assert not any(c.startswith("沿用上一问") for c in offices["captions"])
    page.screenshot("conversation-offices.png")

    # an example clicked after a 江门 question ranks every city
    assert page.ask("江门医保局2024年三公经费多少")["metrics"][0][1] == "17.56 万元"
    page.expand("示例问题")
    ranking = page.ask_example("哪个城市三公经费最多")
    ranked = [line for line in ranking["body"].splitlines() if line[:2] in ("1.", "2.", "3.", "4.")]
    cities = ("广州", "吴川", "江门", "廉江")
    assert [next(c for c in cities if c in line) for line in ranked] == ["广州", "吴川", "江门", "廉江"]
    assert not any(c.startswith("沿用上一问") for c in ranking["captions"])
    page.screenshot("conversation-ranking.png")

    # a comparison with the previous place: both sides, the difference, the year caveat, short labels
    assert page.ask("吴川医保局2024年三公经费多少")["metrics"][0][1] == "19.50 万元"
    compared = page.ask("和广州比呢")
    assert compared["metrics"] == [["吴川2024预算", "19.50 万元"], ["广州2023预算", "85.72 万元"],
                                   ["差额（吴川2024预算 − 广州2023预算）", "-66.22 万元"]]
    assert any("年度不同" in w and "吴川2024预算、广州2023预算" in w for w in compared["warnings"])
    assert "沿用上一问：吴川、三公经费" in compared["captions"] and compared["charts"] == 1
    assert compared["chart_labels"] == ["吴川2024预算", "广州2023预算"]  # short, in the order of the text
    assert compared["chart_values"] == ["19.50", "85.72"]
    page.screenshot("conversation-comparison.png")

    # a passage: numbered points as a list, the answering sentence marked, one source per section
    passage = page.ask("江门医保局2023年整体支出绩效目标是什么")
    points = passage["points"]
    assert [p[:2] for p in points[1:7]] == ["一是", "二是", "三是", "四是", "五是", "六是"]
    assert len(passage["marked"]) == 1 and passage["marked"][0] in points[0]
    assert "总体绩效目标" in passage["marked"][0]
    sections = [label.split(" · ")[1] for label in passage["sources"]]
    assert len(sections) == len(set(sections)) >= 2
    page.screenshot("conversation-passage.png")

    # a city filter, then a question about another city: the answer says which filter hid what
    page.pick("城市", "江门")
    filtered = page.ask("广州医保局2023年三公经费多少")
    assert not filtered["metrics"] and "在筛选范围内（城市：江门）：" in filtered["infos"][0]
    assert any("筛选条件（城市：江门）排除了广州市医疗保障局2023年部门预算" in w for w in filtered["warnings"])
    page.screenshot("conversation-filter.png")
    assert len(page.message_texts()) == 2 * 10
    assert page.driver.execute_script(  # the export comes after the last answer, not before the new one
        "const messages = document.querySelectorAll('[data-testid=stChatMessage]');"
        "const button = Array.from(document.querySelectorAll('[data-testid=stDownloadButton]'))"
        "  .find(b => b.innerText.includes('导出对话'));"
        "return !!button && !!(messages[messages.length - 1].compareDocumentPosition(button)"
        "  & Node.DOCUMENT_POSITION_FOLLOWING);")
    assert page.english() == []


def test_the_copy_button_puts_the_answer_on_the_clipboard(page):
    page.driver.execute_cdp_cmd("Browser.grantPermissions", {
        "origin": page.url, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    page.open()
    answer = page.ask("江门医保局2024年三公经费多少")
    page.click("复制答案", within="[data-testid=stChatMessage]")
    page.wait(lambda: "已复制" in page.message_texts()[-1], timeout=30, message="the button did not say 已复制")
    copied = page.driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('ERROR ' + e));")
    first_line = answer["body"].splitlines()[0]
    assert copied.startswith("江门市医疗保障局2024年部门预算：“三公”经费17.56万元") and first_line in copied
    assert "000_" not in copied  # report titles, not file names


def test_the_audit_page_lists_findings_with_their_report_lines(page):
    page.open()
    page.choose("数字核对")
    page.wait(lambda: page.idle() and "数字核对" in page.visible_text() and "只看不一致的" in page.visible_text())
    text = page.visible_text()
    assert "江门市医疗保障局2024年部门预算：核对" in text and "处不一致" in text

    def finding():
        grids = page.driver.find_elements("css selector", "[data-testid=stMain] [data-testid=stDataFrame]")
        rows = [row for grid in grids for row in page.grid_rows(grid)]
        return next((row for row in rows if any("5.07%" in cell for cell in row)), None)

    finding = page.wait(finding, timeout=60, message="the 5.07% finding is not in the tables")
    assert "不一致" in finding and any(cell.isdigit() for cell in finding)  # the report line it is about
    page.screenshot("audit.png")
    assert page.english() == []


def test_on_a_phone_the_cited_cell_of_a_wide_table_is_in_view(server):
    driver = chromium(390, 844)
    try:
        page = ChatPage(driver, server.url, ARTIFACTS)
        page.open()
        answer = page.ask("广州医保局2023年办公费多少")
        value = answer["metrics"][0][1].split()[0]
        assert driver.execute_script("return innerWidth") == 390
        grid = page.messages()[-1].find_element("css selector", "[data-testid=stDataFrame]")
        page.wait(lambda: driver.execute_script(  # the user scrolls the page to the table (the chat may scroll on)
            "arguments[0].scrollIntoView({block: 'center'}); const r = arguments[0].getBoundingClientRect();"
            "return r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight;", grid),
            timeout=30, message="the table does not fit the phone's screen")
        page.wait(lambda: any("办公费" in row for row in page.grid_rows(grid)), timeout=30,
                  message="the cited row is not among the rows the table draws")
        cited = next(row for row in page.grid_rows(grid) if "办公费" in row)
        assert value in cited  # the cited column is drawn too, not scrolled off to the right
        page.screenshot("phone-390.png")
        assert page.english() == []
    finally:
        driver.quit()


def test_an_uploaded_report_is_indexed_and_answered(page, tmp_path):
    """A corpus report with its unit renamed to another place: a new report, not a copy of one."""
    source = next(p for p in sorted(CORPUS.glob("*")) if "广东省吴川市医疗保障局" in p.read_text(encoding="utf-8"))
    upload = tmp_path / "化州市医疗保障局2024年部门预算.txt"
    upload.write_text(source.read_text(encoding="utf-8").replace("吴川", "化州"), encoding="utf-8")
    page.open()
    page.expand("上传报告")
    page.upload(upload)
    page.click("加入索引", within="[data-testid=stSidebar]")
    page.wait(lambda: page.idle() and "已加入" in page.visible_text(), message="the upload was not indexed")
    assert "广东省化州市医疗保障局2024年部门预算" in page.visible_text()
    page.screenshot("upload.png")
    answer = page.ask("化州医保局2024年三公经费多少")
    assert answer["metrics"][0][1] == "19.50 万元" and "化州" in answer["body"]
    assert page.english() == []


def test_feedback_and_conversations_survive_a_restart_of_the_app(browser_index):
    first = launch(browser_index, "before-restart")
    driver = chromium()
    try:
        page = ChatPage(driver, first.url, ARTIFACTS)
        page.open()
        page.ask("吴川医保局2024年三公经费多少")
        page.ask("那公务接待费呢")
        page.driver.find_elements("css selector", "[data-testid=stChatMessage] button[aria-label='Thumbs up']")[-1].click()
        comment = page.text_field("补充意见（可选）")
        comment.send_keys("数字清楚")
        comment.send_keys("\n")
        page.wait(lambda: page.idle() and "已记录您的评价和意见" in page.message_texts()[-1], timeout=60)
        address = driver.current_url
        assert "?c=" in address
        first.stop()

        second = launch(browser_index, "after-restart")
        try:
            page.url = second.url
            page.open("/?" + address.split("?", 1)[1])
            page.wait(lambda: len(page.message_texts()) == 4, timeout=60, message="the conversation did not come back")
            turns = page.message_texts()
            assert "吴川医保局2024年三公经费多少" in turns[0] and "19.50" in turns[1]
            assert "1.50" in turns[3] and "已记录您的评价和意见" in turns[3]
            assert page.text_field("补充意见（可选）").get_attribute("value") == "数字清楚"
            conversation = address.split("c=", 1)[1].split("&")[0]
            assert ChatHistory(history_path(browser_index)).feedback(conversation) == {1: Feedback(1, "数字清楚")}
            page.screenshot("after-restart.png")
            page.open()  # a new conversation: the old one is listed in the sidebar
            page.expand("历史对话")
            assert "吴川医保局2024年三公经费多少（2 问）" in page.visible_text()
        finally:
            second.stop()
    finally:
        driver.quit()


def test_the_server_logs_are_clean():
    """No traceback, no file-watcher noise, no dataframe that Arrow could not take, in any server's log."""
    assert SERVERS, "run with the other tests of this module"
    for server in SERVERS:
        assert server.log_problems() == [], server.log
