#!/usr/bin/env python3
"""Writes a synthetic briefing corpus for `make bench`, and the same corpus as a Hugo site.

Deterministic for a given seed: articles of about 800 words with realistic mentions (full names,
family names after titles, issue aliases, event names) and dates in the forms the timeline reads.
"""
import argparse
import os
import random
import shutil

FIRST = ("Akira Hana Kenji Yui Takumi Emi Daisuke Mei Haruto Rin Sota Aoi Riku Yuna Kaito Sakura Ren Mio "
         "James Mary Robert Linda Michael Susan David Karen Richard Nancy Thomas Lisa Charles Betty Daniel "
         "Sandra Matthew Ashley Anthony Donna Mark Carol Paul Emily Steven Michelle Andrew Amanda Joshua Melissa "
         "Kevin Laura Brian Rebecca Min Ji Hyun Seo Wei Lan Arjun Priya Rahul Anjali").split()
LAST = ("Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki "
        "Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto Ishikawa Ogawa "
        "Okada Goto Hasegawa Murakami Kondo Ishii Saito Sakamoto Endo Aoki Fujii Nishimura Fukuda Ota Miura "
        "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez "
        "Wilson Anderson Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez "
        "Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson "
        "Baker Hall Rivera Campbell Mitchell Carter Roberts Kim Park Choi Chen Wang Zhang Liu Singh Kumar "
        "Patel Shah Gupta Mehta Rao Iyer Das Bose Sen Khan Ali Ahmed Rahman Hussain Okafor Mensah").split()
TITLES = ["Prime Minister", "Foreign Minister", "Defense Minister", "Secretary", "Senator", "Ambassador",
          "President", "Minister", "Governor", "Mr."]
TOPICS = ("tariff trade alliance deterrence supply energy semiconductor shipbuilding fisheries maritime cyber "
          "space climate nuclear missile budget tax subsidy investment export import currency labor "
          "migration food water rail port grid data privacy telecom rare-earth steel auto textile").split()
NOUNS = ("talks officials government ministry allies partners region economy policy market agreement "
         "framework dialogue pressure concerns cooperation strategy security stability forces commitment "
         "leaders negotiations coalition budget tensions reforms proposal statement meeting").split()
VERBS = ("said noted warned stressed argued suggested expected pledged urged announced confirmed signaled "
         "proposed rejected welcomed questioned described emphasized outlined highlighted").split()
