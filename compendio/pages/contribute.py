"""Pages for contributors, in both languages: the field reference (made from the schema, so it never drifts),
the translation status, and a help-wanted list of entries missing fields or translations."""
from __future__ import annotations

from markupsafe import Markup

from .. import urls
from ..editor import PAGE as EDITOR
from ..editor_fields import required_for
from ..i18n import LANGUAGES
from ..render import front_matter
from .comparisons import HIDE, table_pages
from .context import Context

# Which vocabulary a field's values come from, for the accepted-values column.
FIELD_VOCABULARY = {"kind": "kind", "themes": "theme", "target_groups": "target_group", "sectors": "sector",
                    "audience": "target_group", "formats": "format", "status": "status", "sdgs": "sdg"}
# Optional sections whose absence a reader would notice, per kind.
WANTED_SECTIONS = {"practice": ("funds", "contact", "materials"), "programme": ("results",),
                   "methodology": ("approach",)}


def index(ctx: Context) -> str:
    t, title = ctx.f.t, ctx.f.t("contribute")
    items = [("contribute/fields", t("fields_title")), ("contribute/translations", t("translations_title")),
             ("contribute/help-wanted", t("help_wanted_title"))]
    return front_matter(title) + ctx.render("contribute_index.html", here="contribute/index", title=title, items=items)


def fields(ctx: Context) -> str:
    f, schema, here, title = ctx.f, ctx.schema, "contribute/fields", ctx.f.t("fields_title")
    localized = schema.localized_fields()
    rows = []
    for name, prop in schema.entry_file["properties"].items():
        kinds = required_for(schema, name)
        required = ", ".join(f.label("kind", k) for k in kinds) if kinds else f.t("optional")
        where = f.t("in_each_language") if name in localized else f.t("once")
        meaning = prop.get("x-description-es") if ctx.lang == "es" else prop.get("description")
        vocab = FIELD_VOCABULARY.get(name)
        rows.append((name, meaning or "", where, required, vocab, schema.terms(vocab) if vocab else []))
    head = [f.t("field"), f.t("meaning"), f.t("where_written"), f.t("required_for"), f.t("accepted_values")]
    sections = [(kind, *schema.sections(kind)) for kind in schema.terms("kind")]
    lead = Markup(ctx.render("paragraphs.html", texts=[f.t("fields_lead")], strong=False))
    return (front_matter(title, extra=HIDE)
            + ctx.render("fields.html", here=here, title=title, head=head, lead=lead, rows=rows)
            + ctx.render("fields_after.html", sections=sections, units=schema.terms("unit")))


def translations(ctx: Context) -> dict[str, str]:
    f, title = ctx.f, ctx.f.t("translations_title")
    entries = f.by_title(ctx.cat.entries.values())
    done = sum(1 for e in entries if not e.missing)
    lead = Markup(ctx.render("paragraphs.html", strong=True, texts=[
        f.t("translations_lead"), f.t("translations_summary", done=done, total=len(entries))]))
    head = [f.t("entry")] + [f.t(f"language_{lang}").capitalize() for lang in LANGUAGES]
    def rows(here, entries):
        return [(urls.rel(here, "entries/" + e.slug), e.short_title(ctx.lang),
                 [f.t("translated") if e.has_language(lang) else f.t("pending") for lang in LANGUAGES])
                for e in entries]
    return table_pages(ctx, "translations.html", "contribute/translations", title, head, entries, rows, lead)


def wanted(ctx: Context, e) -> list[str]:
    """What a knowledgeable contributor could add to an entry."""
    t, facts = ctx.f.t, e.facts
    out = [t("missing_translation", language=t(f"language_{lang}")) for lang in e.missing]
    if e.kind != "methodology" and not facts.get("results"):
        out.append(t("missing_results"))
    if not facts.get("sdgs"):
        out.append(t("missing_sdgs"))
    if e.kind != "methodology" and not facts.get("places"):
        out.append(t("missing_places"))
    sections = e.sections.get(ctx.text_lang(e), {})
    return out + [t("missing_section", name=ctx.f.label("section", k)) for k in WANTED_SECTIONS[e.kind]
                  if k not in sections]


def help_wanted(ctx: Context) -> dict[str, str]:
    f = ctx.f
    entries = [(e, w) for e in f.by_title(ctx.cat.entries.values()) if (w := wanted(ctx, e))]
    texts = [f.t("help_wanted_lead")] + ([] if entries else [f.t("nothing_missing")])
    lead = Markup(ctx.render("paragraphs.html", texts=texts, strong=False))
    head = [f.t("entry"), f.t("kind"), f.t("missing")]
    return table_pages(ctx, "help_wanted.html", "contribute/help-wanted", f.t("help_wanted_title"), head, entries,
                       lambda here, rows: rows, lead)


def editor(ctx: Context) -> str:
    """The entry editor: a form made in the browser from data/editor.json (compendio/editor.py)."""
    return (front_matter(ctx.f.t("editor_title"), ctx.f.t("editor_lead"), extra=HIDE)
            + ctx.render("editor.html", root=urls.to_site_root(EDITOR, ctx.lang)))


def pages(ctx: Context) -> dict[str, str]:
    return {"contribute/index": index(ctx), "contribute/fields": fields(ctx), **translations(ctx),
            **help_wanted(ctx), EDITOR: editor(ctx)}
