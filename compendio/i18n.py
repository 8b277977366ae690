"""Language-dependent formatting: numbers, dates and country names from CLDR (through Babel), UI strings."""
from __future__ import annotations

import datetime
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal, get_currency_symbol

from . import yamldata

LANGUAGES = ("es", "en")  # the site's languages; the first is the default, served at the site root
DEFAULT_LANGUAGE = LANGUAGES[0]
UI_FILE = Path(__file__).resolve().parent.parent / "data" / "ui.yml"
# CLDR territory codes that are not ISO 3166-1 countries.
_NOT_COUNTRIES = {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "ZZ", "XA", "XB"}


@cache
def country_names() -> dict[str, dict[str, str]]:
    """ISO 3166-1 alpha-2 code -> {"es": name, "en": name}, from CLDR."""
    es, en = Locale("es").territories, Locale("en").territories
    return {code: {"es": es[code], "en": en[code]} for code in en
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES}


def other_language(lang: str) -> str:
    """The site's other language (the site has two)."""
    return next(other for other in LANGUAGES if other != lang)


def country(code: str, lang: str) -> str:
    return country_names()[code][lang]


@lru_cache(maxsize=65536)  # the same counts and figures appear on many pages
def number(value, lang: str) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return format_decimal(value, locale=lang)


def quantity(value, unit: str, unit_format: str, unit_label: str, lang: str) -> str:
    """A figure with its unit, as a reader of lang writes it: 69.573 trabajadores / 69,573 workers / 43 %."""
    if unit_format == "percent":
        return f"{number(value, lang)}\u00a0%" if lang == "es" else f"{number(value, lang)}%"
    if unit_format.startswith("currency:"):
        code = unit_format.split(":", 1)[1]
        symbol = get_currency_symbol(code, locale="es")  # "US$": unambiguous in both languages, unlike "$"
        amount = number(value, lang) if float(value).is_integer() else format_decimal(value, "#,##0.00", locale=lang)
        return f"{amount}\u00a0{symbol}" if lang == "es" else f"{symbol}{amount}"
    return f"{number(value, lang)} {unit_label}"


def partial_date(value: str, lang: str) -> str:
    """"2016" -> 2016; "2016-07" -> julio de 2016 / July 2016; "2016-07-15" -> 15 de julio de 2016."""
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return format_date(datetime.date(parts[0], parts[1], 1), format="LLLL 'de' y" if lang == "es" else "LLLL y",
                           locale=lang)
    return format_date(datetime.date(*parts), format="long", locale=lang)


@cache
def _ui(path: str) -> dict:
    data, _ = yamldata.load(Path(path).read_text(encoding="utf-8"))
    return data


def ui(key: str, lang: str, ui_file: Path = UI_FILE, **values) -> str:
    """A UI string from data/ui.yml in lang, with {placeholders} filled in."""
    text = _ui(str(ui_file))[key][lang]
    return text.format(**values) if values else text


def long_date(value, lang: str) -> str:
    """A full date as a reader of lang writes it: 22 de noviembre de 2026 / November 22, 2026."""
    return format_date(value, format="long", locale=lang)


def apa_date(value, lang: str) -> str:
    """The date part of an APA reference: 2026, 22 de noviembre / 2026, November 22."""
    pattern = "d 'de' MMMM" if lang == "es" else "MMMM d"
    return f"{value.year}, {format_date(value, format=pattern, locale=lang)}"
