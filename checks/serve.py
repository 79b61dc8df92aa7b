#!/usr/bin/env python3
"""Browser test of `briefing serve`, in headless Chromium through Selenium.

Serves a copy of the bundled content, opens an article, edits it on disk and waits for the page
to reload with the new text; breaks the YAML front matter of a note and waits for the error panel
over the last good page; fixes it and waits for the panel to go. No console error is allowed on
the way, the panel must pass axe-core (serious and critical), and Ctrl-C must stop the server.
Usage: checks/serve.py BRIEFING_BINARY
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import browser  # noqa: E402

ARTICLE = "articles/iwaya-heads-to-washington"
NOTE = "people/pete-hegseth.md"


def start(exe, work):
    """Starts `briefing serve` on a free port; returns the process and the front page's address."""
    process = subprocess.Popen(
        [exe, "serve", "--content", os.path.join(work, "content"), "--templates", "templates", "--port", "0"],
        stdout=subprocess.PIPE, stderr=open(os.path.join(work, "serve.log"), "w"), text=True)
    line = process.stdout.readline()
    if not line.startswith("serving "):
        process.kill()
        sys.exit(f"FAIL serve did not start: {line!r}; {open(os.path.join(work, 'serve.log')).read()}")
    return process, line.split()[1]


def main():
    exe = sys.argv[1]
    work = tempfile.mkdtemp(prefix="briefing-serve-check-")
    shutil.copytree("content", os.path.join(work, "content"))
    process, url = start(exe, work)
    driver = browser()
    failures = []

    def fail(text):
        print("FAIL", text)
        failures.append(text)

    def console_errors(step):
        for entry in driver.get_log("browser"):
            if entry.get("level") == "SEVERE":
                fail(f"{step}: console error: {entry.get('message')}")

    def wait(step, condition, seconds=15):
        try:
            WebDriverWait(driver, seconds, poll_frequency=0.05).until(lambda d: condition())
            return True
        except Exception:
            fail(f"{step}: not seen within {seconds} s")
            return False

    def reloaded():
        # Set before each change: a reload, not a patch of the page, clears it.
        return driver.execute_script("return window.briefingCheckMark === undefined")

    def mark():
        driver.execute_script("window.briefingCheckMark = 1")

    def panel():
        return driver.find_elements(By.ID, "briefing-build-errors")

    try:
        driver.set_window_size(1280, 900)
        driver.get(url + ARTICLE + ".html")
        article = os.path.join(work, "content", ARTICLE + ".txt")
        original = open(article, encoding="utf-8").read()
        if "Iwaya" not in driver.find_element(By.TAG_NAME, "main").text:
            fail("the article did not load")
        console_errors("first load")

        # An edit to the article: the page reloads by itself with the new text.
        mark()
        open(article, "w", encoding="utf-8").write(original + "\nThe minister packed a spare umbrella.\n")
        if wait("edited article", lambda: reloaded() and "spare umbrella" in driver.find_element(By.TAG_NAME, "main").text):
            print("edit: the page reloaded with the new text")
        console_errors("after the edit")

        # Broken front matter in a note: the last good page, under a panel naming the file.
        note = os.path.join(work, "content", NOTE)
        good = open(note, encoding="utf-8").read()
        mark()
        open(note, "w", encoding="utf-8").write(good.replace("name: Pete Hegseth", "name: [Pete Hegseth", 1))
        if wait("error panel", lambda: reloaded() and panel()):
            text = panel()[0].text
            if NOTE not in text or "YAML" not in text:
                fail(f"the panel does not name the note and the problem: {text!r}")
            if "spare umbrella" not in driver.find_element(By.TAG_NAME, "main").text:
                fail("the last good page is not shown under the panel")
            print("broken note: the panel shows", text.splitlines()[-1])
            axe = Axe(driver)
            axe.inject()
            for violation in axe.run()["violations"]:
                if violation.get("impact") in ("serious", "critical"):
                    fail(f"error panel: {violation['id']} ({violation['impact']}): {violation['help']}")
        console_errors("with the error panel")

        # Fixed: the panel goes.
        mark()
        open(note, "w", encoding="utf-8").write(good)
        if wait("panel removed", lambda: reloaded() and not panel() and driver.find_elements(By.TAG_NAME, "main")):
            print("fixed note: the panel is gone")
        console_errors("after the fix")
    finally:
        driver.quit()
        process.send_signal(signal.SIGINT)
        try:
            status = process.wait(timeout=10)
            if status != 0:
                fail(f"serve exited {status} on Ctrl-C")
        except subprocess.TimeoutExpired:
            process.kill()
            fail("serve did not stop within 10 s of Ctrl-C")
        if failures:
            # What the server said, for whoever reads the failure.
            with open(os.path.join(work, "serve.log"), encoding="utf-8", errors="replace") as log:
                print("serve log:\n" + log.read()[-4000:])
        shutil.rmtree(work, ignore_errors=True)

    if failures:
        print(f"serve: {len(failures)} failures")
        sys.exit(1)
    print("serve: reload on edit, error panel and its removal, no console errors")


if __name__ == "__main__":
    main()
