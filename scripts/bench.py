#!/usr/bin/env python3
"""Build the site with N synthetic entries (both languages) added to a temporary copy of the project, and measure
it as a reader gets it: served on 127.0.0.1 by a plain static server, in headless Chromium (Debian's).

    python scripts/bench.py --entries 200 [2000 ...] [--lighthouse]

For each N prints:
- the build: wall time, HTML pages, site size, the search index (Pagefind's folder), time spent in the project's own
  hooks (as the hook logs it) and its share of the build, the largest entry page;
- a first visit of the home page, es and en: bytes of everything fetched within 3 s of the load event (uncompressed,
  as the plain server sends them), requests to other hosts and console errors;
- the first search, es and en: the box clicked, a word typed as a person types (keyboard, 120 ms between keys);
  time from the last keystroke to the first result shown, and bytes downloaded in all by then (page included);
- the /entries/ page (its filter panel working): bytes within 3 s, and DOM elements;
- the largest page's DOM element count (after its scripts ran);
- with --lighthouse: Lighthouse (node_modules, pinned in package.json) performance, accessibility, best practices
  and SEO, desktop and mobile, for the home page, /entries/, an entry and /compare/programmes/ in both languages.
With several N, also prints how build time grew against entries. Nothing in the project itself is touched.
"""
import argparse
import collections
import contextlib
import functools
import http.server
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from _common import ROOT, copy_project

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-component-update", "--disable-sync"]

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
        start = rng.randint(2005, 2015)  # its figures' years stay within what the 2016 source can report
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


def run(n: int, lighthouse: bool = False) -> dict:
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
        # Each hook logs its time with what it did: generation (no label), export, search, pages.
        parts = collections.Counter()
        for seconds, label in re.findall(r"hook time: ([0-9.]+) s(?: \((\w+)[^)]*\))?", result.stdout + result.stderr):
            parts[label if label in ("export", "search", "pages") else "generate"] += float(seconds)
        hooks = sum(parts.values())
        site = project / "site"
        html = list(site.rglob("*.html"))
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        search = sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
        entry_pages = [p.stat().st_size for p in (site / "entries").glob("*/index.html")]
        largest = max(html, key=lambda p: p.stat().st_size)
        out = {"entries": n, "wall": wall, "pages": len(html), "size": size, "search": search, "hooks": hooks,
               "hook_parts": dict(parts),
               "entry_max": max(entry_pages), "largest": largest.parent.relative_to(site).as_posix() + "/"}
        with serve(site) as base:
            out.update(readers(base, out["largest"]))
            if lighthouse:
                out["lighthouse"] = lighthouse_scores(base)
        return out


