"""Where a link or image in an entry's text may lead: another entry, a section, a web address, or an image kept
in practices/images/. Anything else is refused, in Markdown and in raw HTML alike."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from .problems import did_you_mean
from .validate import UNSAFE_BODY, UNSAFE_TAGS, Checker

# Where a link or image in an entry's text may lead. Anything else is refused: a reader must never be sent to a
# file of the build machine, a path outside the site, or a script.
_TARGETS = [
    re.compile(r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'(][^)]*)?\)"),  # [text](target)
    re.compile(r"^\s{0,3}()\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M),                         # [ref]: target
]


class _HtmlTargets(HTMLParser):
    """Addresses in raw HTML of an entry's text: (is_image, address, line offset, tag), parsed as browsers do."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0] - 1
        for name, value in attrs:
            if name in ("href", "src"):
                self.found.append((name == "src", (value or "").strip(), line, tag))
            elif name == "srcset":
                for candidate in (value or "").split(","):
                    self.found.append((True, candidate.strip().split(" ")[0], line, tag))
            elif name == "style":
                self.found.append((None, "style", line, tag))

    handle_startendtag = handle_starttag


def _html_targets(text: str):
    if "<" not in text:
        return []
    parser = _HtmlTargets()
    parser.feed(text)
    parser.close()
    return parser.found
_ENTRY_TARGET = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)\.md(#[A-Za-z0-9_-]*)?$")
_IMAGE_TARGET = re.compile(r"^images/([a-z0-9]+(?:[-_][a-z0-9]+)*\.(?:png|jpe?g|webp|gif))$")
_WEB_TARGET = re.compile(r"^(?:https?://[^\s<>\"']+|mailto:[^\s<>\"']+)$", re.I)
TARGET_HELP = ("an entry's text may link to another entry ([text](slug.md)), a section of this page (#results), a "
               "web address (https://...), or show an image kept in practices/images/ (![text](images/name.png))")


def check_body_links(checker: Checker, files, known_slugs, images=frozenset()):
    """Every link and image in the body leads somewhere allowed, and entry links and images exist."""
    for f in files:
        for sec in [None, *f.sections]:
            text = f.lead if sec is None else sec.text
            first = f.body_line if sec is None else sec.text_line
            for pattern in _TARGETS if "]" in text else ():  # most sections have no link at all
                for m in pattern.finditer(text):
                    is_image, target = bool(m.group(1)), m.group(2)
                    line = first + text[: m.start()].count("\n")
                    problem = _target_problem(target, is_image, known_slugs, images)
                    if problem:
                        checker.add(f.path, line, "body", problem)
            html_targets = _html_targets(text)
            flagged = ({first + text[: m.start()].count("\n") for m in UNSAFE_BODY.finditer(text)}
                       if html_targets else set())
            for is_image, target, offset, tag in html_targets:
                if tag in UNSAFE_TAGS or first + offset in flagged:
                    continue  # the tag or its line is already reported as unsafe
                if is_image is None:
                    checker.add(f.path, first + offset, "body", '"style=" is not allowed in the text (a style can '
                                "cover or disguise the page); delete it")
                    continue
                problem = _target_problem(target, is_image, known_slugs, images)
                if problem:
                    checker.add(f.path, first + offset, "body", problem)


def _target_problem(target: str, is_image: bool, known_slugs, images) -> str:
    if not target:
        return "a link has no address; add it or remove the link"
    if re.match(r"(?i)(javascript|vbscript)\s*:|data\s*:\s*[a-z-]+/", target):
        return ""  # reported once, by the unsafe-text check
    entry = _ENTRY_TARGET.match(target)
    if entry and not is_image:
        if entry.group(1) in known_slugs:
            return ""
        return (f'the link to "{entry.group(1)}.md" leads to no entry.{did_you_mean(entry.group(1), known_slugs)} '
                "Link to another entry as [text](slug.md) with the slug of a file in practices/")
    image = _IMAGE_TARGET.match(target)
    if image and is_image:
        return "" if image.group(1) in images else (
            f'the image "{target}" is not in practices/images/; add the file there or correct the name')
    if _WEB_TARGET.match(target):
        if not is_image:
            return ""
        return (f'the image "{target}" is on another website; images are shown from practices/images/: add the file '
                "there (with permission to use it) and write ![text](images/name.png)")
    if target.startswith("#") and not is_image:
        return ""
    if ".." in target or target.startswith(("/", "\\", "~", "file:")):
        return f'"{target}" points outside the compendio (absolute or ../ paths are not allowed); {TARGET_HELP}'
    return f'"{target}" is not an address an entry can use: {TARGET_HELP}'


