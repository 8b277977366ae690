#!/usr/bin/env python3
"""Time a full build with N synthetic entries (both languages) added to a temporary copy of the project.

    python scripts/bench.py --entries 200 [2000 ...]

For each N prints: build wall time, HTML pages written, site size, time spent in the project's own hooks (as the
hook logs it) and its share of the build. With several N, also prints how time grew against entries.
Nothing in the project itself is touched.
"""
import argparse
import gzip
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import copy_project

KINDS = ["methodology"] * 1 + ["programme"] * 6 + ["practice"] * 3
COUNTRIES = ["PE", "CO", "BO", "EC", "VE", "AR", "BR", "CL", "MX", "PK", "BD", "IN", "ZA", "GH", "NO"]
THEMES = ["cooperatives", "social_dialogue", "value_chains", "green_jobs", "entrepreneurship", "rural_development",
          "food_security", "gender_equality", "youth_employment", "skills_training"]
GROUPS = ["smes", "cooperatives", "women", "youth", "workers", "rural_producers", "artisans"]
WORDS_ES = ["la", "cooperativa", "organiza", "formación", "para", "productores", "rurales", "que", "mejoran", "sus",
            "ingresos", "y", "su", "trabajo"]
WORDS_EN = ["the", "cooperative", "runs", "training", "for", "rural", "producers", "who", "improve", "their",
            "income", "and", "their", "work"]
SECTIONS = {
    "methodology": (["Descripción"], ["Overview"]),
    "programme": (["Descripción", "Resultados"], ["Overview", "Results"]),
    "practice": (["Objetivos", "Cooperación entre instituciones y países", "Eficacia del enfoque metodológico",
                  "Innovación", "Sostenibilidad", "Adaptabilidad", "Resultados"],
                 ["Objectives", "Cooperation between institutions and countries",
                  "Effectiveness of the methodological approach", "Innovation", "Sustainability", "Adaptability",
                  "Results"]),
}


def prose(rng, words, n):
    return " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."


def synthetic(practices: Path, n: int, seed: int = 1) -> None:
    """Write n valid entries, each in both languages, about 600 words per page."""
    rng = random.Random(seed)
    methodologies = []
    for i in range(n):
        kind = KINDS[i % len(KINDS)] if i else "methodology"
        slug = f"synthetic-{kind}-{i:05d}"
        start = rng.randint(2005, 2018)
        countries = sorted(set(rng.sample(COUNTRIES, rng.randint(1, 3))))
        facts = [f"kind: {kind}", "countries: [" + ", ".join(f'"{c}"' for c in countries) + "]",
                 f"period: {{start: {start}, end: {start + rng.randint(0, 5)}}}",
                 'status: {value: completed, as_of: "2016", source: ilo-andean-2016}',
                 f"themes: [{', '.join(rng.sample(THEMES, 2))}]",
                 f"target_groups: [{', '.join(rng.sample(GROUPS, 2))}]", "sectors: [agriculture]",
                 "organisations:\n  - {id: ilo, role: implementer}\n  - {id: seco, role: funder}",
                 f"sdgs: [{rng.randint(1, 17)}, 8]", "sources: [ilo-andean-2016]"]
        if kind == "methodology":
            facts += ['international_names: ["Synthetic tool"]', "audience: [smes]", "formats: [classroom_training]",
                      "developed_by: [ilo]"]
            methodologies.append(slug)
        elif methodologies:
            facts.append(f"methodologies: [{rng.choice(methodologies)}]")
        facts.append("results:\n" + "".join(
            f"  - {{value: {rng.randint(1, 90000)}, unit: workers, what: {{es: \"trabajadores formados\", "
            f"en: \"workers trained\"}}, year: {start + 1}, source: ilo-andean-2016, key: {str(j == 0).lower()}}}\n"
            for j in range(3)).rstrip("\n"))
        for lang, words, headings in (("es", WORDS_ES, SECTIONS[kind][0]), ("en", WORDS_EN, SECTIONS[kind][1])):
            head = [f'title: "{"Entrada sintética" if lang == "es" else "Synthetic entry"} {i}"',
                    f'summary: "{prose(rng, words, 20)}"']
            if kind == "methodology":
                head.append('modules: ["M1", "M2", "M3"]')
            if lang == "es":
                head += facts
            per = max(1, 600 // len(headings))
            body = "\n".join(f"## {h}\n\n{prose(rng, words, per)}\n" for h in headings)
            text = "---\n" + "\n".join(head) + "\n---\n\n" + body
            (practices / f"{slug}.{lang}.md").write_text(text, encoding="utf-8")


def run(n: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="compendio-bench-") as tmp:
        project = copy_project(Path(tmp) / "project")
        synthetic(project / "practices", n)
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, env=env,
                                capture_output=True, text=True)
        wall = time.perf_counter() - started
        if result.returncode:
            sys.exit(f"build failed with {n} entries:\n{result.stdout}{result.stderr}")
        hooks = sum(float(x) for x in re.findall(r"hook time: ([0-9.]+) s", result.stdout + result.stderr))
        site = project / "site"
        pages = sum(1 for _ in site.rglob("*.html"))
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        search = sum(p.stat().st_size for p in site.rglob("search_index.json"))
        entry_pages = [p.stat().st_size for p in (site / "entries").glob("*/index.html")]
        browse = (site / "data" / "browse.json").read_bytes()
        return {"entries": n, "wall": wall, "pages": pages, "size": size, "search": search, "hooks": hooks,
                "entry_max": max(entry_pages), "browse": len(browse), "browse_gz": len(gzip.compress(browse))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entries", type=int, nargs="+", default=[200])
    args = ap.parse_args(argv)
    rows = []
    for n in args.entries:
        r = run(n)
        rows.append(r)
        print(f"N={r['entries']:>5} entries (+ the real ones), both languages: build {r['wall']:.1f} s, "
              f"{r['pages']} HTML pages, site {r['size'] / 1e6:.1f} MB (search index {r['search'] / 1e6:.1f} MB), "
              f"project hooks {r['hooks']:.2f} s = {100 * r['hooks'] / r['wall']:.1f}% of the build; "
              f"largest entry page {r['entry_max'] / 1024:.1f} KB; filter data {r['browse'] / 1e6:.2f} MB "
              f"({r['browse_gz'] / 1e6:.2f} MB gzipped)",
              flush=True)
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        print(f"time grew {b['wall'] / a['wall']:.1f}x for {b['entries'] / a['entries']:.0f}x the entries "
              f"(linear would be {b['entries'] / a['entries']:.0f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
