#!/usr/bin/env python3
"""Writes a deterministic benchmark site: N aftercare pages of realistic clinic Markdown
(~600 words each: front matter, headings, lists, emphasis, links between pages, block quotes
and callouts), the demo clinic's clinic.yml and faq.md, and the demo theme.

Usage: Benchmarks/gen-corpus.py N OUT_DIR
"""
import os
import random
import re
import shutil
import sys

TREATMENTS = ["massage", "cupping", "hot stone", "physiotherapy", "acupuncture", "chiropractic",
              "deep tissue", "sports massage", "reflexology", "dry needling"]
TAGS = ["soreness", "hydration", "sleep", "stretching", "posture", "recovery", "marks", "heat",
        "ice", "exercise", "breathing", "stress"]
WORDS = ("muscle tissue gentle pressure recovery water rest stretch tension release blood flow "
         "therapist session body soreness hours days relax warm cool breathe slowly lightly "
         "back neck shoulder hip knee ankle wrist posture movement walk sleep comfortable "
         "advice treatment appointment follow-up exercise routine daily habit care healing").split()
HEADINGS = ["What to expect", "The first 24 hours", "Looking after yourself", "Movement and rest",
            "When to call us", "Your next appointment", "Eating and drinking", "Sleep and comfort",
            "Exercises at home", "Signs that all is well"]
CALLOUTS = ["NOTE", "TIP", "WARNING", "URGENT"]


def sentence(rng, low=8, high=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    text = " ".join(words)
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = f"*{words[i]}*"
        text = " ".join(words)
    if rng.random() < 0.2:
        i = rng.randrange(len(words))
        words[i] = f"**{words[i]}**"
        text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, count, n_pages, index):
    parts = []
    for _ in range(rng.randint(3, 4)):
        parts.append(sentence(rng))
    if rng.random() < 0.5:
        other = rng.randrange(n_pages)
        parts.insert(1, f"See also [our advice on page {other + 1}](/aftercare/page-{other + 1:05d}/).")
    return " ".join(parts)


def page(rng, index, n_pages):
    treatment = TREATMENTS[index % len(TREATMENTS)]
    tags = rng.sample(TAGS, 3)
    month = 1 + index % 12
    day = 1 + index % 28
    lines = ["---",
             f"title: {treatment.capitalize()} aftercare note {index + 1}",
             f"summary: {sentence(rng, 12, 20).replace('*', '')}",
             f"treatment: {treatment}",
             f"date: 2025-{month:02d}-{day:02d}",
             f"reviewed: 2026-{month:02d}-{day:02d}",
             "reviewed_by: Maya Chen, RMT",
             f"tags: [{', '.join(tags)}]"]
    if index % 4 == 0:
        lines.append("faq: [After your massage]")
    lines += ["---", "", paragraph(rng, 4, n_pages, index), ""]
    words = 0
    for heading in rng.sample(HEADINGS, 4):
        lines += [f"## {heading}", "", paragraph(rng, 4, n_pages, index), ""]
        kind = rng.random()
        if kind < 0.35:
            lines += [f"- {sentence(rng, 5, 10)}" for _ in range(rng.randint(3, 5))] + [""]
        elif kind < 0.6:
            lines += [f"{i + 1}. {sentence(rng, 5, 10)}" for i in range(rng.randint(3, 4))] + [""]
        elif kind < 0.8:
            lines += [f"> [!{rng.choice(CALLOUTS)}]", f"> {sentence(rng)} {sentence(rng)}", ""]
        else:
            lines += [f"> {sentence(rng)}", ""]
        lines += [paragraph(rng, 3, n_pages, index), ""]
    return "\n".join(lines) + "\n"


def main():
    count = int(sys.argv[1])
    out = sys.argv[2]
    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if os.path.exists(out):
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "content", "aftercare"))
    # The demo's clinic.yml without its photos (`image:` and `photo:` lines): this corpus times
    # pages, and Hugo's side has no photos either (scripts/bench-images times photos).
    with open(os.path.join(repository, "content", "clinic.yml"), encoding="utf-8") as source:
        clinic = [line for line in source if not re.match(r"\s*(image|photo):", line)]
    with open(os.path.join(out, "content", "clinic.yml"), "w", encoding="utf-8") as target:
        target.writelines(clinic)
    shutil.copy(os.path.join(repository, "content", "faq.md"), os.path.join(out, "content", "faq.md"))
    shutil.copytree(os.path.join(repository, "templates"), os.path.join(out, "templates"))
    rng = random.Random(20261126)
    total_words = 0
    for index in range(count):
        text = page(rng, index, count)
        body = text.split("---", 2)[2]
        total_words += len(body.split())
        with open(os.path.join(out, "content", "aftercare", f"page-{index + 1:05d}.md"), "w", encoding="utf-8") as handle:
            handle.write(text)
    print(f"{count} pages, {total_words // max(count, 1)} words each on average, in {out}")


if __name__ == "__main__":
    main()
