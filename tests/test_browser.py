"""End to end: `streamlit run` on a free loopback port, driven in headless Chromium."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ARTIFACTS = ROOT / "artifacts"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(full_index):
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        pytest.fail("chromium and chromium-driver are missing: scripts/test.sh installs them")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ}, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("streamlit did not start: " + process.stdout.read().decode(errors="replace")[-2000:])
    yield url
    process.terminate()
    process.wait(timeout=20)


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,1000"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def ask_in_browser(url: str, question: str, expected: str, screenshot: str, then: str | None = None) -> float:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    driver = browser()
    try:
        started = time.perf_counter()
        driver.get(url)
        box = WebDriverWait(driver, 90).until(
            expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']")))
        box.send_keys(question)
        box.send_keys(Keys.ENTER)
        WebDriverWait(driver, 90).until(lambda d: any(
            expected in element.text for element in d.find_elements(By.CSS_SELECTOR, "[data-testid='stChatMessage']")))
        elapsed = time.perf_counter() - started
        if then:  # let the rest of the answer (sources, table, chart) render before the picture
            WebDriverWait(driver, 60).until(lambda d: then in d.find_element(By.TAG_NAME, "body").text)
            time.sleep(1.5)
        ARTIFACTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / screenshot))
        return elapsed
    finally:
        driver.quit()


def test_a_question_typed_in_the_browser_gets_its_cited_answer(server):
    elapsed = ask_in_browser(server, "江门医保局2024年三公经费多少", "17.56", "chat-figure.png", then="下载此表 CSV")
    assert (ARTIFACTS / "chat-figure.png").stat().st_size > 10_000
    print(f"first answer {elapsed:.1f} s after opening the page")


def test_two_sessions_asking_at_once_both_get_answers(server):
    with ThreadPoolExecutor(max_workers=2) as pool:
        first = pool.submit(ask_in_browser, server, "广州医保局2023年三公经费多少", "85.72", "session-a.png")
        second = pool.submit(ask_in_browser, server, "吴川医保局的机构设置", "内设机构", "session-b.png")
        assert first.result(timeout=240) > 0 and second.result(timeout=240) > 0
