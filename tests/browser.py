"""The app as people meet it: `streamlit run` on a free loopback port, driven in headless Chromium.

Shared by tests/test_browser.py and benchmarks/app_cold_bench.py. What a page shows is read from
the page as rendered (the text people see, the data grid's accessible cells), with explicit
waits on the app's own state, never with fixed sleeps.
"""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ANSWER_TIMEOUT = 240  # an upload's rebuild or the model's first load, on 2 shared cores
# Streamlit's own English texts that would show if a label or placeholder were left unset.
STREAMLIT_ENGLISH = ("Choose options", "Select all", "Running", "Drag and drop", "Browse files", "No results",
                     "Deploy", "Press Enter", "Clear all", "Limit ", "per file", "Stop", "Rerun", "Show more")
# ASCII words a Chinese page may show: formats and units.
ALLOWED_WORDS = {"CSV", "Markdown", "MB", "KB", "txt", "md", "pdf", "TXT", "MD", "PDF"}
# Problems a server log must not show.
LOG_PROBLEMS = ("Traceback", "Inotify", "ArrowInvalid", "Serialization of dataframe to Arrow table was unsuccessful")

VISIBLE_TEXT = """
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const parts = [];
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const element = node.parentElement;
  if (!element || element.closest('[data-testid=stIconMaterial], script, style, noscript')) continue;
  const box = element.getBoundingClientRect();  // screen-reader-only text is clipped to a pixel
  if (box.width > 1 && box.height > 1 && element.checkVisibility({visibilityProperty: true, opacityProperty: true})
      && getComputedStyle(element).fontSize !== '0px') parts.push(node.textContent);
}
for (const field of document.querySelectorAll('[placeholder]')) parts.push(field.getAttribute('placeholder'));
return parts.join('\\n');
"""

# What one chat message shows, by kind of element (collapsed source expanders show only their label).
MESSAGE_PARTS = """
const message = arguments[0];
const texts = selector => Array.from(message.querySelectorAll(selector)).map(e => e.textContent.trim());
const label = e => { const copy = e.cloneNode(true); copy.querySelectorAll('[data-testid=stIconMaterial]').forEach(i => i.remove());
  return copy.textContent.trim(); };
const outside = selector => Array.from(message.querySelectorAll(selector))
  .filter(e => !e.closest('[data-testid=stExpanderDetails]')).map(e => e.innerText.trim());
return {
  text: message.innerText,
  metrics: Array.from(message.querySelectorAll('[data-testid=stMetric]')).map(m => [
    m.querySelector('[data-testid=stMetricLabel]').innerText.trim(), m.querySelector('[data-testid=stMetricValue]').innerText.trim()]),
  body: outside('[data-testid=stMarkdown]').join('\\n'),
  infos: outside('[data-testid=stAlertContentInfo]'),
  warnings: outside('[data-testid=stAlertContentWarning]'),
  captions: outside('[data-testid=stCaptionContainer]'),
  points: outside('li'),
  marked: outside('mark'),
  sources: Array.from(message.querySelectorAll('[data-testid=stExpander] summary')).map(label),
  charts: message.querySelectorAll('[data-testid=stVegaLiteChart]').length,
  chart_labels: texts('[data-testid=stVegaLiteChart] .role-axis-label text').filter(t => !/^-?[0-9,.]+$/.test(t)),
  chart_values: texts('[data-testid=stVegaLiteChart] .role-mark.mark-text text'),
};
"""

WITHOUT_ICONS = """
const copy = arguments[0].cloneNode(true);
copy.querySelectorAll('[data-testid=stIconMaterial]').forEach(icon => icon.remove());
return copy.textContent.trim();
"""

