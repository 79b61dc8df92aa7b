#!/usr/bin/env python3
"""Checks a built site's machine-readable files: the Atom feed, the sitemap (when present),
data/briefing.json and events.ics. Exits 1 with one line per problem."""
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:\S+$")

problems = []


def problem(text):
    problems.append(text)


def check_atom(path):
    root = ET.parse(path).getroot()
    if root.tag != ATOM + "feed":
        return problem(f"{path}: root is {root.tag}, not an Atom feed")
    for name in ("id", "title", "updated"):
        if root.find(ATOM + name) is None:
            problem(f"{path}: feed has no <{name}>")
    if root.find(ATOM + "author") is None:
        problem(f"{path}: feed has no <author>")
    if not RFC3339.match(root.findtext(ATOM + "updated", "")):
        problem(f"{path}: feed <updated> is not an RFC 3339 date-time")
    if not IRI.match(root.findtext(ATOM + "id", "")):
        problem(f"{path}: feed <id> is not an IRI")
    ids = set()
    entries = root.findall(ATOM + "entry")
    for entry in entries:
        entry_id = entry.findtext(ATOM + "id", "")
        if not IRI.match(entry_id):
            problem(f"{path}: entry id {entry_id!r} is not an IRI")
        if entry_id in ids:
            problem(f"{path}: entry id {entry_id!r} is not unique")
        ids.add(entry_id)
        if not entry.findtext(ATOM + "title"):
            problem(f"{path}: entry {entry_id} has no title")
        if not RFC3339.match(entry.findtext(ATOM + "updated", "")):
            problem(f"{path}: entry {entry_id} <updated> is not an RFC 3339 date-time")
        if entry.find(ATOM + "link") is None and entry.find(ATOM + "content") is None:
            problem(f"{path}: entry {entry_id} has neither link nor content")
    return len(entries)


def check_sitemap(path):
    root = ET.parse(path).getroot()
    if root.tag != SITEMAP + "urlset":
        return problem(f"{path}: root is {root.tag}, not a sitemap urlset")
    locs = [url.findtext(SITEMAP + "loc", "") for url in root.findall(SITEMAP + "url")]
    for loc in locs:
        if not re.match(r"^https?://[^\s]+$", loc):
            problem(f"{path}: <loc> {loc!r} is not an absolute http(s) URL")
    if not locs or len(locs) > 50000:
        problem(f"{path}: {len(locs)} URLs (1 to 50,000 allowed)")
    return len(locs)


def check_json(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("schema", "title", "asOf", "entities", "articles", "timeline"):
        if key not in data:
            problem(f"{path}: no '{key}'")
    if data.get("schema") != 1:
        problem(f"{path}: schema is {data.get('schema')!r}, not 1")
    for entry in data.get("timeline", []):
        if entry.get("precision") not in ("day", "month", "year", "approximate"):
            problem(f"{path}: timeline precision {entry.get('precision')!r}")
    return len(data.get("entities", []))


def check_ics(path):
    text = path.read_bytes().decode("utf-8")
    lines = text.split("\r\n")
    if lines[0] != "BEGIN:VCALENDAR" or lines[-2] != "END:VCALENDAR" or lines[-1] != "":
        problem(f"{path}: not a CRLF iCalendar file")
    for number, line in enumerate(lines, 1):
        if len(line.encode()) > 75:
            problem(f"{path}:{number}: line longer than 75 octets")
    if text.count("BEGIN:VEVENT") != text.count("END:VEVENT"):
        problem(f"{path}: unbalanced VEVENT")
    return text.count("BEGIN:VEVENT")


def main():
    site = Path(sys.argv[1])
    counts = [f"{check_atom(site / 'feed.xml')} feed entries"]
    if (site / "sitemap.xml").exists():
        counts.append(f"{check_sitemap(site / 'sitemap.xml')} sitemap URLs")
    elif len(sys.argv) > 2 and sys.argv[2] == "--sitemap":
        problem(f"{site}: no sitemap.xml")
    counts.append(f"{check_json(site / 'data' / 'briefing.json')} entities in briefing.json")
    counts.append(f"{check_ics(site / 'events.ics')} calendar events")
    for text in problems:
        print(text)
    print(f"feeds: {', '.join(counts)}; {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
