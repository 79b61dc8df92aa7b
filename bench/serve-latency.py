#!/usr/bin/env python3
"""Latency of `briefing serve`: from writing a one-article edit to the changed page returning the
new text over HTTP. Serves a copy of the bundled briefing (or of CONTENT) on a free port, makes
EDITS edits to one article (ARTICLE, a path inside the content folder; each edit a new sentence),
and after each write polls the article's page until it holds the sentence. Prints each time and
the median.
Usage: bench/serve-latency.py [BRIEFING_BINARY] [EDITS] [CONTENT ARTICLE]
"""
import http.client
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ARTICLE = "articles/iwaya-heads-to-washington.txt"


def main():
    exe = sys.argv[1] if len(sys.argv) > 1 else ".build/release/briefing"
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    content, article = (sys.argv[3], sys.argv[4]) if len(sys.argv) > 4 else ("content", ARTICLE)
    page_path = os.path.splitext(article)[0] + ".html"
    work = tempfile.mkdtemp(prefix="briefing-serve-latency-")
    shutil.copytree(content, os.path.join(work, "content"))
    # Without search: the index is built after each rebuild is served, in the background, and
    # would only compete for the two cores.
    process = subprocess.Popen(
        [exe, "serve", "--content", os.path.join(work, "content"), "--templates", "templates", "--port", "0",
         "--no-search"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = process.stdout.readline()
        if not line.startswith("serving "):
            sys.exit(f"serve did not start: {line!r}")
        port = int(line.split()[1].rstrip("/").rsplit(":", 1)[1])
        connection = http.client.HTTPConnection("127.0.0.1", port)

        def page():
            connection.request("GET", "/" + page_path)
            return connection.getresponse().read()

        path = os.path.join(work, "content", article)
        original = open(path, encoding="utf-8").read()
        times = []
        for n in range(edits):
            marker = f"Edit number {n} of the latency run."
            time.sleep(0.3 if len(times) == 0 or times[-1] < 1000 else 2)  # each edit on its own
            start = time.perf_counter()
            with open(path, "w", encoding="utf-8") as file:
                file.write(original + "\n" + marker + "\n")
            while marker.encode() not in page():
                time.sleep(0.002)  # leave the cores to the rebuild
                if time.perf_counter() - start > 120:
                    sys.exit(f"edit {n}: the page did not change within 120 s")
            times.append((time.perf_counter() - start) * 1000)
        print("edit to new page over HTTP: " + " ".join(f"{t:.0f}" for t in times) + " ms")
        print(f"serve: median {statistics.median(times):.0f} ms over {edits} edits "
              f"(min {min(times):.0f}, max {max(times):.0f})")
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