# The data grid's accessible table: only the cells the grid draws, i.e. the ones in view.
GRID_ROWS = """
const grid = arguments[0];
return Array.from(grid.querySelectorAll('table tbody tr')).map(row => Array.from(row.querySelectorAll('td')).map(td => td.innerText.trim()));
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class AppServer:
    url: str
    process: subprocess.Popen
    log: Path

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)

    def log_problems(self) -> list[str]:
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return [line for line in text.splitlines() if any(problem in line for problem in LOG_PROBLEMS)]


def start_server(index_dir: Path, log: Path, timeout: float = 90) -> AppServer:
    """`streamlit run app.py` on the given index, its output in `log`, once it answers its health check."""
    port = free_port()
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port)],
            cwd=ROOT, env={**os.environ, "RAG_INDEX_DIR": str(index_dir)}, stdout=output, stderr=subprocess.STDOUT)
    server = AppServer(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2).status == 200:
                return server
        except OSError:
            time.sleep(0.2)  # polling interval, not an assertion
    server.stop()
    raise RuntimeError("streamlit did not start: " + log.read_text(errors="replace")[-2000:])


def chromium(width: int = 1400, height: int = 1000):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--window-size={width},{height}", "--lang=zh-CN"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    if width < 500:  # narrower than a desktop window can be: a phone's screen, emulated
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 2, "mobile": True})
    return driver


class ChatPage:
    """One browser session of the app: what a user does (type, click, pick, upload) and sees."""

    def __init__(self, driver, url: str, artifacts: Path | None = None):
        self.driver, self.url, self.artifacts = driver, url, artifacts

    # ---------------------------------------------------------------- waiting
    def wait(self, condition, timeout: float = ANSWER_TIMEOUT, message: str = ""):
        from selenium.common.exceptions import JavascriptException, StaleElementReferenceException
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.driver, timeout, poll_frequency=0.2,
                             ignored_exceptions=(StaleElementReferenceException, JavascriptException)
                             ).until(lambda _: condition(), message)

    def idle(self) -> bool:
        state = self.driver.execute_script(
            "const app = document.querySelector('[data-testid=stApp]');"
            "return app && app.getAttribute('data-test-script-state');")
        return state == "notRunning"

    def open(self, query: str = "") -> None:
        self.driver.get(self.url + query)
        self.wait(lambda: self.idle() and "问答" in self.visible_text(), message="the page did not load")

    # ---------------------------------------------------------------- reading
    def visible_text(self) -> str:
        return self.driver.execute_script(VISIBLE_TEXT)

    def messages(self):
        from selenium.webdriver.common.by import By

        return self.driver.find_elements(By.CSS_SELECTOR, "[data-testid='stChatMessage']")

    def message_texts(self) -> list[str]:
        return self.driver.execute_script(
            "return Array.from(document.querySelectorAll('[data-testid=stChatMessage]')).map(m => m.innerText);")

    def answer(self, position: int = -1) -> dict:
        """What the assistant's message shows: metrics, body, notes, captions, list points, marks, sources."""
        return self.driver.execute_script(MESSAGE_PARTS, self.messages()[position])

    def english(self) -> list[str]:
        """Lines of English interface text the page shows (Streamlit's own strings, any ASCII word but formats)."""
        lines = self.visible_text().splitlines()
        return sorted({line.strip() for line in lines
                       if set(re.findall(r"(?<![\w.])[A-Za-z]{3,}(?!\w)", line)) - ALLOWED_WORDS
                       or any(phrase in line for phrase in STREAMLIT_ENGLISH)})

    def grid_rows(self, grid) -> list[list[str]]:
        return self.driver.execute_script(GRID_ROWS, grid)

    # ---------------------------------------------------------------- doing
    def ask(self, question: str) -> dict:
        """Type a question, press Enter, wait for its whole answer (the time it took is its last line)."""
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys

        before = len(self.message_texts())
        box = self.wait(lambda: self.driver.find_element(By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']"))
        box.send_keys(question)
        box.send_keys(Keys.ENTER)
        return self.wait_for_answer(before, question)

    def ask_example(self, label: str, within: str = "[data-testid=stSidebar]") -> dict:
        """Click an example question and wait for its answer. On loaded machines a click that lands
        while the sidebar is still redrawing can be lost; the user then clicks again, and so does this
        (only once the app is idle and the question has not been asked)."""
        from selenium.common.exceptions import TimeoutException

        before = len(self.message_texts())

        def asked() -> bool:
            return any(label in text for text in self.message_texts()[before:])

        for _ in range(3):
            self.click(label, within)
            try:
                self.wait(asked, timeout=30)
                break
            except TimeoutException:  # the click was lost
                if not self.idle():
                    self.wait(asked, message=f"the example {label} was not asked")
                    break
        return self.wait_for_answer(before, label)

    def wait_for_answer(self, before: int, question: str | None = None) -> dict:
        """The answer to the question just asked: the user's bubble with that question is the one
        before it (while the app reruns, the previous turn's bubbles may still be on the page)."""
        from selenium.webdriver.common.by import By

        self.wait(lambda: self.idle() and len(texts := self.message_texts()) >= before + 2 and "用时" in texts[-1]
                  and (question is None or question in texts[-2])
                  and not self.messages()[-1].find_elements(By.CSS_SELECTOR, "[data-testid=stSkeleton]"),
                  message="no answer")  # a skeleton: a part still loading (markdown with marks loads lazily)
        return self.settled_answer()

    def settled_answer(self) -> dict:
        """The last answer once two reads in a row agree: the page may still be drawing its parts
        (a metric, a chart) after the script has finished."""
        seen: list[dict] = []

        def unchanged() -> dict | None:
            if not self.idle():
                return None
            seen.append(self.answer())
            return seen[-1] if len(seen) > 1 and seen[-1] == seen[-2] else None

        return self.wait(unchanged, timeout=60, message="the answer kept changing")

    def button(self, label: str, within: str = "body"):
        """The button showing exactly this text."""
        from selenium.webdriver.common.by import By

        def find():
            for element in self.driver.find_elements(By.CSS_SELECTOR, f"{within} button"):
                if element.text.strip() == label and element.is_displayed():
                    return element
            return None

        return self.wait(find, timeout=60, message=f"no button {label}")

    def click(self, label: str, within: str = "body") -> None:
        """Click the button once it takes clicks (an expander that is still opening does not yet)."""
        from selenium.common.exceptions import ElementClickInterceptedException, ElementNotInteractableException

        def clicked() -> bool:
            element = self.button(label, within)
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
            try:
                element.click()
            except (ElementNotInteractableException, ElementClickInterceptedException):
                return False
            return True

        self.wait(clicked, timeout=60, message=f"the button {label} takes no click")

    def expand(self, label: str) -> None:
        """Open the (sidebar or page) expander whose label starts with this text."""
        from selenium.webdriver.common.by import By

        def summary():
            for element in self.driver.find_elements(By.CSS_SELECTOR, "[data-testid=stExpander] summary"):
                if self.driver.execute_script(WITHOUT_ICONS, element).startswith(label) and element.is_displayed():
                    return element
            return None

        element = self.wait(summary, timeout=60, message=f"no expander {label}")
        details = element.find_element(By.XPATH, "..")
        if details.get_attribute("open") is None:
            element.click()
            self.wait(lambda: details.get_attribute("open") is not None, timeout=30)

    def upload(self, path, within: str = "[data-testid=stSidebar]") -> None:
        """Choose this file in the file uploader. Streamlit draws the uploader's input only after its
        expander has opened, a moment later on a loaded machine, so wait for it."""
        from selenium.webdriver.common.by import By

        def field():
            return next(iter(self.driver.find_elements(By.CSS_SELECTOR, f"{within} input[type=file]")), None)

        self.wait(field, timeout=60, message="no file uploader").send_keys(str(path))

    def text_field(self, label: str):
        """The text input under this label."""
        return self.wait(lambda: self.driver.execute_script(
            "return Array.from(document.querySelectorAll('[data-testid=stTextInput]'))"
            ".filter(f => f.querySelector('label') && f.querySelector('label').innerText.trim() === arguments[0])"
            ".map(f => f.querySelector('input'))[0];", label), timeout=60, message=f"no text field {label}")

    def choose(self, option: str) -> None:
        """Click the radio option showing this text."""
        from selenium.webdriver.common.by import By

        self.wait(lambda: self.driver.find_element(By.XPATH, f"//label[.//p[text()='{option}']]"), timeout=60).click()

    def pick(self, label: str, value: str) -> None:
        """Choose a value in the multiselect labelled `label` and wait for the page to take it."""
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys

        field = self.wait(lambda: self.driver.find_element(By.CSS_SELECTOR, f"input[aria-label='{label}']"))
        field.click()
        field.send_keys(value)
        field.send_keys(Keys.ENTER)
        field.send_keys(Keys.ESCAPE)
        self.wait(lambda: self.idle() and value in self.driver.find_element(
            By.CSS_SELECTOR, "[data-testid=stSidebar]").text, timeout=60)

    def screenshot(self, name: str) -> Path:
        self.artifacts.mkdir(parents=True, exist_ok=True)
        path = self.artifacts / name
        self.driver.save_screenshot(str(path))
        return path
