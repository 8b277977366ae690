/* Compendio ESS: filters on the entries index and the side-by-side comparison, as progressive enhancement.
 *
 * <div id="ce-filter" data-src="../data/browse.json">   (entries/index): facet panel, live list, compare picker
 * <div id="ce-compare" data-src="../../data/browse.json"> (compare/select): table of the entries in ?e=a,b,...
 *
 * Without JavaScript (or if the data cannot be loaded) the pages keep their static content. The data and its
 * interface strings come from data/browse.json of the page's language (compendio/browse.py). Data is only ever
 * put into the page as text (textContent / createElement), never as HTML. No external requests.
 */
(function () {
  "use strict";

  // [URL parameter, key in browse.json, UI string of the legend]; period (from/to) goes before status.
  const FACETS = [["kind", "k", "kind"], ["country", "c", "country"], ["theme", "th", "theme"],
    ["group", "g", "group"], ["methodology", "m", "methodology"], ["organisation", "o", "organisation"],
    ["sdg", "sd", "sdg"], ["status", "st", "status"]];
  const PAGE = 100; // entries rendered at once; "show more" adds the next ones
  const MIN = 2, MAX = 4; // entries a comparison takes

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

  function load(node, fallback) {
    // nh3 may drop data-* attributes on sanitised pages, so the documented path is also the default.
    const src = node.getAttribute("data-src") || fallback;
    const url = new URL(src, document.baseURI);
    // Links are written relative to the page, as on the static pages: "../" + "entries/score/".
    const m = /^((?:\.\.\/)*)data\/browse\.json$/.exec(src);
    const root = m ? m[1] : new URL("../", url).href;
    return fetch(url.href, { credentials: "same-origin" })
      .then((r) => { if (!r.ok) throw new Error(r.status + " " + url); return r.json(); })
      .then((data) => prepare(data, root));
  }

  /** Index the data once: labels by facet, value sets per entry, entries by slug. */
  function prepare(data, root) {
    const D = { ui: data.ui, lang: data.lang, fl: data.fl, x: data.x || [], root: root, label: {}, order: {} };
    for (const [, key] of FACETS) {
      D.label[key] = new Map((data.f[key] || []).map(([v, l]) => [String(v), l]));
      D.order[key] = (data.f[key] || []).map(([v]) => String(v));
    }
    const nf = new Intl.NumberFormat(data.lang);
    D.num = (n) => nf.format(n);
    D.entries = data.e.map((e) => {
      e.v = {};
      for (const [, key] of FACETS) {
        e.v[key] = new Set(key === "k" || key === "st" ? [e[key]] : (e[key] || []).map(String));
      }
      e.href = root + e.u;
      return e;
    });
    D.bySlug = new Map(D.entries.map((e) => [e.s, e]));
    D.count = (n) => (n === 0 ? D.ui.n0 : n === 1 ? D.ui.n1 : fill(D.ui.n, { n: D.num(n) }));
    return D;
  }

  function textLang(node, e) { if (e.l) node.setAttribute("lang", e.l); return node; }

  /* ------------------------------------------------------------------ filter */
  function initFilter(box) {
    // If the data cannot be loaded, the static list stays as it is: the page works as without JavaScript.
    load(box, "../data/browse.json").then((D) => filterUI(box, D), (err) => {
      if (window.console) console.warn("compendio: filter data not loaded:", err);
    });
  }

  /** The static list after the box (h2 + ul.ce-list per kind): hidden, not removed, once the live list works. */
  function staticList(box) {
    const nodes = [];
    for (let n = box.nextElementSibling; n; n = n.nextElementSibling) {
      const next = n.nextElementSibling;
      if (n.matches("ul.ce-list") || (/^H[2-6]$/.test(n.tagName) && next && next.matches("ul.ce-list"))) nodes.push(n);
    }
    return nodes;
  }

  function filterUI(box, D) {
    const ui = D.ui;
    const sel = {};
    for (const [, key] of FACETS) sel[key] = new Set();
    const period = { from: null, to: null };
    let picked = [];
    let shown = PAGE;
    let matched = [];
    const years = [];
    const dated = D.entries.filter((e) => e.p); // entries whose source gives no period have no years
    const lo = Math.min(...dated.map((e) => e.p[0]));
    const hi = Math.max(...dated.map((e) => e.p[1]));
    for (let y = lo; y <= hi; y++) years.push(y);

    // ----- state from the URL
    const q = new URLSearchParams(location.search);
    for (const [param, key] of FACETS) {
      for (const raw of q.getAll(param)) {
        for (const v of raw.split(",")) if (D.label[key].has(v)) sel[key].add(v);
      }
    }
    for (const k of ["from", "to"]) {
      const y = parseInt(q.get(k), 10);
      if (y >= lo && y <= hi) period[k] = y;
    }

    function matches(e, skip) {
      for (const [, key] of FACETS) {
        if (key === skip || !sel[key].size) continue;
        let ok = false;
        for (const v of sel[key]) if (e.v[key].has(v)) { ok = true; break; }
        if (!ok) return false;
      }
      if ((period.from !== null || period.to !== null) && !e.p) return false;
      if (period.from !== null && e.p[1] < period.from) return false;
      if (period.to !== null && e.p[0] > period.to) return false;
      return true;
    }

    // ----- the panel
    const inputs = {}; // key -> Map(value -> {input, count, item})
    for (const [, key] of FACETS) inputs[key] = new Map();
    const form = el("form", { class: "ce-facets", on: { submit: (ev) => ev.preventDefault() } });
    function facetFieldset(param, key, legend) {
      const long = D.order[key].length > 8 ? " ce-facet__values--long" : "";
      const list = el("ul", { class: "ce-facet__values" + long });
      for (const v of D.order[key]) {
        const input = el("input", { type: "checkbox", name: param, value: v, checked: sel[key].has(v),
          on: { change: () => { input.checked ? sel[key].add(v) : sel[key].delete(v); update(true); } } });
        const count = el("span", { class: "ce-n" });
        const item = el("li", {}, el("label", {}, input, " " + cap(D.label[key].get(v)) + " ", count));
        inputs[key].set(v, { input, count, item });
        list.append(item);
      }
      return el("fieldset", { class: "ce-facet ce-facet--" + param }, el("legend", { text: legend }), list);
    }
    function yearSelect(which) {
      const s = el("select", { name: which, id: "ce-" + which, on: { change: () => {
        period[which] = s.value ? parseInt(s.value, 10) : null; update(true);
      } } }, el("option", { value: "", text: ui.any }));
      for (const y of years) {
        s.append(el("option", { value: String(y), text: String(y), selected: period[which] === y }));
      }
      return s;
    }
    const fromSel = yearSelect("from"), toSel = yearSelect("to");
    for (const [param, key, legend] of FACETS) {
      if (key === "st") {
        form.append(el("fieldset", { class: "ce-facet ce-facet--period" }, el("legend", { text: ui.period }),
          el("span", { class: "ce-year" }, el("label", { for: "ce-from", text: ui.from }), " ", fromSel), " ",
          el("span", { class: "ce-year" }, el("label", { for: "ce-to", text: ui.to }), " ", toSel)));
      }
      if (D.order[key].length) form.append(facetFieldset(param, key, ui[legend]));
    }
    const clear = el("button", { type: "button", class: "md-button ce-clear", text: ui.clear, on: { click: () => {
      for (const [, key] of FACETS) sel[key].clear();
      period.from = period.to = null;
      for (const [, key] of FACETS) for (const { input } of inputs[key].values()) input.checked = false;
      fromSel.value = toSel.value = "";
      update(true);
    } } });
    form.append(el("div", { class: "ce-facets__actions" }, clear));
    // Open on wide screens; on phones closed, its summary saying how many filters are on.
    const summary = el("summary", { text: ui.filters });
    const panel = el("details", { class: "ce-panel", open: !window.matchMedia("(max-width: 44.9375em)").matches },
      summary, form);

    // ----- the live list, its count and the compare picker
    const countLine = el("p", { class: "ce-count", "aria-live": "polite", "aria-atomic": "true" });
    const list = el("ul", { class: "ce-list ce-live", "aria-label": ui.list });
    const more = el("button", { type: "button", class: "md-button ce-more", hidden: true, on: { click: () => {
      const from = shown;
      shown += PAGE;
      renderList(from);
      const first = list.children[from] && list.children[from].querySelector("a");
      if (first) first.focus();
    } } });
    const cmpText = el("span", { class: "ce-cmpbar__text", "aria-live": "polite" });
    const cmpGo = el("a", { class: "md-button md-button--primary ce-cmpbar__go", text: ui.cmp_go });
    const cmpClear = el("button", { type: "button", class: "md-button ce-cmpbar__clear", text: ui.cmp_clear,
      on: { click: () => {
        picked = [];
        const boxes = list.querySelectorAll("input.ce-pick");
        for (const i of boxes) i.checked = false;
        updateBar();
        if (boxes.length) boxes[0].focus(); // the button is hidden now: keep the keyboard user in the list
      } } });
    const bar = el("div", { class: "ce-cmpbar", role: "region", "aria-label": ui.compare },
      cmpText, " ", cmpGo, " ", cmpClear);

    function item(e) {
      const pick = el("input", { type: "checkbox", class: "ce-pick", value: e.s, checked: picked.includes(e.s),
        on: { change: () => {
          picked = pick.checked ? picked.concat(e.s) : picked.filter((s) => s !== e.s);
          updateBar();
        } } });
      return el("li", { "data-slug": e.s },
        textLang(el("a", { href: e.href, text: e.t }), e), el("br"),
        el("span", { class: "ce-meta", text: e.ln }), el("br"),
        textLang(el("span", { class: "ce-summary", text: e.d || "" }), e), el("br"),
        el("label", { class: "ce-pickl" }, pick, " " + ui.compare, el("span", { class: "ce-sr", text: " " + e.t })));
    }
    function renderList(from) {
      if (!from) list.textContent = "";
      const frag = document.createDocumentFragment();
      for (const e of matched.slice(from || 0, shown)) frag.append(item(e));
      list.append(frag);
      const rest = matched.length - Math.min(shown, matched.length);
      more.hidden = rest <= 0;
      more.textContent = fill(ui.more, { n: D.num(Math.min(rest, PAGE)) });
    }
    function updateBar() {
      const n = picked.length;
      cmpText.textContent = n ? fill(ui.cmp_count, { n: D.num(n) }) : ui.cmp_hint;
      cmpGo.hidden = cmpClear.hidden = n === 0;
      if (n >= MIN && n <= MAX) {
        cmpGo.setAttribute("href", D.root + "compare/select/?e=" + picked.map(encodeURIComponent).join(","));
        cmpGo.removeAttribute("aria-disabled");
      } else {
        cmpGo.removeAttribute("href");
        cmpGo.setAttribute("aria-disabled", "true");
      }
      bar.classList.toggle("ce-cmpbar--active", n > 0);
    }
    function writeURL() {
      const parts = [];
      for (const [param, key] of FACETS) {
        const vals = D.order[key].filter((v) => sel[key].has(v));
        if (vals.length) parts.push(param + "=" + vals.map(encodeURIComponent).join(","));
      }
      for (const k of ["from", "to"]) if (period[k] !== null) parts.push(k + "=" + period[k]);
      const url = location.pathname + (parts.length ? "?" + parts.join("&") : "") + location.hash;
      if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
    }
    function update(changed) {
      matched = D.entries.filter((e) => matches(e, null));
      for (const [, key] of FACETS) {
        const counts = new Map();
        for (const e of D.entries) {
          if (!matches(e, key)) continue;
          for (const v of e.v[key]) counts.set(v, (counts.get(v) || 0) + 1);
        }
        for (const [v, { input, count, item }] of inputs[key]) {
          const n = counts.get(v) || 0;
          count.textContent = "(" + D.num(n) + ")";
          item.classList.toggle("ce-zero", n === 0 && !input.checked);
        }
      }
      countLine.textContent = D.count(matched.length);
      const active = FACETS.reduce((n, [, key]) => n + sel[key].size, 0) +
        (period.from !== null) + (period.to !== null);
      summary.textContent = ui.filters + (active ? " · " + fill(ui.active, { n: D.num(active) }) : "");
      shown = PAGE;
      renderList(0);
      if (changed) writeURL();
    }

    box.textContent = "";
    box.classList.add("ce-filter");
    box.append(panel, countLine, bar, list, more);
    for (const n of staticList(box)) n.hidden = true;
    update(false);
    updateBar();
  }

  /* ------------------------------------------------------------------ compare */
  function initCompare(box) {
    load(box, "../../data/browse.json").then((D) => compareUI(box, D), (err) => {
      if (window.console) console.warn("compendio: comparison data not loaded:", err);
    });
  }

  /** The comparison as rows: {name, label, cells: one per entry, a text or [[figure, what], ...], own: whether
   *  the cells are the entry's own text (then marked with its language when it is not the page's)}. Every text
   *  comes made in the data (compendio/browse.py): the summary, the fact rows, the key results. */
  function compareRows(D, entries) {
    const rows = [];
    for (const name of Object.keys(D.fl).filter((n) => !D.x.includes(n))) {
      const get = name === "summary" ? (e) => e.d || "" : name === "key_results" ? (e) => e.r || []
        : (e) => (e.cv && e.cv[name]) || "";
      const cells = entries.map(get);
      if (cells.some((c) => c && c.length)) {
        rows.push({ name, label: D.fl[name] || name, cells, own: name === "summary" });
      }
    }
    for (const name of D.x) {
      const cells = entries.map((e) => (e.xs && e.xs[name]) || "");
      if (cells.some((c) => c)) rows.push({ name, label: D.fl[name] || name, cells, own: true });
    }
    return rows;
  }

  function compareUI(box, D) {
    const ui = D.ui;
    const raw = new URLSearchParams(location.search).getAll("e").join(",");
    const slugs = [...new Set(raw.split(",").map((s) => s.trim()).filter(Boolean))];
    const entries = slugs.map((s) => D.bySlug.get(s)).filter(Boolean);
    const unknown = slugs.filter((s) => !D.bySlug.has(s));
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
    const rows = compareRows(D, entries);
    const head = el("tr", {}, el("th", { scope: "col", text: ui.field }),
      ...entries.map((e) => el("th", { scope: "col" },
        textLang(el("a", { href: e.href, text: e.h || e.t, title: e.h ? e.t : null }), e))));
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
        if (row.own && c) textLang(td, entries[i]);
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
    const lines = [[D.ui.field, ...entries.map((e) => e.h || e.t)],
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
