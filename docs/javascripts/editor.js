/* Compendio ESS: the entry editor of contribute/new/ (issue 12).
 *
 * Draws the form from data/editor.json (compendio/editor.py, made from the schema at build time), checks it
 * as `make validate` does (the same JSON Schema through Ajv, the same extra rules and the same messages,
 * from data/ui.yml), and writes the entry's files byte for byte as compendio/entrywriter.py does. The draft is
 * kept in localStorage until the contributor clears it. Nothing is sent anywhere: "Propose on GitHub" only
 * opens GitHub's new-file page with the file filled in.
 */
(function () {
  "use strict";
  var root = document.getElementById("ce-editor");
  if (!root) return;

  var D, M, U, state, ajv, validators = {}, touched = {}, submitted = false, problems = [], controls = {};
  var editSlug = new URLSearchParams(location.search).get("edit");
  var storeKey = "compendio-editor:" + (editSlug || "new");
  var original = null; // the published entry, when editing one
  var timer = null;

  // ------------------------------------------------------------------------------------------- helpers
  function fmt(text, values) {
    return String(text).replace(/\{(\w+)\}/g, function (m, k) {
      return values && Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m;
    });
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === "text") node.textContent = v;
      else if (k === "class") node.className = v;
      else node.setAttribute(k, v === true ? "" : v);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }
  function clone(v) { return JSON.parse(JSON.stringify(v)); }
  function idOf(path) { return "ce-ed-" + path.join("-").replace(/[^A-Za-z0-9_-]/g, "_"); }
  function key(path) { return path.join("."); }
  function getAt(obj, path) {
    for (var i = 0; i < path.length; i++) { if (obj === null || obj === undefined) return undefined; obj = obj[path[i]]; }
    return obj;
  }
  function setAt(obj, path, value) {
    for (var i = 0; i < path.length - 1; i++) {
      if (obj[path[i]] === undefined || obj[path[i]] === null) obj[path[i]] = typeof path[i + 1] === "number" ? [] : {};
      obj = obj[path[i]];
    }
    obj[path[path.length - 1]] = value;
  }
  function otherLang(lang) { return lang === "es" ? "en" : "es"; }
  function langName(lang) { var n = D.language_names[lang]; return n.charAt(0).toUpperCase() + n.slice(1); }
  function isEmpty(v) { return (typeof v === "string" || Array.isArray(v)) ? v.length === 0 : (v && typeof v === "object" ? Object.keys(v).length === 0 : false); }
  function codePoints(s) { return Array.from(String(s)).length; }
  function isObj(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  var NOT_STATED = "not_stated"; // compendio/model.py: what an entry says where its source does not state a fact
  var FIGURES = ["results", "context_figures"]; // compendio/factrules.py: the lists of dated figures

  // Python's repr() of a value, for the messages that quote one the way make validate does.
  function pyRepr(v) {
    if (v === null || v === undefined) return "None";
    if (v === true) return "True";
    if (v === false) return "False";
    if (typeof v === "number") return pyNumber(v);
    if (typeof v === "string") {
      var q = v.indexOf("'") >= 0 && v.indexOf('"') < 0 ? '"' : "'";
      return q + v.replace(/\\/g, "\\\\").replace(new RegExp(q, "g"), "\\" + q).replace(/\n/g, "\\n") + q;
    }
    return JSON.stringify(v);
  }
  function pyNumber(v) { return String(v); }

  // ---------------------------------------------------- "Did you mean": Python's difflib, as problems.closest
  function matchingSize(a, b) {
    var b2j = {};
    for (var j = 0; j < b.length; j++) (b2j[b[j]] = b2j[b[j]] || []).push(j);
    function longest(alo, ahi, blo, bhi) {
      var besti = alo, bestj = blo, bestsize = 0, j2len = {};
      for (var i = alo; i < ahi; i++) {
        var newj2len = {}, js = b2j[a[i]] || [];
        for (var n = 0; n < js.length; n++) {
          var jj = js[n];
          if (jj < blo) continue;
          if (jj >= bhi) break;
          var k = newj2len[jj] = (j2len[jj - 1] || 0) + 1;
          if (k > bestsize) { besti = i - k + 1; bestj = jj - k + 1; bestsize = k; }
        }
        j2len = newj2len;
      }
      while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) { besti--; bestj--; bestsize++; }
      while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
      return [besti, bestj, bestsize];
    }
    var total = 0, queue = [[0, a.length, 0, b.length]];
    while (queue.length) {
      var q = queue.pop(), m = longest(q[0], q[1], q[2], q[3]);
      if (m[2]) {
        total += m[2];
        if (q[0] < m[0] && q[2] < m[1]) queue.push([q[0], m[0], q[2], m[1]]);
        if (m[0] + m[2] < q[1] && m[1] + m[2] < q[3]) queue.push([m[0] + m[2], q[1], m[1] + m[2], q[3]]);
      }
    }
    return total;
  }
  function ratio(a, b) { var l = a.length + b.length; return l ? 2 * matchingSize(a, b) / l : 1; }
  function fold(s) {
    return String(s).normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase().replace(/-/g, "_").replace(/ /g, "_");
  }
  function closest(value, choices) {
    var folded = new Map();
    choices.forEach(function (c) { folded.set(fold(c), String(c)); });
    var target = fold(value);
    if (folded.has(target)) return [folded.get(target)];
    var scored = [];
    folded.forEach(function (orig, f) {
      var a = Array.from(f), b = Array.from(target), r = ratio(a, b);
      if (r >= 0.6) scored.push([r, f]);
    });
    scored.sort(function (x, y) { return y[0] - x[0] || (y[1] > x[1] ? 1 : y[1] < x[1] ? -1 : 0); });
    if (scored.length) return [folded.get(scored[0][1])];
    if (target.length >= 4) {
      var prefix = target.slice(0, 4), hit = null;
      folded.forEach(function (orig, f) { if (hit === null && f.indexOf(prefix) === 0) hit = orig; });
      if (hit !== null) return [hit];
    }
    return [];
  }
  function didYouMean(value, choices) {
    var hits = closest(value, choices);
    return hits.length ? fmt(M.did_you_mean, { hit: hits[0] }) : "";
  }

  // ------------------------------------------------------------------------------- the field model
  function fieldsFor(kind) { return D.fields.filter(function (f) { return f.name !== "kind" && f.kinds.indexOf(kind) >= 0; }); }
  function fieldByName(name) { return D.fields.filter(function (f) { return f.name === name; })[0]; }
  function vocab(name) { return D.vocabularies[name] || []; }
  function registry(name) {
    if (name === "countries") return D.registries.countries.map(function (c) { return [c[0], D.lang === "es" ? c[1] : c[2]]; });
    return D.registries[name] || [];
  }
  function kindOf() { return state.facts.kind || ""; }
  function sectionsOf(kind) { var s = D.sections.kinds[kind]; return s ? { required: s.required, optional: s.optional } : { required: [], optional: [] }; }
  var NEW_RECORD = { organisations: "organisation", sources: "source" };

  function emptyState() {
    return { v: 1, slug: "", languages: D.languages.slice(), facts: {}, text: {}, sections: {}, lead: {},
             records: { organisation: [], source: [] } };
  }

  // A record (compendio/entrywriter.py's shape) from the form's values: numbers parsed, lines split, country
  // names turned into codes, empty values left out. What cannot be read is kept as typed, so the checks say why.
  function toNumber(raw, nullable) {
    var s = String(raw === undefined || raw === null ? "" : raw).trim();
    if (s === "") return nullable ? null : undefined;
    if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s);
    return s;
  }
  function countryCode(raw) {
    var s = String(raw || "").trim();
    if (!s) return undefined;
    var f = fold(s), found;
    D.registries.countries.forEach(function (c) {
      if (found) return;
      if (c[0] === s.toUpperCase() && s.length === 2) found = c[0];
      else if (fold(c[1]) === f || fold(c[2]) === f) found = c[0];
    });
    return found || s;
  }
  function convert(spec, raw) {
    var w = spec.widget;
    if (spec.constant !== undefined && raw === spec.constant) return raw; // period: not_stated
    if (w === "integer" || w === "number") return toNumber(raw, spec.nullable);
    if (w === "boolean") return raw ? true : undefined;
    if (w === "text" || w === "choice" || w === "term") { var s = String(raw === undefined || raw === null ? "" : raw).trim(); return s === "" ? (spec.nullable ? null : undefined) : s; }
    if (w === "ref") {
      if (spec.registry === "countries") return countryCode(raw);
      var r = String(raw || "").trim();
      if (r.indexOf("new:") === 0) { var rec = newRecord(spec.registry, r); return rec && rec.id ? rec.id.trim() : undefined; }
      return r === "" ? undefined : r;
    }
    if (w === "lines") return String(raw || "").split("\n").map(function (l) { return l.trim(); }).filter(Boolean);
    if (w === "terms" || w === "numbers") return (raw || []).slice();
    if (w === "refs") {
      var item = { widget: "ref", registry: spec.registry };
      return (raw || []).map(function (v) { return convert(item, v); }).filter(function (v) { return v !== undefined; });
    }
    if (w === "texts") {
      var t = {};
      D.languages.forEach(function (l) { var v = String((raw || {})[l] || "").trim(); if (v) t[l] = v; });
      return Object.keys(t).length ? t : undefined;
    }
    if (w === "group") {
      var g = {}, any = false;
      spec.parts.forEach(function (p) {
        var v = convert(p, isObj(raw) ? raw[p.name] : undefined);
        // An empty list is left out, as the file leaves it out: a new row holds nothing yet.
        if (v !== undefined && !(Array.isArray(v) && !v.length)) { g[p.name] = v; if (v !== null) any = true; }
      });
      return any ? g : undefined;
    }
    if (w === "rows") {
      var group = { widget: "group", parts: spec.parts };
      return (raw || []).map(function (r) { return convert(group, r); }).filter(function (v) { return v !== undefined; });
    }
    return raw;
  }
  // A list the kind needs but may leave empty (countries: [] for a methodology) is written, not left out.
  function emptyList(spec, v, kind) { return Array.isArray(v) && !v.length && ((spec || {}).empty || []).indexOf(kind) >= 0; }
  function newRecord(registryName, value) {
    var kind = NEW_RECORD[registryName];
    var i = Number(String(value).slice(4));
    return kind ? state.records[kind][i] : undefined;
  }
  function toRecord() {
    var kind = kindOf(), facts = {}, text = {}, sections = {};
    if (kind) facts.kind = kind;
    D.fields.forEach(function (f) {
      if (f.name === "kind" || (kind && f.kinds.indexOf(kind) < 0)) return;
      if (f.localized) return;
      var v = convert(f, state.facts[f.name]);
      if (v !== undefined && (!isEmpty(v) || emptyList(f, v, kind))) facts[f.name] = v;
    });
    var langs = D.languages.filter(function (l) { return state.languages.indexOf(l) >= 0; });
    langs.forEach(function (lang) {
      text[lang] = {};
      D.fields.forEach(function (f) {
        if (!f.localized || (kind && f.kinds.indexOf(kind) < 0)) return;
        var v = convert(f, getAt(state.text, [lang, f.name]));
        if (v !== undefined && !isEmpty(v)) text[lang][f.name] = v;
      });
      sections[lang] = {};
      var s = sectionsOf(kind);
      s.required.concat(s.optional).forEach(function (k) {
        var v = getAt(state.sections, [lang, k]);
        if (v && bodyText(v)) sections[lang][k] = v;
      });
    });
    var rec = { slug: String(state.slug || "").trim(), languages: langs, facts: facts, text: text, sections: sections };
    if (state.facts_lang) rec.facts_lang = state.facts_lang;
    if (state.lead && Object.keys(state.lead).length) rec.lead = state.lead;
    return rec;
  }
  function newRecords() {
    var out = {};
    Object.keys(state.records).forEach(function (kind) {
      var parts = D.records[kind];
      out[kind] = state.records[kind].map(function (r) {
        return { id: String(r.id || "").trim(), record: convert({ widget: "group", parts: parts }, r) || {} };
      }).filter(function (r) { return r.id || Object.keys(r.record).length; });
    });
    return out;
  }

  // ------------------------------------------------------------ the files (as compendio/entrywriter.py)
  var CODE_WIDGETS = { term: 1, terms: 1, ref: 1, refs: 1, choice: 1 };
  var PLAIN = /^(?:[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*|[A-Z]{2})$/;
  var SPECIAL = { "null": 1, "true": 1, "false": 1, "yes": 1, "no": 1, "on": 1, "off": 1, "y": 1, "n": 1, "NO": 1, "ON": 1 };
  function scalar(v, code) {
    if (v === null || v === undefined) return "null";
    if (v === true) return "true";
    if (v === false) return "false";
    if (typeof v === "number") return String(v);
    var s = String(v);
    if (code && PLAIN.test(s) && !SPECIAL[s]) return s;
    return JSON.stringify(s);
  }
  function itemWidget(spec) { var w = (spec || {}).widget; return { terms: "term", refs: "ref", rows: "group", lines: "text" }[w] || w; }
  function partsOf(spec) { var o = {}; ((spec || {}).parts || []).forEach(function (p) { o[p.name] = p; }); return o; }
  function ordered(value, parts) {
    var keys = Object.keys(parts).filter(function (k) { return k in value; })
      .concat(Object.keys(value).filter(function (k) { return !(k in parts); }));
    return keys.filter(function (k) { return !isEmptyOut(value[k]); }).map(function (k) { return [k, value[k]]; });
  }
  function isEmptyOut(v) { return (typeof v === "string" || Array.isArray(v)) ? v.length === 0 : (v && typeof v === "object" ? Object.keys(v).length === 0 : false); }
  function flow(value, spec) {
    spec = spec || {};
    if (Array.isArray(value)) {
      var item = Object.assign({}, spec, { widget: itemWidget(spec) });
      return "[" + value.map(function (v) { return flow(v, item); }).join(", ") + "]";
    }
    if (value !== null && typeof value === "object") {
      var parts = partsOf(spec);
      return "{" + ordered(value, parts).map(function (kv) { return kv[0] + ": " + flow(kv[1], parts[kv[0]]); }).join(", ") + "}";
    }
    return scalar(value, !!CODE_WIDGETS[spec.widget] || (spec.widget === "text" && "pattern" in spec) ||
                         (spec.constant !== undefined && value === spec.constant));
  }
  function fieldLines(name, value, spec) {
    if (Array.isArray(value) && value.length && value.every(function (v) { return v !== null && typeof v === "object" && !Array.isArray(v); })) {
      var out = [name + ":"], parts = partsOf(spec);
      value.forEach(function (item) {
        var pairs = ordered(item, parts);
        if (pairs.every(function (kv) { return !isObj(kv[1]); })) { // one line: {basis: region, countries: [EC, BO]}
          out.push("  - " + flow(item, Object.assign({}, spec, { widget: "group" })));
          return;
        }
        pairs.forEach(function (kv, i) { out.push((i === 0 ? "  - " : "    ") + kv[0] + ": " + flow(kv[1], parts[kv[0]])); });
      });
      return out;
    }
    return [name + ": " + flow(value, spec)];
  }
  function bodyText(text) { return String(text || "").replace(/\r\n?/g, "\n").replace(/^\n+|\n+$/g, "").replace(/\s+$/, ""); }
  function entryFiles(rec) {
    var specs = D.fields, byName = {};
    specs.forEach(function (f) { byName[f.name] = f; });
    var langs = D.languages.filter(function (l) { return (rec.languages || []).indexOf(l) >= 0; });
    var files = {};
    if (!langs.length) return files;
    var factsLang = langs.indexOf(rec.facts_lang) >= 0 ? rec.facts_lang : langs[0];
    var facts = rec.facts || {}, s = sectionsOf(facts.kind), order = s.required.concat(s.optional);
    langs.forEach(function (lang) {
      var head = ["---"], text = (rec.text || {})[lang] || {};
      specs.forEach(function (spec) {
        var v = text[spec.name];
        if (spec.localized && v !== undefined && !isEmptyOut(v)) {
          head.push(spec.name + ": " + flow(v, Object.assign({}, spec, { widget: Array.isArray(v) ? "lines" : "text" })));
        }
      });
      if (lang === factsLang) {
        head.push(D.facts_comment[lang]);
        var names = specs.filter(function (f) { return !f.localized; }).map(function (f) { return f.name; });
        names.concat(Object.keys(facts).filter(function (k) { return !byName[k]; })).forEach(function (name) {
          if (name in facts && (!isEmptyOut(facts[name]) || emptyList(byName[name], facts[name], facts.kind))) {
            head.push.apply(head, fieldLines(name, facts[name], byName[name] || {}));
          }
        });
      }
      head.push("---");
      var sections = (rec.sections || {})[lang] || {}, body = [];
      var keys = order.filter(function (k) { return k in sections; }).concat(Object.keys(sections).filter(function (k) { return order.indexOf(k) < 0; }));
      var lead = bodyText((rec.lead || {})[lang]);
      if (lead) body.push(lead + "\n");
      keys.forEach(function (k) {
        var t = bodyText(sections[k]);
        if (t) body.push("## " + (D.sections.labels[k] ? D.sections.labels[k][lang] : k) + "\n\n" + t + "\n");
      });
      files["practices/" + rec.slug + "." + lang + ".md"] = head.join("\n") + "\n" + (body.length ? "\n" + body.join("\n") : "");
    });
    return files;
  }
  function registryFiles(rec, records) {
    var out = {};
    function text(kind) {
      var parts = partsOf({ parts: D.records[kind] }), lines = [];
      records[kind].forEach(function (r) {
        lines.push(scalar(r.id, true) + ":");
        ordered(r.record, parts).forEach(function (kv) { lines.push("  " + kv[0] + ": " + flow(kv[1], parts[kv[0]])); });
      });
      return lines.join("\n") + "\n";
    }
    if (records.organisation.length) out["data/organisations/" + rec.slug + ".yml"] = text("organisation");
    if (records.source.length) out["data/sources.yml"] = text("source");
    return out;
  }

  // ---------------------------------------------------------------------------------------- checks
  function parsePath(p) {
    return p ? p.split("/").slice(1).map(function (s) { s = s.replace(/~1/g, "/").replace(/~0/g, "~"); return /^\d+$/.test(s) ? Number(s) : s; }) : [];
  }
  function fieldName(path) {
    var out = "";
    path.forEach(function (p) { out += typeof p === "number" ? "[" + p + "]" : (out ? "." + p : p); });
    return out;
  }
  function typeName(v) {
    if (v === null || v === undefined) return M.got_null;
    if (typeof v === "boolean") return M.got_boolean;
    if (typeof v === "number") return M.got_number;
    if (typeof v === "string") return M.got_string;
    if (Array.isArray(v)) return M.got_array;
    return M.got_object;
  }
  function patternMessage(value, path, hint) {
    var names = path.filter(function (p) { return typeof p === "string"; }), name = names[names.length - 1] || "";
    if (name === "countries" || name === "country") {
      var codes = D.registries.countries.map(function (c) { return c[0]; }), byName = new Map(), names2 = [];
      D.registries.countries.forEach(function (c) {
        [c[1], c[2]].forEach(function (n) { if (!byName.has(n)) names2.push(n); byName.set(n, c[0]); });
      });
      var hits = closest(value, codes.concat(names2));
      var hit = hits.length ? (byName.has(hits[0]) ? byName.get(hits[0]) : hits[0]) : null;
      return fmt(M.pattern_country, { value: value, tip: hit ? fmt(M.did_you_mean, { hit: hit }) : "" });
    }
    if (name === "methodologies" || name === "related") return fmt(M.pattern_slug, { value: value });
    if (name === "as_of" || name === "date") return fmt(M.pattern_date, { value: value });
    if (name === "url") return fmt(M.pattern_url, { value: value });
    return fmt(M.pattern, { value: value, hint: hint }).trim();
  }
  // compendio/validate.py Checker.explain, for Ajv's errors.
  function explain(err, path) {
    var kw = err.keyword, inst = err.data, schema = err.parentSchema || {}, hint = schema.description || "";
    var names = path.filter(function (p) { return typeof p === "string"; }), leaf = names[names.length - 1] || "";
    if (kw === "enum") {
      var allowed = err.params.allowedValues, sug = didYouMean(inst, allowed);
      var shown = allowed.length <= 25 ? allowed.join(", ") : M.see_vocab;
      return fmt(M.enum, { value: inst, hint: sug || fmt(M.accepted, { list: shown }) });
    }
    if (kw === "type") {
      var expected = String(err.params.type).split(","), num = expected.indexOf("integer") >= 0 || expected.indexOf("number") >= 0;
      var want = expected.map(function (t) { return M["type_" + t] || t; }).join(M.or), extra = "";
      if (num && typeof inst === "string" && /^\s*\d+\s*$/.test(inst)) extra = fmt(M.unquote, { value: inst.trim() });
      else if (num && typeof inst === "string" && /^\s*[\d.,]+\s*%\s*$/.test(inst)) extra = fmt(M.percent_alone, { value: inst.trim().replace(/%$/, "").trim() });
      else if (num && typeof inst === "string" && /^\d{1,3}([.,]\d{3})+$/.test(inst.trim())) extra = fmt(M.thousands, { value: inst.trim().replace(/[.,]/g, "") });
      else if (expected.indexOf("boolean") >= 0 && typeof inst === "string" && ["yes", "no", "si", "sí", "y", "n", "on", "off"].indexOf(inst.toLowerCase()) >= 0) extra = M.write_bool;
      return fmt(M.type, { want: want, got: typeName(inst), extra: extra });
    }
    if (kw === "pattern") return patternMessage(inst, path, hint);
    if (path.indexOf("sdgs") >= 0 && (kw === "minimum" || kw === "maximum")) return fmt(M.sdg, { value: inst });
    if (kw === "minimum" || kw === "exclusiveMinimum") return fmt(M.minimum, { value: pyNumber(inst), limit: err.params.limit, hint: hint || M.correct });
    if (kw === "maximum" || kw === "exclusiveMaximum") return fmt(M.maximum, { value: pyNumber(inst), limit: err.params.limit, hint: hint || M.correct });
    if (kw === "minLength") return fmt(M.min_length, { limit: err.params.limit });
    if (kw === "maxLength") return fmt(M.max_length, { length: codePoints(inst), limit: err.params.limit });
    if (kw === "minItems") return fmt(M.min_items, { limit: err.params.limit });
    if (kw === "minProperties") return M.min_properties;
    if (kw === "oneOf" || kw === "anyOf") {
      if (leaf === "end" && path[path.length - 1] === "end") return fmt(M.end_year, { value: pyRepr(inst) });
      if (path[path.length - 1] === "year") return fmt(M.year, { value: pyRepr(inst) });
      return fmt(M.one_of, { value: pyRepr(inst), hint: hint }).trim();
    }
    return fmt(M.other, { message: err.message, hint: hint }).trim();
  }
  // compendio/messages.py specific(): each failed oneOf/anyOf replaced by the errors of the alternative the value
  // was meant for (the one whose type fits, else the field's main form: the first that is not null or a constant),
  // so a mistake inside period or status gets the message it would get without the alternatives. The schema is
  // inlined (no $ref), so an error's schemaPath says which alternative it comes from.
  function isWrapper(e) { return e.keyword === "oneOf" || e.keyword === "anyOf"; }
  function under(e, w) {
    return e !== w && e.schemaPath.indexOf(w.schemaPath + "/") === 0 &&
      (e.instancePath === w.instancePath || e.instancePath.indexOf(w.instancePath + "/") === 0);
  }
  function specific(errs) {
    var wrappers = errs.filter(isWrapper), out = [];
    errs.forEach(function (e) {
      if (wrappers.some(function (w) { return under(e, w); })) return; // reached through its alternative
      if (!isWrapper(e)) { out.push(e); return; }
      var branches = {}, order = [];
      errs.forEach(function (sub) {
        if (!under(sub, e)) return;
        var b = Number(sub.schemaPath.slice(e.schemaPath.length + 1).split("/")[0]);
        if (!branches[b]) { branches[b] = []; order.push(b); }
        branches[b].push(sub);
      });
      var fits = order.filter(function (b) {
        return !branches[b].some(function (sub) { return (sub.keyword === "type" || sub.keyword === "const") && sub.instancePath === e.instancePath; });
      });
      if (!fits.length) {
        var alts = Array.isArray(e.schema) ? e.schema : [], main = -1;
        for (var i = 0; i < alts.length && main < 0; i++) if (alts[i].type !== "null" && !("const" in alts[i])) main = i;
        fits = branches[main] ? [main] : [];
      }
      if (fits.length === 1) out.push.apply(out, specific(branches[fits[0]]));
      else out.push(e);
    });
    return out;
  }
  // Ajv's errors, as make validate reports them: one per problem, with the path of the field in the form.
  function schemaProblems(validator, data, prefix, add, factsNote) {
    if (validator(data)) return;
    var errs = specific((validator.errors || []).filter(function (e) { return e.keyword !== "if"; }));
    errs.forEach(function (e) {
      if (typeof e.data === "string" && e.data.indexOf(D.patterns.placeholder) === 0) return;
      var path = parsePath(e.instancePath);
      if (e.keyword === "required") {
        var name = e.params.missingProperty;
        var msg = fmt(M.missing, { name: name, where: path.length ? fmt(M.where, { path: fieldName(path) }) : "" });
        add(prefix.concat(path, [name]), msg + (factsNote || ""));
        return;
      }
      if (e.keyword === "additionalProperties") {
        var allowed = Object.keys((e.parentSchema || {}).properties || {}), k = e.params.additionalProperty;
        add(prefix.concat(path, [k]), fmt(M.unknown_field, { name: k, hint: didYouMean(k, allowed) || fmt(M.allowed_here, { list: allowed.join(", ") }) }));
        return;
      }
      add(prefix.concat(path), explain(e, path));
    });
  }
  function plainTextProblems(value, path, add) {
    if (Array.isArray(value)) { value.forEach(function (v, i) { plainTextProblems(v, path.concat([i]), add); }); return; }
    if (value !== null && typeof value === "object") { Object.keys(value).forEach(function (k) { plainTextProblems(value[k], path.concat([k]), add); }); return; }
    if (typeof value !== "string") return;
    if (value.indexOf(D.patterns.placeholder) === 0) add(path, fmt(M.placeholder, { value: value }));
    else if ((value.indexOf("<") >= 0 || value.indexOf(":") >= 0) && new RegExp(D.patterns.markup, "i").test(value)) add(path, M.markup);
  }
  function check() {
    var out = [], seen = {};
    function add(path, message) {
      var k = key(path) + "\u0000" + message;
      if (seen[k]) return;
      seen[k] = 1;
      out.push({ path: path, message: message });
    }
    var rec = toRecord(), kind = rec.facts.kind, langs = rec.languages, records = newRecords();
    if (!langs.length) add(["languages"], M.no_language);
    if (!rec.slug) add(["slug"], fmt(M.missing, { name: "slug", where: "" }));
    else if (!new RegExp(D.patterns.filename).test(rec.slug + "." + (langs[0] || "es") + ".md")) add(["slug"], fmt(M.filename, { name: rec.slug + "." + (langs[0] || "es") + ".md" }));
    else if (!editSlug && D.registries.entries.some(function (e) { return e[0] === rec.slug; })) add(["slug"], fmt(M.slug_taken, { slug: rec.slug }));
    var files = langs.map(function (l) { return "practices/" + (rec.slug || "") + "." + l + ".md"; });
    var factsLang = langs.indexOf(rec.facts_lang) >= 0 ? rec.facts_lang : langs[0];
    // Each file on its own, as make validate reads it.
    langs.forEach(function (lang) {
      var data = Object.assign({}, rec.text[lang], lang === factsLang ? rec.facts : {});
      schemaProblems(validators.file, data, [], function (path, msg) {
        var f = fieldByName(path[0]);
        add(f && f.localized ? ["text", lang].concat(path) : ["facts"].concat(path), msg);
      });
      plainTextProblems(rec.text[lang], ["text", lang], add);
    });
    plainTextProblems(rec.facts, ["facts"], add);
    // The entry, its facts merged.
    schemaProblems(validators.entry, rec.facts, ["facts"], add, fmt(M.missing_fact, { files: files.join(M.or) }));
    factProblems(rec.facts, add);
    countryProblems(rec.facts, add);
    dateProblems(rec.facts, records, add);
    referenceProblems(rec, records, add);
    localizedProblems(rec, add);
    sectionProblems(rec, add);
    recordProblems(records, add);
    return out;
  }
  // compendio/factrules.py check(): rules between facts.
  function factProblems(f, add) {
    var period = isObj(f.period) ? f.period : null, start = period ? period.start : undefined, end = period ? period.end : undefined;
    if (typeof start === "number" && typeof end === "number" && end < start) {
      add(["facts", "period", "end"], fmt(M.end_before_start, { end: end, start: start }));
    }
    if (isObj(f.status) && f.status.value === "completed" && period && (end === null || end === undefined)) {
      add(["facts", "period", "end"], M.completed_end);
    }
    FIGURES.forEach(function (name) {
      (f[name] || []).forEach(function (r, i) {
        if (!isObj(r)) return;
        if (r.unit === "percent" && typeof r.value === "number" && r.value > 100) add(["facts", name, i, "value"], fmt(M.percent_over, { value: r.value }));
        if (r.year === null && "year_inferred" in r) add(["facts", name, i, "year_inferred"], M.year_inferred);
      });
    });
    var countries = Array.isArray(f.countries) ? f.countries : [];
    (f.places || []).forEach(function (p, i) {
      if (isObj(p) && countries.indexOf(p.country) < 0) add(["facts", "places", i, "country"], fmt(M.place_country, { value: p.country }));
    });
    (f.scope || []).forEach(function (item, i) {
      (isObj(item) && Array.isArray(item.countries) ? item.countries : []).forEach(function (c, j) {
        if (countries.indexOf(c) >= 0) add(["facts", "scope", i, "countries", j], fmt(M.scope_country, { value: c }));
      });
    });
  }
  // compendio/validate.py check_countries: codes of documented use and of scope are codes CLDR knows.
  function countryProblems(f, add) {
    var codes = D.registries.countries.map(function (c) { return c[0]; }), found = [];
    (Array.isArray(f.countries) ? f.countries : []).forEach(function (c, i) { found.push([["countries", i], c]); });
    (f.scope || []).forEach(function (item, i) {
      (isObj(item) && Array.isArray(item.countries) ? item.countries : []).forEach(function (c, j) { found.push([["scope", i, "countries", j], c]); });
    });
    found.forEach(function (x) {
      var c = x[1];
      if (typeof c === "string" && /^[A-Z]{2}$/.test(c) && codes.indexOf(c) < 0) {
        var tip = D.country_aliases[c] ? fmt(M.did_you_mean, { hit: D.country_aliases[c] }) : didYouMean(c, codes);
        add(["facts"].concat(x[0]), fmt(M.country_cldr, { value: c, tip: tip }));
      }
    });
  }
  // compendio/factrules.py check_dates: no figure or status dated after its source was published.
  function dateProblems(f, records, add) {
    var published = {};
    D.registries.sources.forEach(function (s) { published[s[0]] = s[2]; });
    records.source.forEach(function (r) { if (r.id) published[r.id] = r.record.year; });
    function after(path, year, sid, unknown) {
      var pub = typeof sid === "string" && Object.prototype.hasOwnProperty.call(published, sid) ? published[sid] : null;
      if (Number.isInteger(year) && Number.isInteger(pub) && year > pub) {
        add(["facts"].concat(path), fmt(M.after_source, { year: year, source: sid, published: pub, unknown: unknown }));
      }
    }
    FIGURES.forEach(function (name) {
      (f[name] || []).forEach(function (r, i) { if (isObj(r)) after([name, i, "year"], r.year, r.source, "null"); });
    });
    var st = f.status;
    if (isObj(st) && typeof st.as_of === "string" && st.as_of !== NOT_STATED && /^\d{4}/.test(st.as_of)) {
      after(["status", "as_of"], Number(st.as_of.slice(0, 4)), st.source, NOT_STATED);
    }
  }
  function referenceProblems(rec, records, add) {
    var f = rec.facts, ids = {};
    ["organisations", "sources", "instruments", "entries", "methodologies"].forEach(function (r) {
      ids[r] = registry(r).map(function (x) { return x[0]; });
    });
    records.organisation.forEach(function (r) { ids.organisations.push(r.id); });
    records.source.forEach(function (r) { ids.sources.push(r.id); });
    ids.entries = ids.entries.filter(function (s) { return s !== rec.slug; });
    function ref(path, value, reg, nested) {
      if (typeof value !== "string" || ids[reg].indexOf(value) >= 0) return;
      var fix = M["fix_" + reg + (nested && M["fix_" + reg + "_nested"] ? "_nested" : "")];
      add(["facts"].concat(path), fmt(M.no_ref, { what: M["ref_" + reg], value: value, tip: didYouMean(value, ids[reg].slice().sort()), fix: fix }));
    }
    (f.methodologies || []).forEach(function (m, i) { ref(["methodologies", i], m, "methodologies"); });
    (f.related || []).forEach(function (m, i) { ref(["related", i], m, "entries"); });
    (f.organisations || []).forEach(function (o, i) { ref(["organisations", i, "id"], o.id, "organisations"); });
    (f.developed_by || []).forEach(function (o, i) { ref(["developed_by", i], o, "organisations"); });
    (f.sources || []).forEach(function (s, i) { ref(["sources", i], s, "sources"); });
    (f.instruments || []).forEach(function (s, i) { ref(["instruments", i], s, "instruments"); });
    if (isObj(f.status)) ref(["status", "source"], f.status.source, "sources", true);
    FIGURES.concat(["scope"]).forEach(function (name) {
      (f[name] || []).forEach(function (r, i) { if (isObj(r)) ref([name, i, "source"], r.source, "sources", true); });
    });
  }
  function localizedProblems(rec, add) {
    var kind = rec.facts.kind;
    D.fields.forEach(function (fl) {
      if (!fl.localized || fl.required.indexOf(kind) < 0 || fl.name === "title" || fl.name === "summary") return;
      rec.languages.forEach(function (lang) {
        if (!(fl.name in rec.text[lang])) add(["text", lang, fl.name], fmt(M.localized_required, { kind: kind, name: fl.name }));
      });
    });
    var mods = {};
    rec.languages.forEach(function (l) { if ((rec.text[l].modules || []).length) mods[l] = rec.text[l].modules; });
    if (mods.es && mods.en && mods.es.length !== mods.en.length) {
      add(["text", "en", "modules"], fmt(M.modules_count, { n: mods.en.length, path: "practices/" + rec.slug + ".es.md", m: mods.es.length }));
    }
  }
  function sectionProblems(rec, add) {
    var kind = rec.facts.kind;
    if (!D.sections.kinds[kind]) return;
    var s = sectionsOf(kind), allowed = s.required.concat(s.optional);
    var unsafe = new RegExp(D.patterns.unsafe_body, "gi");
    rec.languages.forEach(function (lang) {
      var names = allowed.map(function (k) { return D.sections.labels[k][lang]; });
      var foldedNames = names.map(function (n) { return fold(n); });
      s.required.forEach(function (k) {
        if (!bodyText(rec.sections[lang][k])) add(["sections", lang, k], fmt(M.section_missing, { heading: D.sections.labels[k][lang], kind: kind }));
      });
      Object.keys(rec.sections[lang]).forEach(function (k) {
        var text = bodyText(rec.sections[lang][k]), path = ["sections", lang, k], fence = null;
        if (text.indexOf(D.patterns.placeholder) === 0) add(path, fmt(M.section_todo, { heading: D.sections.labels[k][lang] }));
        text.split("\n").forEach(function (line) {
          var st = line.replace(/^\s+/, "");
          if (/^(```|~~~)/.test(st)) { var mk = st.slice(0, 3); fence = fence === mk ? null : (fence || mk); }
          var m = fence ? null : /^##[ \t]+(.*?)[ \t#]*$/.exec(line);
          if (m && foldedNames.indexOf(fold(m[1])) < 0) {
            add(path, fmt(M.section_heading, { heading: m[1], kind: kind, hint: didYouMean(m[1], names) || fmt(M.use_one_of, { list: names.join("; ") }) }));
          }
        });
        var low = text.toLowerCase();
        if (low.indexOf("<") >= 0 || low.indexOf("=") >= 0 || low.indexOf("script") >= 0 || low.indexOf("data") >= 0) {
          var m2;
          unsafe.lastIndex = 0;
          while ((m2 = unsafe.exec(text))) add(path, fmt(M.unsafe, { value: m2[0].trim() }));
        }
      });
    });
  }
  function recordProblems(records, add) {
    ["organisation", "source"].forEach(function (kind) {
      var taken = registry(kind === "organisation" ? "organisations" : "sources").map(function (r) { return r[0]; });
      records[kind].forEach(function (r, i) {
        var path = ["records", kind, i];
        if (!r.id) add(path.concat(["id"]), fmt(M.missing, { name: "id", where: "" }));
        else if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(r.id)) add(path.concat(["id"]), fmt(M.pattern_slug, { value: r.id }));
        else if (taken.indexOf(r.id) >= 0) add(path.concat(["id"]), fmt(M.id_taken, { value: r.id }));
        schemaProblems(validators[kind], r.record, path, add);
        plainTextProblems(r.record, path, add);
      });
    });
  }

  // ------------------------------------------------------------------------------------------- drawing
  function labelFor(spec, lang) { return lang ? spec.label + " (" + langName(lang) + ")" : spec.label; }
  function helpNode(id, spec, extra) {
    var text = [spec.help || "", extra || ""].filter(Boolean).join(" ");
    if (!text) return null;
    return el("p", { class: "ce-ed-help", id: id + "-help", lang: spec.help_lang && !extra ? spec.help_lang : null, text: text });
  }
  function errNode(id) { return el("p", { class: "ce-ed-error", id: id + "-err", hidden: true }); }
  function register(path, control, box) { controls[key(path)] = { control: control, box: box }; }
  function bind(control, path, read) {
    control.setAttribute("data-path", key(path));
    control.addEventListener("input", function () { update(path, read()); });
    control.addEventListener("change", function () { update(path, read()); touch(path); });
    control.addEventListener("blur", function () { touch(path); });
  }
  function describe(control, id, hasHelp) {
    control.setAttribute("aria-describedby", (hasHelp ? id + "-help " : "") + id + "-err");
  }
  function optionsFor(spec) {
    if (spec.widget === "choice") return spec.choices.map(function (c) { return [c, c]; });
    if (spec.vocabulary) return vocab(spec.vocabulary).map(function (t) { return [t[0], t[1] === t[2] ? t[1] : t[1] + " (" + t[2] + ")"]; });
    var list = registry(spec.registry).map(function (r) { return [r[0], r[1] + " · " + r[0]]; });
    var kind = NEW_RECORD[spec.registry];
    if (kind) {
      state.records[kind].forEach(function (r, i) { list.push(["new:" + i, (r.id || "") + " (" + U["new_" + kind] .replace("…", "") + ")"]); });
      list.push(["new", U["new_" + kind]]);
    }
    return list;
  }
  function selectControl(spec, path, value, label) {
    var id = idOf(path), opts = optionsFor(spec);
    var sel = el("select", { id: id, name: key(path) });
    sel.appendChild(el("option", { value: "", text: spec.required ? U.choose : U.none }));
    var known = false;
    opts.forEach(function (o) { if (o[0] === value) known = true; sel.appendChild(el("option", { value: o[0], text: o[1] })); });
    if (value && !known) sel.appendChild(el("option", { value: value, text: value }));
    sel.value = value || "";
    bind(sel, path, function () { return sel.value; });
    sel.addEventListener("change", function () {
      var kind = NEW_RECORD[spec.registry];
      if (sel.value === "new" && kind) {
        state.records[kind].push({});
        var i = state.records[kind].length - 1;
        update(path, "new:" + i);
        draw();
        var first = document.getElementById(idOf(["records", kind, i, "id"]));
        if (first) first.focus();
      }
    });
    return wrap(spec, path, sel, label);
  }
  function wrap(spec, path, control, label, extraHelp) {
    var id = idOf(path), help = helpNode(id, spec, extraHelp), box = errNode(id);
    describe(control, id, !!help);
    register(path, control, box);
    var req = spec.required && !spec.nullable ? el("span", { class: "ce-ed-req", text: " (" + U.required + ")" }) : null;
    var toggle = spec.constant !== undefined ? constantToggle(spec, path, label || spec.label) : null;
    if (toggle && getAt(state, path) === spec.constant) { control.value = ""; control.disabled = true; }
    return el("div", { class: "ce-ed-field", "data-field": key(path) }, [el("label", { for: id }, [label || spec.label, req]), control, toggle, help, box]);
  }
  // The choice of the constant the schema offers instead of a value ("Not stated in the source": period:
  // not_stated, end: not_stated): a checkbox named after its field. Unticked, the value typed before comes back.
  var stash = {};
  function constantToggle(spec, path, what) {
    var label = D.constants[spec.constant] || "{what}: " + spec.constant;
    var id = idOf(path) + "--" + String(spec.constant).replace(/[^A-Za-z0-9_-]/g, "_");
    var box = el("input", { type: "checkbox", id: id });
    box.checked = getAt(state, path) === spec.constant;
    box.addEventListener("change", function () {
      var k = key(path), before = stash[k];
      if (box.checked) { stash[k] = getAt(state, path); update(path, spec.constant); }
      else update(path, before !== undefined && before !== spec.constant ? before : (spec.widget === "group" ? {} : ""));
      touch(path);
      draw();
    });
    return el("div", { class: "ce-ed-check ce-ed-const" }, [box, el("label", { for: id, text: fmt(label, { what: what }) })]);
  }
  function inputControl(spec, path, value, label, extraHelp) {
    var id = idOf(path), long = spec.widget === "lines" || (spec.widget === "text" && spec.max > 200);
    var c = long ? el("textarea", { id: id, name: key(path), rows: spec.widget === "lines" ? 4 : 3 })
                 : el("input", { id: id, name: key(path), type: "text",
                                 inputmode: spec.widget === "integer" ? "numeric" : spec.widget === "number" ? "decimal" : null });
    if (spec.widget === "ref" && spec.registry === "countries") { c.setAttribute("list", "ce-ed-countries"); c.setAttribute("autocomplete", "off"); }
    c.value = value === undefined || value === null ? "" : String(value);
    bind(c, path, function () { return c.value; });
    return wrap(spec, path, c, label, extraHelp || (spec.widget === "lines" ? U.lines_help : spec.registry === "countries" ? U.country_help : ""));
  }
  function checkControl(spec, path, value, label) {
    var id = idOf(path), c = el("input", { id: id, name: key(path), type: "checkbox" });
    c.checked = !!value;
    bind(c, path, function () { return c.checked; });
    var help = helpNode(id, spec), box = errNode(id);
    describe(c, id, !!help);
    register(path, c, box);
    return el("div", { class: "ce-ed-field ce-ed-check" }, [c, el("label", { for: id, text: label || spec.label }), help, box]);
  }
  function choiceGroup(spec, path, values, choices, label) {
    var id = idOf(path), help = helpNode(id, spec), box = errNode(id);
    var fs = el("fieldset", { id: id, class: "ce-ed-choices", "data-path": key(path) }, [el("legend", {}, [label || spec.label, spec.required ? el("span", { class: "ce-ed-req", text: " (" + U.required + ")" }) : null])]);
    describe(fs, id, !!help);
    if (help) fs.appendChild(help);
    var list = el("div", { class: "ce-ed-grid" }), seen = {};
    function item(value, text, other) {
      seen[value] = 1;
      var cid = id + "-" + String(value).replace(/[^A-Za-z0-9_-]/g, "_");
      var c = el("input", { type: "checkbox", id: cid, value: String(value) });
      c.checked = values.indexOf(value) >= 0;
      c.addEventListener("change", function () {
        var cur = (getAt(state, statePath(path)) || []).slice(), at = cur.indexOf(value);
        if (c.checked && at < 0) cur.push(value);
        if (!c.checked && at >= 0) cur.splice(at, 1);
        update(path, cur);
        touch(path);
      });
      list.appendChild(el("div", { class: "ce-ed-choice" }, [c, el("label", { for: cid }, [text, other ? el("span", { class: "ce-ed-other", lang: D.other, text: other }) : null])]));
    }
    choices.forEach(function (ch) { item(ch[0], ch[1], ch[2] && ch[2] !== ch[1] ? ch[2] : ""); });
    values.forEach(function (v) { if (!seen[v]) item(v, String(v), ""); }); // a term the vocabulary no longer has
    fs.appendChild(list);
    fs.appendChild(box);
    register(path, fs, box);
    return fs;
  }
  function rowsControl(spec, path, rows, drawRow, label) {
    var id = idOf(path), help = helpNode(id, spec), box = errNode(id);
    var fs = el("fieldset", { id: id, class: "ce-ed-rows", "data-path": key(path) }, [el("legend", {}, [label || spec.label, spec.required ? el("span", { class: "ce-ed-req", text: " (" + U.required + ")" }) : null])]);
    describe(fs, id, !!help);
    if (help) fs.appendChild(help);
    fs.appendChild(box);
    register(path, fs, box);
    rows.forEach(function (r, i) {
      var rowPath = path.concat([i]);
      var row = el("div", { class: "ce-ed-row" }, [drawRow(r, rowPath, i)]);
      var rm = el("button", { type: "button", class: "ce-ed-remove", text: U.remove,
                              "aria-label": U.remove + ": " + fmt(U.row, { what: spec.label, n: i + 1 }) });
      rm.addEventListener("click", function () {
        var cur = (getAt(state, statePath(path)) || []).slice();
        cur.splice(i, 1);
        update(path, cur);
        draw();
        var add = document.getElementById(id + "-add");
        if (add) add.focus();
      });
      row.appendChild(rm);
      fs.appendChild(row);
    });
    var add = el("button", { type: "button", id: id + "-add", class: "ce-ed-add", text: fmt(U.add, { what: spec.label }) });
    add.addEventListener("click", function () {
      var cur = (getAt(state, statePath(path)) || []).slice();
      cur.push(spec.widget === "rows" ? {} : "");
      update(path, cur);
      draw();
      var firstNew = fs.ownerDocument.querySelector('[data-path^="' + key(path.concat([cur.length - 1])) + '"]');
      if (firstNew) firstNew.focus();
    });
    fs.appendChild(add);
    return fs;
  }
  function statePath(path) { return path[0] === "records" ? path : path; }
  function control(spec, path, value, label) {
    var w = spec.widget;
    if (w === "term" || w === "choice" || (w === "ref" && spec.registry !== "countries")) return selectControl(spec, path, value, label);
    if (w === "boolean") return checkControl(spec, path, value, label);
    if (w === "terms") return choiceGroup(spec, path, value || [], vocab(spec.vocabulary), label);
    if (w === "numbers") {
      var names = spec.vocabulary ? vocab(spec.vocabulary) : [], nums = [];
      for (var n = spec.min; n <= spec.max; n++) {
        var t = names.filter(function (x) { return x[0] === String(n); })[0];
        nums.push([n, t ? n + ". " + t[1] : String(n), t ? t[2] : ""]);
      }
      return choiceGroup(spec, path, value || [], nums, label);
    }
    if (w === "refs") {
      var item = { widget: "ref", registry: spec.registry, label: spec.label, name: spec.name };
      return rowsControl(spec, path, value || [], function (v, p, i) {
        return control(item, p, v, fmt(U.row, { what: spec.label, n: i + 1 }));
      }, label);
    }
    if (w === "rows") {
      return rowsControl(spec, path, value || [], function (v, p, i) {
        var fs = el("fieldset", { class: "ce-ed-part" }, [el("legend", { text: fmt(U.row, { what: spec.label, n: i + 1 }) })]);
        spec.parts.forEach(function (part) { fs.appendChild(control(part, p.concat([part.name]), (v || {})[part.name])); });
        return fs;
      }, label);
    }
    if (w === "group") {
      var id = idOf(path), box = errNode(id);
      var fs = el("fieldset", { id: id, class: "ce-ed-group", "data-path": key(path) }, [el("legend", {}, [label || spec.label, spec.required ? el("span", { class: "ce-ed-req", text: " (" + U.required + ")" }) : null])]);
      var help = helpNode(id, spec);
      describe(fs, id, !!help);
      if (help) fs.appendChild(help);
      fs.appendChild(box);
      register(path, fs, box);
      if (spec.constant !== undefined) fs.appendChild(constantToggle(spec, path, label || spec.label));
      var parts = el("div", { class: "ce-ed-parts", hidden: value === spec.constant && spec.constant !== undefined });
      spec.parts.forEach(function (part) { parts.appendChild(control(part, path.concat([part.name]), isObj(value) ? value[part.name] : undefined)); });
      fs.appendChild(parts);
      return fs;
    }
    if (w === "texts") {
      var box2 = el("div", { class: "ce-ed-texts", id: idOf(path), "data-path": key(path) });
      D.languages.forEach(function (l) {
        box2.appendChild(inputControl({ widget: "text", max: spec.max, label: spec.label, required: false, help: "" },
                                      path.concat([l]), (value || {})[l], labelFor(spec, l)));
      });
      var id2 = idOf(path), err2 = errNode(id2);
      register(path, box2, err2);
      box2.appendChild(err2);
      return box2;
    }
    return inputControl(spec, path, value, label);
  }

  function draw() {
    var focusId = document.activeElement && document.activeElement.id;
    controls = {};
    var form = el("form", { class: "ce-ed-form", novalidate: true });
    form.appendChild(el("p", { class: "ce-ed-status", role: "status", "aria-live": "polite", id: "ce-ed-status" }));
    var summary = el("div", { class: "ce-ed-summary", id: "ce-ed-summary", tabindex: "-1", hidden: true });
    form.appendChild(summary);
    var dl = el("datalist", { id: "ce-ed-countries" });
    registry("countries").slice().sort(function (a, b) { return a[1].localeCompare(b[1], D.lang); })
      .forEach(function (c) { dl.appendChild(el("option", { value: c[1] })); });
    form.appendChild(dl);

    var kindSpec = fieldByName("kind"), kind = kindOf();
    var kinds = vocab(kindSpec.vocabulary).map(function (t) { return [t[0], t[1], t[2]]; });
    var kfs = el("fieldset", { class: "ce-ed-kind", id: idOf(["facts", "kind"]), "data-path": "facts.kind" }, [el("legend", {}, [kindSpec.label, el("span", { class: "ce-ed-req", text: " (" + U.required + ")" })])]);
    var khelp = helpNode(idOf(["facts", "kind"]), kindSpec), kerr = errNode(idOf(["facts", "kind"]));
    describe(kfs, idOf(["facts", "kind"]), !!khelp);
    if (khelp) kfs.appendChild(khelp);
    kinds.forEach(function (k) {
      var rid = "ce-ed-kind-" + k[0], r = el("input", { type: "radio", name: "ce-ed-kind", id: rid, value: k[0] });
      r.checked = kind === k[0];
      r.addEventListener("change", function () { if (r.checked) { update(["facts", "kind"], k[0]); touch(["facts", "kind"]); draw(); } });
      kfs.appendChild(el("div", { class: "ce-ed-choice" }, [r, el("label", { for: rid }, [k[1], k[2] !== k[1] ? el("span", { class: "ce-ed-other", lang: D.other, text: k[2] }) : null])]));
    });
    kfs.appendChild(kerr);
    register(["facts", "kind"], kfs, kerr);
    form.appendChild(kfs);

    if (editSlug) form.appendChild(el("p", { class: "ce-ed-note", text: fmt(U.editing, { slug: editSlug }) }));
    var slug = inputControl({ widget: "text", label: U.slug, required: true, help: U.slug_help }, ["slug"], state.slug);
    if (editSlug) slug.querySelector("input").readOnly = true;
    form.appendChild(slug);

    var lfs = el("fieldset", { class: "ce-ed-langs", id: "ce-ed-languages", "data-path": "languages" }, [el("legend", { text: U.languages })]);
    D.languages.forEach(function (l) {
      var cid = "ce-ed-lang-" + l, c = el("input", { type: "checkbox", id: cid });
      c.checked = state.languages.indexOf(l) >= 0;
      c.addEventListener("change", function () {
        var cur = D.languages.filter(function (x) { return x === l ? c.checked : state.languages.indexOf(x) >= 0; });
        update(["languages"], cur);
        touch(["languages"]);
        draw();
      });
      lfs.appendChild(el("div", { class: "ce-ed-choice" }, [c, el("label", { for: cid, text: fmt(U.write_language, { language: D.language_names[l] }) })]));
    });
    lfs.appendChild(el("p", { class: "ce-ed-help", id: "ce-ed-languages-help", text: U.pending_language }));
    var lerr = errNode("ce-ed-languages");
    lfs.appendChild(lerr);
    lfs.setAttribute("aria-describedby", "ce-ed-languages-help ce-ed-languages-err");
    register(["languages"], lfs, lerr);
    form.appendChild(lfs);

    if (kind) {
      var langs = D.languages.filter(function (l) { return state.languages.indexOf(l) >= 0; });
      var texts = el("section", { class: "ce-ed-section", "aria-labelledby": "ce-ed-h-texts" }, [el("h2", { id: "ce-ed-h-texts", text: U.texts })]);
      fieldsFor(kind).filter(function (f) { return f.localized; }).forEach(function (f) {
        var row = el("div", { class: "ce-ed-bilingual" });
        langs.forEach(function (l) {
          var spec = Object.assign({}, f, { required: f.required.indexOf(kind) >= 0 });
          var col = el("div", { class: "ce-ed-col", lang: l }, [control(spec, ["text", l, f.name], getAt(state.text, [l, f.name]), labelFor(f, l))]);
          row.appendChild(col);
        });
        texts.appendChild(row);
      });
      form.appendChild(texts);

      var facts = el("section", { class: "ce-ed-section", "aria-labelledby": "ce-ed-h-facts" }, [el("h2", { id: "ce-ed-h-facts", text: U.facts })]);
      fieldsFor(kind).filter(function (f) { return !f.localized; }).forEach(function (f) {
        var spec = Object.assign({}, f, { required: f.required.indexOf(kind) >= 0 && (f.empty || []).indexOf(kind) < 0 });
        facts.appendChild(control(spec, ["facts", f.name], state.facts[f.name]));
      });
      ["organisation", "source"].forEach(function (rk) {
        if (!state.records[rk].length) return;
        var spec = { widget: "rows", label: U["new_" + rk].replace("…", ""), name: rk, parts: [{ name: "id", widget: "text", label: U.new_id, required: true, help: U.new_record_help }].concat(D.records[rk]) };
        facts.appendChild(control(spec, ["records", rk], state.records[rk]));
      });
      form.appendChild(facts);

      var secs = el("section", { class: "ce-ed-section", "aria-labelledby": "ce-ed-h-sections" }, [el("h2", { id: "ce-ed-h-sections", text: U.sections })]);
      var s = sectionsOf(kind);
      s.required.concat(s.optional).forEach(function (k) {
        var req = s.required.indexOf(k) >= 0, row = el("div", { class: "ce-ed-bilingual" });
        langs.forEach(function (l) {
          var path = ["sections", l, k], id = idOf(path);
          var ta = el("textarea", { id: id, rows: 6, name: key(path) });
          ta.value = getAt(state.sections, [l, k]) || "";
          bind(ta, path, function () { return ta.value; });
          var spec = { label: D.sections.labels[k][l], required: req, help: req ? U.section_required : U.section_optional };
          row.appendChild(el("div", { class: "ce-ed-col", lang: l }, [wrap(spec, path, ta, D.sections.labels[k][l] + " (" + langName(l) + ")")]));
        });
        secs.appendChild(row);
      });
      form.appendChild(secs);
    }

    var actions = el("div", { class: "ce-ed-actions" });
    actions.appendChild(el("button", { type: "submit", class: "md-button md-button--primary", text: U.check }));
    var clear = el("button", { type: "button", class: "md-button", text: U.clear });
    clear.addEventListener("click", function () {
      if (!window.confirm(U.clear_confirm)) return;
      try { localStorage.removeItem(storeKey); } catch (e) { /* storage may be off */ }
      touched = {}; submitted = false;
      state = original ? clone(original) : emptyState();
      draw();
    });
    actions.appendChild(clear);
    form.appendChild(actions);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      submitted = true;
      refresh(true);
      var sum = document.getElementById("ce-ed-summary");
      if (problems.length) sum.focus();
      else document.getElementById("ce-ed-output").focus();
    });

    var output = el("section", { class: "ce-ed-output", id: "ce-ed-output", tabindex: "-1", "aria-labelledby": "ce-ed-h-files" }, [el("h2", { id: "ce-ed-h-files", text: U.files })]);
    output.appendChild(el("div", { id: "ce-ed-files" }));
    root.textContent = "";
    root.appendChild(form);
    root.appendChild(output);
    refresh(false);
    if (focusId && document.getElementById(focusId)) document.getElementById(focusId).focus();
  }

  // ------------------------------------------------------------------------- state, draft, messages
  function update(path, value) {
    setAt(state, path, value);
    save();
    clearTimeout(timer);
    timer = setTimeout(function () { refresh(false); }, 250);
  }
  function touch(path) {
    if (!touched[key(path)]) { touched[key(path)] = 1; save(); }
    clearTimeout(timer);
    timer = setTimeout(function () { refresh(false); }, 50);
  }
  function save() {
    try {
      localStorage.setItem(storeKey, JSON.stringify({ v: 1, saved: new Date().toISOString(), state: state, touched: touched }));
      var st = document.getElementById("ce-ed-status");
      if (st && st.textContent !== U.draft_saved && st.getAttribute("data-kept") !== "1") st.textContent = U.draft_saved;
    } catch (e) { /* private browsing: nothing kept */ }
  }
  function shown(path) {
    if (submitted) return true;
    var k = key(path);
    return Object.keys(touched).some(function (t) { return k === t || k.indexOf(t + ".") === 0 || t.indexOf(k + ".") === 0; });
  }
  function target(path) {
    for (var n = path.length; n > 0; n--) { var c = controls[key(path.slice(0, n))]; if (c) return c; }
    return null;
  }
  function labelOf(path) {
    var c = target(path);
    if (!c) return fieldName(path);
    var node = c.control, lab = node.tagName === "FIELDSET" || node.tagName === "DIV" ? node.querySelector("legend,label") : document.querySelector('label[for="' + node.id + '"]');
    return lab ? lab.textContent.replace(/\s*\(.*?\)\s*$/, "").trim() || fieldName(path) : fieldName(path);
  }
  function refresh(all) {
    problems = check();
    Object.keys(controls).forEach(function (k) {
      var c = controls[k];
      c.box.hidden = true;
      c.box.textContent = "";
      if (/^(INPUT|SELECT|TEXTAREA)$/.test(c.control.tagName)) c.control.removeAttribute("aria-invalid");
      c.control.classList.remove("ce-ed-invalid");
    });
    problems.forEach(function (p) {
      var c = target(p.path);
      if (!c || !(all || shown(p.path))) return;
      c.box.hidden = false;
      c.box.appendChild(el("span", { text: p.message }));
      if (/^(INPUT|SELECT|TEXTAREA)$/.test(c.control.tagName)) c.control.setAttribute("aria-invalid", "true");
      c.control.classList.add("ce-ed-invalid");
    });
    var sum = document.getElementById("ce-ed-summary");
    if (sum) {
      sum.textContent = "";
      if (submitted && problems.length) {
        sum.hidden = false;
        sum.appendChild(el("h2", { text: problems.length === 1 ? U.problem : fmt(U.problems, { n: problems.length }) }));
        var ul = el("ul");
        problems.forEach(function (p) {
          var c = target(p.path);
          var text = fmt(U.error_at, { field: labelOf(p.path), message: p.message });
          ul.appendChild(el("li", {}, [c ? el("a", { href: "#" + c.control.id, text: text }) : text]));
        });
        sum.appendChild(ul);
      } else sum.hidden = true;
    }
    drawFiles();
  }

  // ----------------------------------------------------------------------------------------- output
  function repoUrl() {
    var a = document.querySelector("a.md-source");
    return a ? a.href.replace(/\/+$/, "") : "";
  }
  function download(name, text) {
    var blob = new Blob([text], { type: "text/plain;charset=utf-8" });
    var a = el("a", { href: URL.createObjectURL(blob), download: name.split("/").pop() });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function proposeUrl(path, text) {
    var dir = path.split("/").slice(0, -1).join("/"), name = path.split("/").pop();
    var base = repoUrl() + "/new/" + D.branch + "/" + dir + "?filename=" + encodeURIComponent(name);
    return { full: base + "&value=" + encodeURIComponent(text), bare: base };
  }
  function drawFiles() {
    var box = document.getElementById("ce-ed-files");
    if (!box) return;
    box.textContent = "";
    var rec = toRecord();
    if (!rec.slug || !rec.languages.length || !rec.facts.kind) return;
    var records = newRecords(), files = entryFiles(rec), extra = registryFiles(rec, records);
    box.appendChild(el("p", { class: problems.length ? "ce-ed-bad" : "ce-ed-good",
                              text: problems.length ? (problems.length === 1 ? U.problem : fmt(U.problems, { n: problems.length })) : U.no_problems }));
    var repo = repoUrl(), existing = original ? original.languages : [];
    if (repo) box.appendChild(el("p", { class: "ce-ed-help", text: editSlug ? U.edit_steps : U.propose_steps }));
    Object.keys(files).concat(Object.keys(extra)).forEach(function (path) {
      var text = files[path] || extra[path], name = path.split("/").pop();
      var shownName = path === "data/sources.yml" ? rec.slug + ".sources.yml" : name;
      var art = el("article", { class: "ce-ed-file" }, [el("h3", { text: path })]);
      var buttons = el("div", { class: "ce-ed-actions" });
      var dlb = el("button", { type: "button", class: "md-button", text: fmt(U.download, { file: shownName }), "data-file": path });
      dlb.addEventListener("click", function () { download(shownName, text); });
      buttons.appendChild(dlb);
      var cp = el("button", { type: "button", class: "md-button", text: fmt(U.copy, { file: name }) });
      cp.addEventListener("click", function () {
        (navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject()).then(function () {
          document.getElementById("ce-ed-status").textContent = U.copied;
        }, function () { /* no clipboard: the text is on the page to select */ });
      });
      buttons.appendChild(cp);
      if (repo) {
        var isRegistry = path === "data/sources.yml";
        var lang = (path.match(/\.(es|en)\.md$/) || [])[1];
        if (isRegistry) {
          buttons.appendChild(el("a", { class: "md-button", href: repo + "/edit/" + D.branch + "/" + path, text: fmt(U.open_file, { file: path }) }));
          art.appendChild(el("p", { class: "ce-ed-help", text: fmt(U.registry_steps, { steps: U.edit_steps }) }));
        } else if (editSlug && lang && existing.indexOf(lang) >= 0) {
          buttons.appendChild(el("a", { class: "md-button", href: repo + "/edit/" + D.branch + "/" + path, text: fmt(U.open_file, { file: name }) }));
        } else {
          var url = proposeUrl(path, text);
          if (url.full.length <= D.url_limit) {
            buttons.appendChild(el("a", { class: "md-button ce-ed-propose", href: url.full, "data-file": path, text: fmt(U.propose, { file: name }) }));
          } else {
            art.appendChild(el("p", { class: "ce-ed-help", text: fmt(U.propose_long, { file: name }) }));
            buttons.appendChild(el("a", { class: "md-button ce-ed-propose-long", href: url.bare, "data-file": path, text: fmt(U.open_new_file, { file: name }) }));
          }
        }
      }
      art.appendChild(buttons);
      art.appendChild(el("pre", { class: "ce-ed-preview", tabindex: "0", "aria-label": path }, [el("code", { text: text })]));
      box.appendChild(art);
    });
  }

  // ------------------------------------------------------------------------------------------- start
  function fromRecord(rec) {
    // The published entry as form values: the reverse of toRecord.
    var s = emptyState();
    s.slug = rec.slug;
    s.languages = rec.languages.slice();
    s.facts_lang = rec.facts_lang;
    s.lead = rec.lead || {};
    s.sections = clone(rec.sections || {});
    D.fields.forEach(function (f) {
      if (f.localized) {
        D.languages.forEach(function (l) {
          var v = getAt(rec.text, [l, f.name]);
          if (v !== undefined) setAt(s.text, [l, f.name], f.widget === "lines" ? v.join("\n") : v);
        });
        return;
      }
      var v = (rec.facts || {})[f.name];
      if (v === undefined) return;
      if (f.widget === "lines") v = v.join("\n");
      if (f.registry === "countries" && f.widget === "refs" && Array.isArray(v)) v = v.map(countryName);
      if (f.widget === "rows" && Array.isArray(v)) {
        v = v.map(function (row) {
          var r = clone(row);
          f.parts.forEach(function (p) {
            if (p.registry !== "countries" || !isObj(r) || !r[p.name]) return;
            r[p.name] = Array.isArray(r[p.name]) ? r[p.name].map(countryName) : countryName(r[p.name]);
          });
          return r;
        });
      }
      s.facts[f.name] = clone(v);
    });
    if (rec.facts && rec.facts.kind) s.facts.kind = rec.facts.kind;
    return s;
  }
  function countryName(code) {
    var hit = D.registries.countries.filter(function (x) { return x[0] === code; })[0];
    return hit ? (D.lang === "es" ? hit[1] : hit[2]) : code;
  }
  function restore() {
    try {
      var saved = JSON.parse(localStorage.getItem(storeKey) || "null");
      if (saved && saved.v === 1 && saved.state) { touched = saved.touched || {}; return saved.state; }
    } catch (e) { /* a broken draft is ignored */ }
    return null;
  }
  function start() {
    var Ajv = window.ajv7 && (window.ajv7.default || window.ajv7);
    ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    validators.file = ajv.compile(D.schemas.file);
    validators.entry = ajv.compile(D.schemas.entry);
    validators.organisation = ajv.compile(D.schemas.organisation);
    validators.source = ajv.compile(D.schemas.source);
    var draft = restore();
    state = draft || (original ? clone(original) : emptyState());
    state.records = state.records || { organisation: [], source: [] };
    draw();
    var st = document.getElementById("ce-ed-status");
    if (draft && st) { st.textContent = U.draft_restored; st.setAttribute("data-kept", "1"); }
    root.setAttribute("data-ready", "1");
  }
  // For the tests, which compare these with compendio/entrywriter.py and compendio/problems.py.
  window.compendioEditor = {
    closest: closest, entryFiles: function (rec) { return entryFiles(rec); },
    record: function () { return toRecord(); }, problems: function () { return problems.slice(); }
  };

  fetch(root.getAttribute("data-src")).then(function (r) {
    if (!r.ok) throw new Error(r.status);
    return r.json();
  }).then(function (data) {
    D = data; M = data.messages; U = data.ui;
    if (!editSlug) return null;
    root.textContent = U.loading_entry;
    return fetch(D.edit_base + encodeURIComponent(editSlug) + ".json").then(function (r) {
      if (!r.ok) { root.textContent = fmt(U.entry_missing, { slug: editSlug }); throw null; }
      return r.json();
    }).then(function (rec) { original = fromRecord(rec); });
  }).then(start).catch(function (e) {
    if (e === null) return;
    root.textContent = U ? U.load_failed : "The editor's data could not be loaded.";
    if (window.console) console.warn(e);
  });
})();
