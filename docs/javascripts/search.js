/* Compendio ESS: the header's search box (overrides/partials/search.html), on Pagefind's JavaScript API.
 *
 * Nothing is downloaded when a page opens: Pagefind's script is loaded when the reader focuses the box, and as
 * they type only the index chunks of their words and the fragments of the results shown (10 at a time). Pagefind
 * searches the index of the page's language (<html lang>). Results are put into the page as text; Pagefind's
 * excerpt is read for its <mark> elements only.
 *
 * Keyboard: "/" or "s" opens the box; Arrow Down/Up move between the results (and back to the box); Enter opens
 * the focused result (in the box: the first one); Escape closes the search.
 */
(function () {
  "use strict";

  const ROOT = new URL("../", document.currentScript.src); // this file is <root>/javascripts/search.js
  const PAGE = 10;
  const FIRST = 3;
  let pagefind = null;

  /** Pagefind's API, imported once (compendio.js imports the same module for the entries list). */
  function load() {
    if (!pagefind) pagefind = import(new URL("pagefind/pagefind.js", ROOT).href);
    return pagefind;
  }
  window.compendioPagefind = load;

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** Pagefind's excerpt (HTML-escaped text with <mark>s) as nodes: text, and marks holding text. */
  function excerpt(html) {
    const p = el("p");
    const doc = new DOMParser().parseFromString("<body>" + html, "text/html");
    for (const node of doc.body.childNodes) {
      p.append(node.nodeName === "MARK" ? el("mark", {}, node.textContent) : document.createTextNode(node.textContent));
    }
    return p;
  }

  function setup(box) {
    const toggle = document.getElementById("__search");
    const input = box.querySelector("input[name=q]");
    const form = box.querySelector("form");
    const status = box.querySelector("#ce-search-status");
    const list = box.querySelector("#ce-search-results");
    const all = box.querySelector(".ce-search-all");
    const allLink = all.querySelector("a");
    const opener = document.querySelector(".ce-search-open");
    const t = JSON.parse(box.getAttribute("data-ce-strings"));
    const nf = new Intl.NumberFormat(document.documentElement.lang || undefined);
    const more = el("button", { type: "button", class: "md-button ce-search-more", hidden: "" }, t.more);
    list.after(more);

    let term = "", results = [], shown = 0, seq = 0, timer = 0;

    // The list of entries of the page's language (the form's action), searching the same words.
    const listOf = (words) => form.action.split("?")[0] + "?q=" + encodeURIComponent(words);
    const count = (n) => (n === 0 ? t.none : n === 1 ? t.one : t.n.replace("{n}", nf.format(n)));

    function setOpen(open) {
      if (toggle && toggle.checked !== open) toggle.checked = open;
      if (opener) opener.setAttribute("aria-expanded", String(open));
    }

    function clear() {
      seq++;
      results = [];
      shown = 0;
      list.textContent = "";
      more.hidden = all.hidden = true;
      status.textContent = t.start;
    }

    function item(d) {
      const title = el("div", { class: "ce-search-title" }, d.meta.title || d.url);
      const article = el("article", { class: "md-search-result__article md-typeset" });
      article.append(el("div", { class: "md-search-result__icon md-icon" }), title);
      if (d.meta.line) article.append(el("div", { class: "ce-meta" }, d.meta.line));
      const text = excerpt(d.excerpt || "");
      if (d.meta.lang) { title.setAttribute("lang", d.meta.lang); text.setAttribute("lang", d.meta.lang); }
      article.append(text);
      const link = el("a", { href: d.url, class: "md-search-result__link" });
      link.append(article);
      const li = el("li", { class: "md-search-result__item" });
      li.append(link);
      return li;
    }

    async function showMore() {
      const mine = seq;
      const end = Math.min(shown + PAGE, results.length);
      // The first results as soon as their fragments arrive, then the rest of the ten.
      for (const stop of shown ? [end] : [Math.min(FIRST, end), end]) {
        const data = await Promise.all(results.slice(shown, stop).map((r) => r.data()));
        if (mine !== seq) return;
        const frag = document.createDocumentFragment();
        for (const d of data) frag.append(item(d));
        list.append(frag);
        shown = stop;
      }
      more.hidden = shown >= results.length;
    }

    async function run() {
      const mine = ++seq;
      const q = term;
      try {
        const pf = await load();
        const found = await pf.search(q);
        if (mine !== seq || !found) return;
        results = found.results;
        shown = 0;
        list.textContent = "";
        list.setAttribute("data-query", q); // the words these results are for
        list.setAttribute("aria-busy", "true");
        status.textContent = count(results.length);
        allLink.href = listOf(q);
        all.hidden = false;
        await showMore();
        if (mine === seq) list.setAttribute("aria-busy", "false");
      } catch (err) {
        if (mine !== seq) return;
        status.textContent = t.error;
        if (window.console) console.warn("compendio: search not available:", err);
      }
    }

    input.addEventListener("focus", () => {
      setOpen(true);
      load().catch(() => {}); // start loading while the reader types
    });
    input.addEventListener("input", () => {
      term = input.value.trim();
      seq++; // what was asked before is outdated: its answer is not shown
      clearTimeout(timer);
      if (!term) { clear(); return; }
      status.textContent = t.loading;
      load().then((pf) => pf.preload(term), () => {});
      timer = setTimeout(run, 120);
    });
    form.addEventListener("reset", () => { term = ""; clear(); setTimeout(() => input.focus()); });
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const first = list.querySelector("a");
      if (first) location.href = first.href;
      else if (term) location.href = listOf(term);
    });
    more.addEventListener("click", () => {
      const from = shown;
      showMore().then(() => { const a = list.children[from] && list.children[from].querySelector("a"); if (a) a.focus(); });
    });

    function close() {
      setOpen(false);
      if (opener && opener.offsetParent !== null) opener.focus(); // small screens: back to the search button
      else if (box.contains(document.activeElement)) document.activeElement.blur();
    }
    function focusables() { return [input, ...list.querySelectorAll("a"), ...(more.hidden ? [] : [more])]; }
    box.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape") { ev.preventDefault(); close(); return; }
      if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
      const items = focusables();
      const at = items.indexOf(document.activeElement);
      if (at < 0 || items.length < 2) return;
      ev.preventDefault();
      const next = ev.key === "ArrowDown" ? Math.min(at + 1, items.length - 1) : Math.max(at - 1, 0);
      items[next].focus();
    });
    if (toggle) toggle.addEventListener("change", () => {
      setOpen(toggle.checked);
      if (toggle.checked) input.focus();
      else if (box.contains(document.activeElement)) document.activeElement.blur();
    });
    if (opener) opener.addEventListener("click", () => { setOpen(true); input.focus(); });
    document.addEventListener("keydown", (ev) => {
      if (ev.metaKey || ev.ctrlKey || ev.altKey || (ev.key !== "/" && ev.key !== "s")) return;
      const a = document.activeElement;
      if (a && (a.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(a.tagName))) return;
      ev.preventDefault();
      setOpen(true);
      input.focus();
    });
  }

  const box = document.querySelector("[data-ce-search]");
  if (box && window.Promise && window.fetch) setup(box);
})();
