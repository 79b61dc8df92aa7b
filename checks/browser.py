#!/usr/bin/env python3
"""Browser test of a built site, in headless Chromium through Selenium.

Serves the site over HTTP from a sub-path (/briefing/), opens the front page, follows links to a
person, an issue, an event, an article and the timeline, and searches (when the site has a
Pagefind index). At 375 px and 1280 px wide, and in the light and dark schemes, every page must
log no console error, be no wider than the viewport, and have no serious or critical axe-core
violation. With --screenshots DIR it saves a PNG of each page at both widths.
"""
import argparse
import functools
import http.server
import os
import shutil
import socketserver
import sys
import tempfile
import threading
import time

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

WIDTHS = (375, 1280)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site):
    """Serves `site` at http://127.0.0.1:PORT/briefing/ from a temporary root."""
    root = tempfile.mkdtemp(prefix="briefing-serve-")
    shutil.copytree(site, os.path.join(root, "briefing"))
    handler = functools.partial(QuietHandler, directory=root)
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/briefing/", root


def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service("/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else Service()
    return webdriver.Chrome(service=service, options=options)


class Run:
    def __init__(self, driver, screenshots):
        self.driver = driver
        self.screenshots = screenshots
        self.failures = []
        self.checked = 0

    def fail(self, text):
        print("FAIL", text)
        self.failures.append(text)

    def set_width(self, width):
        self.driver.set_window_size(width, 900)
        inner = self.driver.execute_script("return window.innerWidth")
        # The window includes browser chrome on some platforms: size the viewport exactly.
        if inner != width:
            self.driver.set_window_size(width + (width - inner), 900)

    def scheme(self, dark):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})

    def check_page(self, name, width):
        driver = self.driver
        url = driver.current_url
        for entry in driver.get_log("browser"):
            if entry.get("level") == "SEVERE":
                self.fail(f"{name} @{width}: console error: {entry.get('message')}")
        scroll = driver.execute_script("return document.documentElement.scrollWidth")
        inner = driver.execute_script("return window.innerWidth")
        if scroll > inner:
            self.fail(f"{name} @{width}: page is {scroll}px wide in a {inner}px viewport ({url})")
        for dark in (False, True):
            self.scheme(dark)
            axe = Axe(driver)
            axe.inject()
            results = axe.run()
            for violation in results["violations"]:
                if violation.get("impact") in ("serious", "critical"):
                    targets = [node["target"] for node in violation["nodes"]][:3]
                    self.fail(f"{name} @{width} {'dark' if dark else 'light'}: {violation['id']} "
                              f"({violation['impact']}): {violation['help']} {targets}")
        self.scheme(False)
        if self.screenshots:
            height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 4000)")
            driver.set_window_size(driver.get_window_size()["width"], max(900, height))
            driver.execute_script("window.scrollTo(0, 0)")
            driver.save_screenshot(os.path.join(self.screenshots, f"{name}-{width}.png"))
            driver.set_window_size(driver.get_window_size()["width"], 900)
        self.checked += 1

    def follow(self, selector, description):
        links = self.driver.find_elements(By.CSS_SELECTOR, selector)
        if not links:
            self.fail(f"no link to {description} ({selector}) on {self.driver.current_url}")
            return False
        href = links[0].get_attribute("href")
        self.driver.get(href)
        return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--screenshots")
    args = parser.parse_args()
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
    server, base, root = serve(args.site)
    driver = browser()
    run = Run(driver, args.screenshots)
    try:
        for width in WIDTHS:
            run.set_width(width)
            driver.get(base + "index.html")
            driver.get_log("browser")
            run.check_page("front", width)
            for name, selector in (
                ("person", "main a[href^='people/']:not([href='people/index.html'])"),
                ("issue", "main a[href^='issues/']:not([href='issues/index.html'])"),
                ("event", "main a[href^='events/']:not([href='events/index.html'])"),
                ("article", "main a[href^='articles/']:not([href='articles/index.html'])"),
                ("timeline", "nav a[href='timeline.html']"),
            ):
                driver.get(base + "index.html")
                if run.follow(selector, name):
                    run.check_page(name, width)
            if os.path.isdir(os.path.join(args.site, "pagefind")):
                driver.get(base + "index.html")
                if run.follow("nav a[href='search.html']", "search"):
                    box = WebDriverWait(driver, 10).until(
                        EC.presence_of_element_located((By.CSS_SELECTOR, "#search input")))
                    box.send_keys("Nakatani")
                    try:
                        WebDriverWait(driver, 10).until(
                            EC.presence_of_element_located((By.CSS_SELECTOR, ".pagefind-ui__result-link")))
                        results = driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")
                        if not any("gen-nakatani" in (r.get_attribute("href") or "") for r in results):
                            run.fail(f"search for Nakatani did not find his page @{width}")
                    except Exception:
                        run.fail(f"search for Nakatani showed no results @{width}")
                    run.check_page("search", width)
            else:
                print("browser: no pagefind/ index in the site, search not tested")
    finally:
        driver.quit()
        server.shutdown()
        shutil.rmtree(root, ignore_errors=True)
    print(f"browser: {run.checked} page views checked at {', '.join(map(str, WIDTHS))} px, light and dark; "
          f"{len(run.failures)} failure(s)")
    sys.exit(1 if run.failures else 0)


if __name__ == "__main__":
    main()
