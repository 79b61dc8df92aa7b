#!/usr/bin/env python3
"""Latency of `briefing serve`: from writing a one-article edit to the changed page returning the
new text over HTTP. Serves a copy of the bundled briefing on a free port, makes EDITS edits to one
article (each a new sentence), and after each write polls the article's page until it holds the
sentence. Prints each time and the median.
Usage: bench/serve-latency.py [BRIEFING_BINARY] [EDITS]
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

ARTICLE = "articles/iwaya-heads-to-washington"


def main():
    exe = sys.argv[1] if len(sys.argv) > 1 else ".build/release/briefing"
    edits = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    work = tempfile.mkdtemp(prefix="briefing-serve-latency-")
    shutil.copytree("content", os.path.join(work, "content"))
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
            connection.request("GET", f"/{ARTICLE}.html")
            return connection.getresponse().read()

        path = os.path.join(work, "content", ARTICLE + ".txt")
        original = open(path, encoding="utf-8").read()
        times = []
        for n in range(edits):
            marker = f"Edit number {n} of the latency run."
            time.sleep(0.3)  # let the previous rebuild settle: each edit is measured on its own
            start = time.perf_counter()
            with open(path, "w", encoding="utf-8") as file:
                file.write(original + "\n" + marker + "\n")
            while marker.encode() not in page():
                if time.perf_counter() - start > 10:
                    sys.exit(f"edit {n}: the page did not change within 10 s")
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