@contextlib.contextmanager
def serve(site: Path):
    """The built site on 127.0.0.1 (a free port), by Python's plain static server."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def visit(browser, url: str, base: str, settle_ms: int = 3000) -> dict:
    """A first visit (empty cache): bytes of everything fetched within settle_ms of the load event."""
    context = browser.new_context()
    page = context.new_page()
    sizes, other_hosts, errors = [], [], []
    page.on("requestfinished", lambda r: sizes.append(r.sizes()["responseBodySize"]))
    page.on("request", lambda r: other_hosts.append(r.url) if not r.url.startswith(base) else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(settle_ms)
    elements = page.evaluate("document.getElementsByTagName('*').length")
    context.close()
    return {"bytes": sum(sizes), "requests": len(sizes), "other_hosts": other_hosts, "errors": errors,
            "elements": elements}


# In the page: when the last key went down, and when the first result of the whole word was in the list.
_WATCH = """word => {
  document.addEventListener('keydown', () => { window.ceLastKey = performance.now(); }, true);
  const list = document.getElementById('ce-search-results');
  new MutationObserver(() => {
    if (!window.ceFirst && list.dataset.query === word && list.querySelector('a')) window.ceFirst = performance.now();
  }).observe(list, {childList: true, subtree: true, attributes: true});
}"""


def first_search(browser, url: str, word: str) -> dict:
    """The box clicked and a word typed as a person types; from the last keystroke to the first result shown, and
    the bytes downloaded since the page was opened."""
    context = browser.new_context()
    page = context.new_page()
    sizes = []
    page.on("requestfinished", lambda r: sizes.append((time.perf_counter(), r.sizes()["responseBodySize"])))
    page.goto(url, wait_until="networkidle")
    page.evaluate(_WATCH, word)
    page.click("input.md-search__input")
    page.keyboard.type(word, delay=120)
    page.wait_for_function("() => window.ceFirst", timeout=60000)
    seconds = page.evaluate("(window.ceFirst - window.ceLastKey) / 1000")
    shown = time.perf_counter()
    results = page.text_content("#ce-search-status")
    context.close()
    return {"seconds": seconds, "bytes": sum(b for t, b in sizes if t <= shown), "status": results}


def readers(base: str, largest: str) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        out = {"home_es": visit(browser, base, base), "home_en": visit(browser, base + "en/", base),
               "entries_es": visit(browser, base + "entries/", base),
               "search_es": first_search(browser, base, "cooperativa"),
               "search_en": first_search(browser, base + "en/", "cooperative"),
               "largest_page": visit(browser, base + largest, base, settle_ms=1000)}
        browser.close()
    return out


LIGHTHOUSE_PAGES = ["", "entries/", "entries/score-colombia/", "compare/programmes/"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def lighthouse_scores(base: str) -> dict:
    """Lighthouse's four scores (0-100) per page, language and form factor: {(url, "desktop"): [p, a, bp, seo]}."""
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        sys.exit("Lighthouse is not installed: run `npm ci` (it is pinned in package.json)")
    flags = "--headless=new " + " ".join(CHROMIUM_ARGS)
    scores = {}
    for prefix in ("", "en/"):
        for url in LIGHTHOUSE_PAGES:
            for form in ("desktop", "mobile"):
                command = [str(binary), base + prefix + url, "--quiet", "--output=json", "--output-path=stdout",
                           f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={flags}"]
                if form == "desktop":
                    command.append("--preset=desktop")
                env = dict(os.environ, CHROME_PATH=CHROMIUM)
                result = subprocess.run(command, capture_output=True, text=True, env=env)
                try:
                    report = json.loads(result.stdout)
                    scores[prefix + url, form] = [round(100 * (report["categories"][c]["score"] or 0))
                                                  for c in CATEGORIES]
                except (ValueError, KeyError):
                    scores[prefix + url, form] = f"failed: {result.stderr.strip()[-300:]}"
    return scores


def kb(n: int) -> str:
    return f"{n / 1024:.0f} KB"


def report(r: dict) -> str:
    lines = [f"N={r['entries']:>5} entries (+ the real ones), both languages: build {r['wall']:.1f} s, "
             f"{r['pages']} HTML pages, site {r['size'] / 1e6:.1f} MB (search index {r['search'] / 1e6:.1f} MB, "
             "fetched in pieces), "
             f"project hooks {r['hooks']:.2f} s = {100 * r['hooks'] / r['wall']:.1f}% of the build "
             f"({', '.join(f'{k} {v:.2f} s' for k, v in sorted(r['hook_parts'].items()))}; without the search "
             f"index, which Pagefind makes in a hook where Material's search plugin made it outside: "
             f"{100 * (r['hooks'] - r['hook_parts'].get('search', 0)) / r['wall']:.1f}%); largest entry page "
             f"{kb(r['entry_max'])}"]
    for key, label in (("home_es", "home page, es"), ("home_en", "home page, en"), ("entries_es", "/entries/, es")):
        v = r[key]
        lines.append(f"  first visit of the {label}: {kb(v['bytes'])} in {v['requests']} requests within 3 s, "
                     f"{v['elements']} DOM elements, {len(v['other_hosts'])} requests to other hosts, "
                     f"{len(v['errors'])} console errors")
    for key, word in (("search_es", "cooperativa"), ("search_en", "cooperative")):
        v = r[key]
        lines.append(f"  first search ({word!r}, {key[-2:]}): first result {v['seconds']:.2f} s after the last "
                     f"keystroke, {kb(v['bytes'])} downloaded in all by then ({v['status']})")
    lines.append(f"  largest page: /{r['largest']}, {r['largest_page']['elements']} DOM elements")
    for (url, form), scores in (r.get("lighthouse") or {}).items():
        shown = " / ".join(map(str, scores)) if isinstance(scores, list) else scores
        lines.append(f"  Lighthouse {form:7} /{url}: {shown}  (performance / accessibility / best practices / SEO)")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entries", type=int, nargs="+", default=[200])
    ap.add_argument("--lighthouse", action="store_true", help="also run Lighthouse (a few minutes per N)")
    args = ap.parse_args(argv)
    rows = []
    for n in args.entries:
        r = run(n, args.lighthouse)
        rows.append(r)
        print(report(r), flush=True)
    if len(rows) > 1 and rows[0]["entries"]:  # N=0 measures the real entries alone: no ratio to give
        a, b = rows[0], rows[-1]
        print(f"time grew {b['wall'] / a['wall']:.1f}x for {b['entries'] / a['entries']:.0f}x the entries "
              f"(linear would be {b['entries'] / a['entries']:.0f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