ADJ = ("bilateral regional strategic economic fragile renewed cautious broader steady uncertain critical "
       "significant long-standing pivotal transactional robust").split()
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def words(rng, n):
    out = []
    for _ in range(n):
        pick = rng.random()
        out.append(rng.choice(NOUNS if pick < 0.4 else ADJ if pick < 0.6 else TOPICS if pick < 0.8 else VERBS))
    return " ".join(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="bench/out")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--issues", type=int, default=100)
    parser.add_argument("--words", type=int, default=800)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    content = os.path.join(args.out, "content")
    hugo = os.path.join(args.out, "hugo")
    for folder in (content, hugo):
        shutil.rmtree(folder, ignore_errors=True)
    for sub in ("articles", "people", "events", "issues"):
        os.makedirs(os.path.join(content, sub))
    os.makedirs(os.path.join(hugo, "content", "articles"))
    os.makedirs(os.path.join(hugo, "layouts", "_default"))

    pairs = set()
    while len(pairs) < args.people:
        pairs.add((rng.choice(FIRST), rng.choice(LAST)))
    people = sorted(pairs)
    for first, last in people:
        slug = f"{first}-{last}".lower()
        with open(os.path.join(content, "people", slug + ".md"), "w") as f:
            f.write(f"---\nname: {first} {last}\nsummary: {words(rng, 12).capitalize()}.\n---\n")

    issues = []
    used = set()
    while len(issues) < args.issues:
        a, b = rng.choice(TOPICS), rng.choice(NOUNS)
        if (a, b) in used:
            continue
        used.add((a, b))
        issues.append(f"{a} {b}")
    for name in issues:
        slug = name.replace(" ", "-")
        with open(os.path.join(content, "issues", slug + ".md"), "w") as f:
            f.write(f"---\ntitle: {name.capitalize()}\naliases: [{name}]\nstatus: open\n---\n")

    events = []
    for i in range(args.events):
        year = rng.choice([2023, 2024, 2025])
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        name = f"{rng.choice(TOPICS).capitalize()} Summit {i + 1}"
        who = rng.sample(people, 2)
        events.append((name, year, month, day))
        with open(os.path.join(content, "events", f"event-{i + 1}.md"), "w") as f:
            f.write(f"---\ntitle: {name}\ndate: {year}-{month:02d}-{day:02d}\n"
                    f"people: [{who[0][0]} {who[0][1]}, {who[1][0]} {who[1][1]}]\n"
                    f"issues: [{rng.choice(issues)}]\n---\n")

    with open(os.path.join(content, "briefing.yml"), "w") as f:
        f.write("title: Benchmark briefing\nlanguage: en\n")

    total_bytes = 0
    for i in range(args.articles):
        year = rng.choice([2023, 2024, 2025])
        month = rng.randint(1, 12)
        day = rng.randint(1, 28)
        cast = rng.sample(people, 4)
        topics = rng.sample(issues, 2)
        event = rng.choice(events)
        paragraphs = []
        count = 0
        while count < args.words:
            sentences = []
            for _ in range(rng.randint(3, 5)):
                roll = rng.random()
                first, last = rng.choice(cast)
                if roll < 0.15:
                    s = f"{first} {last} {rng.choice(VERBS)} that the {words(rng, 8)}."
                elif roll < 0.30:
                    s = f"{rng.choice(TITLES)} {last}'s {words(rng, 10)}."
                elif roll < 0.42:
                    s = f"The {rng.choice(topics)} {words(rng, 9)} remained on the agenda."
                elif roll < 0.48:
                    s = f"Officials met on {MONTHS[month - 1]} {rng.randint(1, 28)} to discuss the {event[0]}."
                elif roll < 0.52:
                    s = f"On {rng.choice(WEEKDAYS)}, {last} {rng.choice(VERBS)} the {words(rng, 6)}."
                else:
                    s = f"{words(rng, rng.randint(12, 20)).capitalize()}."
                sentences.append(s)
                count += len(s.split())
            paragraphs.append(" ".join(sentences))
        title = f"{rng.choice(ADJ).capitalize()} {rng.choice(TOPICS)} {rng.choice(NOUNS)} {i + 1}"
        body = "\n\n".join(paragraphs) + "\n"
        total_bytes += len(body.encode())
        date = f"{year}-{month:02d}-{day:02d}"
        with open(os.path.join(content, "articles", f"article-{i + 1}.md"), "w") as f:
            f.write(f"---\ntitle: {title}\ndate: {date}\n---\n{body}")
        # Hugo gets the same article, with its people and issues as taxonomy terms.
        names = ", ".join(f'"{a} {b}"' for a, b in cast)
        terms = ", ".join(f'"{t}"' for t in topics)
        with open(os.path.join(hugo, "content", "articles", f"article-{i + 1}.md"), "w") as f:
            f.write(f"---\ntitle: \"{title}\"\ndate: {date}\npeople: [{names}]\nissues: [{terms}]\n---\n{body}")

    with open(os.path.join(hugo, "hugo.toml"), "w") as f:
        f.write('baseURL = "https://example.org/"\ntitle = "Benchmark briefing"\n'
                'disableKinds = ["RSS", "sitemap", "robotsTXT"]\n'
                '[taxonomies]\n  person = "people"\n  issue = "issues"\n')
    layouts = {
        "baseof.html": '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
                       '</head><body><main>{{ block "main" . }}{{ end }}</main></body></html>',
        "single.html": '{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Date.Format "2 January 2006" }}</p>'
                       '{{ .Content }}<ul>{{ range .GetTerms "people" }}<li><a href="{{ .RelPermalink }}">'
                       '{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}',
        "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
                     '{{ .Title }}</a></li>{{ end }}</ul>{{ end }}',
        "term.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
                     '{{ .Title }}</a></li>{{ end }}</ul>{{ end }}',
        "taxonomy.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
                         '{{ .Title }}</a></li>{{ end }}</ul>{{ end }}',
    }
    for name, text in layouts.items():
        with open(os.path.join(hugo, "layouts", "_default", name), "w") as f:
            f.write(text)
    with open(os.path.join(args.out, "article-bytes"), "w") as f:
        f.write(str(total_bytes))
    print(f"corpus: {args.articles} articles ({total_bytes / 1e6:.1f} MB of text), {args.people} people, "
          f"{args.events} events, {args.issues} issues in {content}")


if __name__ == "__main__":
    main()
