/* Compendio ESS: each language has its own search index, with its pages boosted (compendio/search.py); this
   keeps the results that arrive in one batch in the same order: the page's language first, the rest after.
   A result is in the page's language when its address is under this language's root, and, on the default
   language's pages, not under another language's folder. */
(function () {
  "use strict";
  var config = document.getElementById("__config");
  if (!config) return;
  var base = new URL(JSON.parse(config.textContent).base, location.href).href;
  if (base.slice(-1) !== "/") base += "/";

  function mine(item) {
    var link = item.querySelector("a");
    if (!link || link.href.indexOf(base) !== 0) return false;
    return !/^[a-z]{2}\//.test(link.href.slice(base.length));
  }

  function sort(list) {
    var items = Array.prototype.slice.call(list.children);
    var wanted = items.filter(mine).concat(items.filter(function (i) { return !mine(i); }));
    if (wanted.every(function (item, n) { return items[n] === item; })) return;  // already in order
    wanted.forEach(function (item) { list.appendChild(item); });
  }

  function watch() {
    var list = document.querySelector(".md-search-result__list");
    if (!list) return;
    new MutationObserver(function () { sort(list); }).observe(list, { childList: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
