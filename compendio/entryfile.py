"""Read one entry file, `practices/<slug>.<lang>.md`, in the one accepted format.

The format: UTF-8 without a byte-order mark, LF line endings, a first line that is exactly `---`, YAML front
matter, a line that is exactly `---`, then the Markdown body. Anything else is reported, not guessed at,
because MkDocs and other front-matter readers disagree on the odd cases. python-frontmatter splits the file,
with a handler that reads the YAML by the project's rules (compendio/yamldata.py: YAML 1.2 values, the line of
every value, duplicated keys, anchors and tags refused).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
from frontmatter.default_handlers import YAMLHandler

from . import yamldata
from .i18n import LANGUAGES
from .problems import Problem

__all__ = ["FILENAME", "LANGUAGES", "EntryFile", "Section", "read"]
MAX_BYTES = 200_000
FILENAME = re.compile(r"^(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)\.(?P<lang>[a-z]{2})\.md$")
HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
EXPLICIT_ID = re.compile(r"\s*\{\s*#([A-Za-z0-9_-]+)\s*\}\s*$")


@dataclass
class Section:
    heading: str  # the heading as written
    key: str | None  # explicit {#key} if written
    line: int  # of the heading
    text: str
    text_line: int = 0  # of the first line of text


@dataclass
class EntryFile:
    path: str  # as shown in messages, relative to the project
    slug: str
    lang: str
    data: dict
    lines: dict
    lead: str = ""  # body text before the first level-2 heading
    sections: list[Section] = field(default_factory=list)
    body_line: int = 1

    def line(self, path: tuple = ()) -> int:
        return yamldata.line_of(self.lines, path)


def read(path: Path, shown: str) -> tuple[EntryFile | None, list[Problem]]:
    """Read and parse one entry file. Returns the file, or None with the problems that stop it."""
    def fail(line, fld, msg):
        return None, [Problem(shown, line, fld, msg)]

    m = FILENAME.match(path.name)
    if not m:
        return fail(1, "", f'the file name "{path.name}" does not follow <slug>.<lang>.md: use lower-case letters, '
                           'digits and single hyphens for the slug, and .es.md or .en.md, e.g. score-colombia.es.md')
    if m["lang"] not in LANGUAGES:
        return fail(1, "", f'"{m["lang"]}" is not a language of the site; name the file {m["slug"]}.es.md or '
                           f'{m["slug"]}.en.md')
    if path.is_symlink():
        return fail(1, "", "symbolic links are not accepted in practices/; put the file itself there")
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        return fail(1, "", f"the file is {len(raw):,} bytes, over the limit of {MAX_BYTES:,}; shorten it or split "
                           "long material into a linked document")
    if raw.startswith(b"\xef\xbb\xbf"):
        return fail(1, "", "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return fail(line, "", f"byte 0x{raw[exc.start]:02x} is not valid UTF-8; save the file as UTF-8")
    if "\r" in text:
        line = text[: text.index("\r")].count("\n") + 1
        return fail(line, "", "the file has Windows (CRLF) or old Mac (CR) line endings; save it with LF line endings")
    if "\x00" in text:
        return fail(text[: text.index("\x00")].count("\n") + 1, "", "the file contains a NUL character; remove it")
    lines = text.split("\n")
    if lines[0] != "---":
        return fail(1, "", 'the file must start with a line that is exactly "---", then the front matter, '
                           'then another "---" line (see practices/_templates/)')
    if "---" not in lines[1:]:
        return fail(1, "", 'the front matter is not closed: add a line that is exactly "---" after it')
    end = lines.index("---", 1) + 1  # the closing line, counted from 1
    for i, ln in enumerate(lines[1:end - 1], start=2):
        if "\t" in ln:
            return fail(i, "", "the front matter contains a tab character; indent with spaces")
    handler = _Handler()
    try:
        data, _ = frontmatter.parse(text, handler=handler)
    except yamldata.YamlError as exc:
        return fail(exc.line, exc.field, exc.message)
    if not handler.is_mapping:
        return fail(2, "", "the front matter must be a list of `key: value` lines")
    body = handler.body.split("\n")[1:]  # the lines after the closing "---" line
    blank = next((i for i, ln in enumerate(body) if ln.strip()), 0)
    entry = EntryFile(shown, m["slug"], m["lang"], data, handler.lines, body_line=end + 1 + blank)
    entry.lead, entry.sections = split_sections(body[blank:], entry.body_line)
    return entry, []


class _Handler(YAMLHandler):
    """python-frontmatter's YAML handler with the project's format: the front matter ends at the first line that
    is exactly "---", and is read by yamldata (positions, YAML 1.2). Keeps the lines of every value and the body
    with its leading blank lines (python-frontmatter strips them, which would move the lines of its text)."""

    FM_BOUNDARY = re.compile(r"^---$", re.MULTILINE)

    def __init__(self):
        super().__init__()
        self.lines: dict = {}
        self.body = ""
        self.is_mapping = False

    def split(self, text: str) -> tuple[str, str]:
        front, self.body = super().split(text)
        return front, self.body

    def load(self, fm: str, **kwargs) -> dict:
        # fm starts with the newline that ends the opening "---", so its line 1 is the file's line 1.
        data, self.lines = yamldata.load(fm, first_line=1)
        self.is_mapping = isinstance(data, dict) or data is None
        return data if isinstance(data, dict) else {}


def split_sections(body: list[str], first_line: int) -> tuple[str, list[Section]]:
    """Split a body into the text before the first `## ` heading and its level-2 sections."""
    lead: list[str] = []
    sections: list[Section] = []
    fence = None
    for offset, ln in enumerate(body):
        stripped = ln.lstrip()
        if stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            fence = None if fence == marker else (fence or marker)
        m = None if fence else HEADING.match(ln)
        if m and len(m.group(1)) == 2:
            heading, key = m.group(2), None
            em = EXPLICIT_ID.search(heading)
            if em:
                key, heading = em.group(1), heading[: em.start()].strip()
            sections.append(Section(heading, key, first_line + offset, ""))
            continue
        if sections:
            sections[-1].text += ln + "\n"
        else:
            lead.append(ln)
    for s in sections:
        stripped = s.text.lstrip("\n")
        s.text_line = s.line + 1 + len(s.text) - len(stripped)
        s.text = stripped.rstrip("\n")
    lead_text = "\n".join(lead)
    return lead_text.strip("\n"), sections
