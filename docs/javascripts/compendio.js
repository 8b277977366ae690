/* Compendio ESS: the filter panel of the entries list and the side-by-side comparison, as progressive enhancement.
 *
 * <div id="ce-filter" data-src="../data/panel.json">   (entries/index): search, facets, live list, compare picker
 * <div id="ce-compare" data-src="../../data/panel.json"> (compare/select): table of the entries in ?e=a,b,...
 *
 * Nothing is loaded in full. The list is a Pagefind search of the page's language (the word every entry page holds,
 * or the reader's words, with the filters): Pagefind gives the matching entries in title order and the counts per
 * value, and the list shows 50 at a time from the results' metadata, whose strings the build wrote into each entry
 * page (compendio/search.py).
 * data/panel.json holds the interface strings and the facets' labels (compendio/panel.py); the comparison fetches
 * data/compare/<slug>.json for the 2 to 4 entries chosen, nothing else. Without JavaScript (or if something cannot
 * be loaded) the pages keep their static content. Data is only ever put into the page as text. No external requests.
 */
(function () {
  "use strict";

  // Facets in panel order: URL parameter = Pagefind filter = key of its legend's string; period goes before status.
  const FACETS = ["kind", "country", "theme", "group", "methodology", "organisation", "sdg", "status"];
  const PAGE = 50; // entries rendered at once; "show more" adds the next ones
  const FIRST = 8; // of which shown before the others have arrived
  const MIN = 2, MAX = 4; // entries a comparison takes
  const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const SITE = new URL("../", document.currentScript.src); // this file is <site root>/javascripts/compendio.js

  /* ------------------------------------------------------------------ helpers */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") node.textContent = v;
      else if (k === "on") for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
      else if (k in node && typeof v !== "string") node[k] = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
    return node;
  }
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (m, k) => (k in values ? values[k] : m));
  const cap = (s) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" })
      .then((r) => { if (!r.ok) throw new Error(r.status + " " + url); return r.json(); });
  }

  /** The panel's data, ready to use, and the language's root (data/panel.json is at <root>/data/). */
  function prepare(data, url) {
    const nf = new Intl.NumberFormat(data.lang);
    const D = { ui: data.ui, lang: data.lang, f: data.f, years: data.years || [], word: data.word,
      n: data.n, c: data.c, root: new URL("../", url).href, num: (n) => nf.format(n), label: {} };
    for (const key of FACETS) D.label[key] = new Map((data.f[key] || []).map(([v, l]) => [String(v), l]));
    D.count = (n) => (n === 0 ? D.ui.n0 : n === 1 ? D.ui.n1 : fill(D.ui.n, { n: D.num(n) }));
    return D;
  }

  /** The panel's data (data/panel.json). */
  function load(node, fallback) {
    // nh3 may drop data-* attributes on sanitised pages, so the documented path is also the default.
    const url = new URL(node.getAttribute("data-src") || fallback, document.baseURI);
    return getJSON(url.href).then((data) => prepare(data, url));
  }

  function pagefind() {
    const loading = window.compendioPagefind ? window.compendioPagefind()
      : import(new URL("pagefind/pagefind.js", SITE).href);
    return loading;
  }

  function textLang(node, lang) { if (lang) node.setAttribute("lang", lang); return node; }

  /* ------------------------------------------------------------------ filter */
  function initFilter(box) {
    // If anything cannot be loaded, the static list stays as it is: the page works as without JavaScript.
    const failed = (err) => {
      box.classList.add("ce-static"); // browse.css shows the static list's total and pages again
      // The list stays as it is; what only works with the panel goes.
      for (const n of document.querySelectorAll(".ce-pickl, .ce-more")) {
        if (n.previousElementSibling && n.previousElementSibling.matches("br")) n.previousElementSibling.remove();
        n.remove();
      }
      if (window.console) console.warn("compendio: filters not available:", err);
    };
    // Pagefind is loaded when it is first needed: at once when the address asks for filters or words, else when
    // the reader filters, searches or asks for more (the first view is the page's own list and counts).
    let loading = null;
    const getPF = () => (loading = loading || pagefind());
    load(box, "../data/panel.json").then((D) => filterUI(box, D, getPF, failed), failed);
  }

  /** The page's own list of entries, after the box (its first page, in title order). */
  function staticList(box) {
    for (let n = box.nextElementSibling; n; n = n.nextElementSibling) if (n.matches("ul.ce-list")) return n;
    return null;
  }

  function filterUI(box, D, getPF, failed) {
    const ui = D.ui;
    const sel = {};
    for (const key of FACETS) sel[key] = new Set();
    const period = { from: null, to: null };
    const [lo, hi] = D.years.length ? D.years : [0, -1];
    let words = "";
    let picked = [];
    let results = null; // the search's results; null while the list is the page's own first view
    let shown = 0;
    let seq = 0;

    // ----- state from the URL
    const q = new URLSearchParams(location.search);
    for (const key of FACETS) {
      for (const raw of q.getAll(key)) for (const v of raw.split(",")) if (D.label[key].has(v)) sel[key].add(v);
    }
    for (const k of ["from", "to"]) {
      const y = parseInt(q.get(k), 10);
      if (y >= lo && y <= hi) period[k] = y;
    }
    words = (q.get("q") || "").trim();
    const chosen = () => words || FACETS.some((key) => sel[key].size) || period.from !== null || period.to !== null;

    /** Pagefind filters for the current choices, leaving out one facet (to count its values). */
    function filters(skip) {
      const f = { type: "entry" };
      for (const key of FACETS) if (key !== skip && sel[key].size) f[key] = { any: [...sel[key]] };
      if (period.from !== null || period.to !== null) {
        const years = [];
        for (let y = period.from === null ? lo : period.from; y <= (period.to === null ? hi : period.to); y++) {
          years.push(String(y));
        }
        f.year = { any: years.length ? years : ["none"] }; // an entry counts in each year it was under way
      }
      return f;
    }

    // ----- the panel
    const inputs = {}; // key -> Map(value -> {input, count, item})
    for (const key of FACETS) inputs[key] = new Map();
    const form = el("form", { class: "ce-facets", on: { submit: (ev) => ev.preventDefault() } });
    function facetFieldset(key) {
      const values = D.f[key] || [];
      const list = el("ul", { class: "ce-facet__values" + (values.length > 8 ? " ce-facet__values--long" : "") });
      for (const [raw, label] of values) {
        const v = String(raw);
        const input = el("input", { type: "checkbox", name: key, value: v, checked: sel[key].has(v),
          on: { change: () => { input.checked ? sel[key].add(v) : sel[key].delete(v); update(true); } } });
        const count = el("span", { class: "ce-n" });
        const item = el("li", {}, el("label", {}, input, " " + cap(label) + " ", count));
        inputs[key].set(v, { input, count, item });
        list.append(item);
      }
      return el("fieldset", { class: "ce-facet ce-facet--" + key }, el("legend", { text: ui[key] }), list);
    }
    function yearSelect(which) {
      const s = el("select", { name: which, id: "ce-" + which, on: { change: () => {
        period[which] = s.value ? parseInt(s.value, 10) : null; update(true);
      } } }, el("option", { value: "", text: ui.any }));
      for (let y = lo; y <= hi; y++) s.append(el("option", { value: String(y), text: String(y), selected: period[which] === y }));
      return s;
    }
    const fromSel = yearSelect("from"), toSel = yearSelect("to");
    for (const key of FACETS) {
      if (key === "status") {
        form.append(el("fieldset", { class: "ce-facet ce-facet--period" }, el("legend", { text: ui.period }),
          el("span", { class: "ce-year" }, el("label", { for: "ce-from", text: ui.from }), " ", fromSel), " ",
          el("span", { class: "ce-year" }, el("label", { for: "ce-to", text: ui.to }), " ", toSel)));
      }
      if ((D.f[key] || []).length) form.append(facetFieldset(key));
    }
    const clear = el("button", { type: "button", class: "md-button ce-clear", text: ui.clear, on: { click: () => {
      for (const key of FACETS) sel[key].clear();
      period.from = period.to = null;
      for (const key of FACETS) for (const { input } of inputs[key].values()) input.checked = false;
      fromSel.value = toSel.value = "";
      words = search.value = "";
      update(true);
    } } });
    form.append(el("div", { class: "ce-facets__actions" }, clear));
    // The frame the page carries (compendio/templates/filter_box.html): the panel, closed, its summary saying how
    // many filters are on; the search field; the count; the compare bar. The list is the page's own, below it.
    const summary = box.querySelector("details.ce-panel > summary");
    const panel = summary.parentNode;
    panel.append(form);
    panel.open = chosen() && !window.matchMedia("(max-width: 44.9375em)").matches;

    // Words to search for within the entries (the header's search leads here with ?q=).
    let typing = 0;
    const search = box.querySelector("#ce-q");
    search.value = words;
    search.addEventListener("input", () => {
      clearTimeout(typing);
      box.setAttribute("aria-busy", "true");
      typing = setTimeout(() => { words = search.value.trim(); update(true); }, 200);
    });

    // ----- the live list (the page's own list, adopted), its count and the compare picker
    const countLine = box.querySelector(".ce-count");
    let list = staticList(box);
    if (!list) { list = el("ul", { class: "ce-list" }); box.after(list); }
    list.classList.add("ce-live");
    list.setAttribute("aria-label", ui.list);
    const more = el("button", { type: "button", class: "md-button ce-more", hidden: true, on: { click: async () => {
      const from = shown;
      if (!results) { // after the first view: the same list, from the search, to go on from where it stops
        let pf;
        try { pf = await getPF(); } catch (err) { failed(err); return; }
        results = (await pf.search(D.word, { filters: filters(null), sort: { title: "asc" } })).results;
      }
      shown += PAGE;
      renderList(from).then(() => {
        const first = list.children[from] && list.children[from].querySelector("a");
        if (first) first.focus();
      });
    } } });
    const bar = box.querySelector(".ce-cmpbar");
    const cmpText = bar.querySelector(".ce-cmpbar__text");
    // Always a link with an address (crawlable); shown when 2 to 4 entries are picked.
    const cmpGo = bar.querySelector(".ce-cmpbar__go");
    const cmpClear = bar.querySelector(".ce-cmpbar__clear");
    cmpClear.addEventListener("click", () => {
      picked = [];
      const boxes = list.querySelectorAll("input.ce-pick");
      for (const i of boxes) i.checked = false;
      updateBar();
      if (boxes.length) boxes[0].focus(); // the button is hidden now: keep the keyboard user in the list
    });

    function item(d) {
      const slug = d.meta.slug;
      const pick = el("input", { type: "checkbox", class: "ce-pick", value: slug, checked: picked.includes(slug) });
      return el("li", { "data-slug": slug },
        textLang(el("a", { href: d.url, text: d.meta.title }), d.meta.lang), el("br"),
        el("span", { class: "ce-meta", text: d.meta.line || "" }), el("br"),
        textLang(el("span", { class: "ce-summary", text: d.meta.summary || "" }), d.meta.lang), el("br"),
        el("label", { class: "ce-pickl" }, pick, " " + ui.compare,
          textLang(el("span", { class: "ce-sr", text: " " + d.meta.title }), d.meta.lang)));
    }
    async function renderList(from) {
      const mine = seq;
      // The first screenful first (its fragments arrive sooner), then the rest of the page of results.
      for (const [a, b] of from ? [[from, shown]] : [[0, FIRST], [FIRST, shown]]) {
        const data = await Promise.all(results.slice(a, b).map((r) => r.data()));
        if (mine !== seq) return;
        const frag = document.createDocumentFragment();
        for (const d of data) frag.append(item(d));
        if (!a) list.textContent = "";
        list.append(frag);
      }
      const rest = results.length - Math.min(shown, results.length);
      more.hidden = rest <= 0;
      more.textContent = fill(ui.more, { n: D.num(Math.min(rest, PAGE)) });
    }
    function updateBar() {
      const n = picked.length;
      cmpText.textContent = n ? fill(ui.cmp_count, { n: D.num(n) }) : ui.cmp_hint;
      cmpClear.hidden = n === 0;
      cmpGo.hidden = n < MIN || n > MAX;
      cmpGo.href = D.root + "compare/select/" + (cmpGo.hidden ? "" : "?e=" + picked.map(encodeURIComponent).join(","));
      bar.classList.toggle("ce-cmpbar--active", n > 0);
    }
    function writeURL() {
      const parts = [];
      if (words) parts.push("q=" + encodeURIComponent(words));
      for (const key of FACETS) {
        const vals = (D.f[key] || []).map(([v]) => String(v)).filter((v) => sel[key].has(v));
        if (vals.length) parts.push(key + "=" + vals.map(encodeURIComponent).join(","));
      }
      for (const k of ["from", "to"]) if (period[k] !== null) parts.push(k + "=" + period[k]);
      const url = location.pathname + (parts.length ? "?" + parts.join("&") : "") + location.hash;
      if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
    }
    async function update(changed) {
      const mine = ++seq;
      box.setAttribute("aria-busy", "true");
      if (changed) writeURL();
      // Without words, every entry (the word only entry pages hold) in title order, the rank the build wrote;
      // with words, by relevance. The list is shown first; the counts follow.
      const term = words || D.word;
      const options = words ? { filters: filters(null) } : { filters: filters(null), sort: { title: "asc" } };
      let pf;
      try { pf = await getPF(); } catch (err) { failed(err); return; }
      filtersLoaded = filtersLoaded || pf.filters();
      const found = await pf.search(term, options);
      if (mine !== seq) return;
      results = found.results;
      countLine.textContent = D.count(results.length);
      const active = FACETS.reduce((n, key) => n + sel[key].size, 0) + (period.from !== null) + (period.to !== null);
      summary.textContent = ui.filters + (active ? " · " + fill(ui.active, { n: D.num(active) }) : "");
      shown = PAGE;
      await renderList(0);
      // Searches return counts per value once every filter is loaded (Pagefind). Each value counts the entries
      // that match the other facets' choices: a facet with choices of its own is counted on a search without them.
      await filtersLoaded;
      const all = found.filters && Object.keys(found.filters).length ? found : await pf.search(term, options);
      const counts = {};
      for (const key of FACETS) {
        counts[key] = (sel[key].size ? (await pf.search(term, { filters: filters(key) })).filters : all.filters)[key];
      }
      if (mine !== seq) return;
      showCounts(counts);
    }
    function showCounts(counts) {
      for (const key of FACETS) {
        for (const [v, { input, count, item }] of inputs[key]) {
          const n = (counts[key] || {})[v] || 0;
          count.textContent = "(" + D.num(n) + ")";
          item.classList.toggle("ce-zero", n === 0 && !input.checked);
        }
      }
      box.setAttribute("aria-busy", "false");
    }

    /** The first view, with nothing chosen: the page's own first page of the list (the same entries, in the same
     *  order, as the search would give), its "Compare" boxes and the counts the build wrote. */
    function adoptStatic() {
      if (D.n === undefined || !D.c) return false;
      // The build gave each entry of this list its "Compare" box (compendio/templates/list_item.html).
      if (!list.children.length || list.querySelectorAll("input.ce-pick").length !== list.children.length) return false;
      shown = list.children.length;
      countLine.textContent = D.count(D.n);
      const rest = D.n - shown;
      more.hidden = rest <= 0;
      more.textContent = fill(ui.more, { n: D.num(Math.min(rest, PAGE)) });
      showCounts(D.c);
      return true;
    }

    let filtersLoaded = null;
    // One listener for the "Compare" boxes of every entry shown, the page's own or the search's.
    list.addEventListener("change", (event) => {
      const pick = event.target;
      if (!pick.matches("input.ce-pick")) return;
      picked = pick.checked ? picked.concat(pick.value) : picked.filter((s) => s !== pick.value);
      updateBar();
    });
    list.after(more);
    box.classList.add("ce-filter");
    // Boxes ticked before the data came, or kept by the browser on going back to the page.
    picked = [...list.querySelectorAll("input.ce-pick:checked")].map((pick) => pick.value);
    updateBar();
    if (chosen() || !adoptStatic()) update(false);
  }

  /* ------------------------------------------------------------------ compare */
  function initCompare(box) {
    load(box, "../../data/panel.json").then((D) => compareUI(box, D), (err) => {
      if (window.console) console.warn("compendio: comparison not available:", err);
    });
  }

  /** The entries' records (data/compare/<slug>.json, written by compendio/panel.py): null for an unknown slug. */
  function records(D, slugs) {
    return Promise.all(slugs.map((s) => (SLUG.test(s) ? getJSON(D.root + "data/compare/" + s + ".json").catch(() => null)
      : Promise.resolve(null))));
  }

  /** The comparison as rows {name, label, cells, own}: the records list every row in one order; empty rows go. */
  function compareRows(entries) {
    return entries[0].rows.map(([name, label], i) => ({ name, label, own: entries[0].rows[i][3],
      cells: entries.map((e) => e.rows[i][2]) })).filter((row) => row.cells.some((c) => c && c.length));
  }

  async function compareUI(box, D) {
    const ui = D.ui;
    const raw = new URLSearchParams(location.search).getAll("e").join(",");
    const slugs = [...new Set(raw.split(",").map((s) => s.trim()).filter(Boolean))];
    const found = slugs.length >= MIN && slugs.length <= MAX ? await records(D, slugs) : [];
    const entries = found.filter(Boolean);
    const unknown = slugs.filter((s, i) => found.length && !found[i]);
    box.textContent = "";
    box.classList.add("ce-comparison");
    if (unknown.length) {
      box.append(el("p", { class: "ce-note", text: fill(ui.cmp_unknown, { list: unknown.join(", ") }) }));
    }
    if (entries.length < MIN || entries.length > MAX) {
      box.append(el("p", { class: "ce-note", role: "status" }, ui.cmp_need + " ",
        el("a", { href: D.root + "entries/", text: ui.cmp_back })));
      return;
    }
    for (const e of entries) e.href = D.root + e.u;
    const rows = compareRows(entries);
    const head = el("tr", {}, el("th", { scope: "col", text: ui.field }),
      ...entries.map((e) => el("th", { scope: "col" },
        textLang(el("a", { href: e.href, text: e.h, title: e.h !== e.t ? e.t : null }), e.l))));
    const body = el("tbody");
    for (const row of rows) {
      const tr = el("tr", { "data-field": row.name }, el("th", { scope: "row", text: row.label }));
      row.cells.forEach((c, i) => {
        const td = el("td");
        if (Array.isArray(c)) {
          if (c.length) td.append(el("ul", { class: "ce-key" }, ...c.map(([fig, what]) =>
            el("li", {}, el("strong", { text: fig }), " " + what))));
          else td.textContent = ui.none;
        } else td.textContent = c || ui.none;
        if (row.own && c) textLang(td, entries[i].l);
        tr.append(td);
      });
      body.append(tr);
    }
    const table = el("table", {}, el("thead", {}, head), body);
    const csv = el("button", { type: "button", class: "md-button md-button--primary ce-csv", text: ui.csv,
      on: { click: () => download(csvText(D, entries, rows), "compendio-comparison.csv") } });
    box.append(el("p", { class: "ce-tools" }, csv), el("div", { class: "ce-compare" }, table));
  }

  function csvText(D, entries, rows) {
    const q = (s) => (/[",;\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s);
    const lines = [[D.ui.field, ...entries.map((e) => e.h)],
      [D.ui.address, ...entries.map((e) => new URL(e.href, location.href).href)]];
    for (const row of rows) {
      const flat = (c) => (Array.isArray(c) ? c.map(([f, w]) => f + " " + w).join("; ") : c);
      lines.push([row.label, ...row.cells.map(flat)]);
    }
    return lines.map((cells) => cells.map((c) => q(String(c || ""))).join(",")).join("\r\n") + "\r\n";
  }

  function download(text, name) {
    // UTF-8 with BOM so spreadsheet programs read accents right (as the site's other CSV files).
    const blob = new Blob(["\ufeff", text], { type: "text/csv;charset=utf-8" });
    const a = el("a", { href: URL.createObjectURL(blob), download: name, hidden: true });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  /* ------------------------------------------------------------------ start */
  function init() {
    for (const [id, start] of [["ce-filter", initFilter], ["ce-compare", initCompare]]) {
      const box = document.getElementById(id);
      if (box && !box.hasAttribute("data-ce-ready") && window.fetch && window.URLSearchParams) {
        box.setAttribute("data-ce-ready", "");
        start(box);
      }
    }
  }
  // Material's instant navigation (if ever enabled) swaps pages without reloading scripts: document$ says when.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
