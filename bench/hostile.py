#!/usr/bin/env python3
"""Writes content folders that once took quadratic time, for timing a release build by hand.

    bench/hostile.py OUT N      # OUT/<case>/ for every case, each about N units large
    time .build/release/briefing check --content OUT/<case>
"""
import os
import sys

out, n = sys.argv[1], int(sys.argv[2])

PERSON = "---\nname: Alice Smith\n---\n"
ARTICLE = "---\ntitle: Long\ndate: 2025-01-02\n---\n"


def case(name, files):
    for path, text in files.items():
        full = os.path.join(out, name, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)


base = {"briefing.yml": "title: Hostile\n", "people/alice-smith.md": PERSON}
# n unmatched openings of a wikilink, then one closing at the end.
case("openings", {**base, "issues/x.md": "---\ntitle: X\n---\n" + "[[" * n + " ]]\n"})
# n wikilinks on one line.
case("wikilinks", {**base, "issues/x.md": "---\ntitle: X\n---\n" + "[[Alice Smith]] " * n + "\n"})
# n nested brackets.
case("nested", {**base, "articles/a.md": ARTICLE + "[" * n + "Alice Smith" + "]" * n + "\n"})
# A Markdown table in one paragraph: n cells.
case("table", {**base, "articles/a.md": ARTICLE + "| a | b |\n|---|---|\n" + "| Alice Smith | said |\n" * n})
# One paragraph of plain text: n sentences.
case("paragraph", {**base, "articles/a.txt": ARTICLE + "Alice Smith said so on Monday. " * n + "\n"})
# One Markdown paragraph of n sentences without a line break.
case("markdown", {**base, "articles/a.md": ARTICLE + "Alice Smith said so on Monday. " * n + "\n"})
