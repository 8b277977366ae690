"""Pages for contributors, in both languages: the field reference (made from the schema, so it never drifts),
the translation status, and a help-wanted list of entries missing fields or translations."""
from __future__ import annotations

from . import editor
from .generate import Pages
from .html import a, esc, front_matter, rel

# Which vocabulary a field's values come from, for the accepted-values column.
FIELD_VOCABULARY = {"kind": "kind", "themes": "theme", "target_groups": "target_group", "sectors": "sector",
                    "audience": "target_group", "formats": "format", "status": "status"}
# Optional sections whose absence a reader would notice, per kind.
WANTED_SECTIONS = {"practice": ("funds", "contact", "materials"), "programme": ("results",),
                   "methodology": ("approach",)}


class ContributePages(Pages):
    """The contribute/ pages of a language."""

    def index(self) -> str:
        here, title = "contribute/index", self.t("contribute")
        items = [a(rel(here, "contribute/fields"), esc(self.t("fields_title"))),
                 a(rel(here, "contribute/translations"), esc(self.t("translations_title"))),
                 a(rel(here, "contribute/help-wanted"), esc(self.t("help_wanted_title")))]
        return (front_matter(title) + f"<h1>{esc(title)}</h1>\n<p>{esc(self.t('contribute_lead'))}</p>\n<ul>"
                + "".join(f"<li>{i}</li>" for i in items) + "</ul>\n")

    def required_for(self, name: str) -> list[str]:
        entry = self.schema.entry_file["$defs"]["entry"]
        kinds = self.schema.terms("kind")
        if name in self.schema.entry_file.get("required", []) or name in entry.get("required", []):
            return kinds
        out = [k for k in kinds for cond in entry.get("allOf", [])
               if cond["if"]["properties"]["kind"].get("const") == k and name in cond["then"].get("required", [])]
        out += [k for k in kinds if name in self.schema.localized_required(k)]
        return out

    def fields(self) -> str:
        here, title = "contribute/fields", self.t("fields_title")
        localized = self.schema.localized_fields()
        rows = []
        for name, prop in self.schema.entry_file["properties"].items():
            kinds = self.required_for(name)
            required = (", ".join(self.label("kind", k) for k in kinds)) if kinds else self.t("optional")
            where = self.t("in_each_language") if name in localized else self.t("once")
            meaning = prop.get("x-description-es") if self.lang == "es" else prop.get("description")
            vocab = FIELD_VOCABULARY.get(name)
            values = ""
            if vocab:
                values = "<br>".join(f"<code>{esc(t)}</code> {esc(self.label(vocab, t))}" for t in self.schema.terms(vocab))
            elif name == "sdgs":
                values = "<br>".join(f"<code>{t}</code> {esc(self.label('sdg', t))}" for t in self.schema.terms("sdg"))
            rows.append(f'<tr id="{name}"><th scope="row"><code>{name}</code><br>{esc(self.schema.field_title(name, self.lang))}</th>'
                        f"<td>{esc(meaning or '')}</td><td>{esc(where)}</td><td>{esc(required)}</td><td>{values}</td></tr>")
        head = [self.t("field"), self.t("meaning"), self.t("where_written"), self.t("required_for"), self.t("accepted_values")]
        lead = f"<p>{esc(self.t('fields_lead'))}</p>\n"
        sections = []
        for kind in self.schema.terms("kind"):
            req, opt = self.schema.sections(kind)
            names = [f"<li><code>## {esc(self.label('section', k))}</code> ({esc(self.t('required'))})</li>" for k in req]
            names += [f"<li><code>## {esc(self.label('section', k))}</code> ({esc(self.t('optional'))})</li>" for k in opt]
            sections.append(f"<h3>{esc(self.label('kind', kind))}</h3>\n<ul>{''.join(names)}</ul>\n")
        after = (f'<h2 id="sections">{esc(self.t("body_sections"))}</h2>\n<p>{esc(self.t("body_sections_lead"))}</p>\n'
                 + "".join(sections))
        units = "<br>".join(f"<code>{esc(u)}</code> {esc(self.label('unit', u))}" for u in self.schema.terms("unit"))
        after += f'<h2 id="units">{esc(self.label("compare_field", "key_results"))}: unit</h2>\n<p>{units}</p>\n'
        return self._table_page(here, title, head, rows, lead) + after

    def translations(self) -> str:
        here, title = "contribute/translations", self.t("translations_title")
        entries = self.by_title(self.cat.entries.values())
        rows = []
        for e in entries:
            cells = "".join(f"<td>{esc(self.t('translated') if lang in e.files else self.t('pending'))}</td>"
                            for lang in ("es", "en"))
            rows.append(f'<tr><th scope="row">{a(rel(here, "entries/" + e.slug), esc(e.short_title(self.lang)))}</th>{cells}</tr>')
        done = sum(1 for e in entries if not e.missing)
        lead = (f"<p>{esc(self.t('translations_lead'))}</p>\n<p><strong>"
                f"{esc(self.t('translations_summary', done=done, total=len(entries)))}</strong></p>\n")
        head = [self.t("entry"), self.t("language_es").capitalize(), self.t("language_en").capitalize()]
        return self._table_page(here, title, head, rows, lead)

    def wanted(self, e) -> list[str]:
        """What a knowledgeable contributor could add to an entry."""
        out = [self.t("missing_translation", language=self.t(f"language_{lang}")) for lang in e.missing]
        f = e.facts
        if e.kind != "methodology" and not f.get("results"):
            out.append(self.t("missing_results"))
        if not f.get("sdgs"):
            out.append(self.t("missing_sdgs"))
        if e.kind != "methodology" and not f.get("places"):
            out.append(self.t("missing_places"))
        lang = self.lang if self.lang in e.files else e.files_lang()
        out += [self.t("missing_section", name=self.label("section", k))
                for k in WANTED_SECTIONS[e.kind] if k not in e.sections.get(lang, {})]
        return out

    def help_wanted(self) -> str:
        here, title = "contribute/help-wanted", self.t("help_wanted_title")
        rows = []
        for e in self.by_title(self.cat.entries.values()):
            wanted = self.wanted(e)
            if wanted:
                rows.append(f'<tr><th scope="row">{a(rel(here, "entries/" + e.slug), esc(e.short_title(self.lang)))}</th>'
                            f'<td>{esc(self.label("kind", e.kind))}</td><td>{esc("; ".join(wanted))}</td></tr>')
        lead = f"<p>{esc(self.t('help_wanted_lead'))}</p>\n" + ("" if rows else f"<p>{esc(self.t('nothing_missing'))}</p>\n")
        return self._table_page(here, title, [self.t("entry"), self.t("kind"), self.t("missing")], rows, lead)

    def own(self) -> dict:
        pages = {"contribute/index": self.index(), "contribute/fields": self.fields(),
                 "contribute/translations": self.translations(), "contribute/help-wanted": self.help_wanted()}
        # entry editor (issue 12): its page, and a link to it on the contribute index
        pages.update(editor.pages(self.cat, self.schema, self.lang))
        pages["contribute/index"] += editor.index_link(self.lang)
        return pages
