"""An HTML field (GIFT's [html], Anki's HTML notes) as the bank's Markdown: what the bank can show
is kept (bold, italic, code, links to http/https/mailto, line breaks and paragraphs, lists), every
other tag is reduced to its text, and all text is escaped so that it shows as written.

The HTML is first sanitized with nh3 to those tags (a <script> or <style> goes with its content,
a link to any other scheme loses its address), then nh3's well-formed output is walked by the
standard library's parser and written as Markdown. What the bank cannot hold (pictures, sounds,
videos, frames, a link whose address is not kept) is named, for the import to report.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3

from quizapp.core.cloze import MARKDOWN
from quizapp.core.markdown_text import escape_inline, escape_line_start, join_lines

_INLINE = {"b": "**", "strong": "**", "i": "*", "em": "*"}
_LINE_TAGS = {"div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table", "dt", "dd", "dl"}
_KEPT_TAGS = set(_INLINE) | _LINE_TAGS | {"code", "pre", "a", "br", "p", "ul", "ol", "li", "td", "th"}
_MEDIA = re.compile(r"<\s*(img|audio|video|source|iframe|object|embed)\b", re.IGNORECASE)
_LIST = re.compile(r"(?:-|\d+\.) ")  # a block that is a list, as written here
_MEDIA_NAMES = {"img": "an image", "audio": "audio", "video": "a video", "source": "audio or video"}


@dataclass
class HtmlMarkdown:
    """The Markdown of an HTML field, and what it held that the bank cannot ("an image", "a link")."""

    markdown: str
    lost: list[str] = field(default_factory=list)


@dataclass
class _Node:
    tag: str
    href: str | None = None
    children: list[_Node | str] = field(default_factory=list)


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root")
        self.open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, dict(attrs).get("href") if tag == "a" else None)
        self.open[-1].children.append(node)
        if tag != "br":
            self.open.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def html_to_markdown(markup: str) -> HtmlMarkdown:
    """``markup`` (an HTML field) as Markdown that shows what the author meant, and what is lost."""
    lost = {_MEDIA_NAMES.get(tag.lower(), f"<{tag.lower()}>") for tag in _MEDIA.findall(markup)}
    clean = nh3.clean(
        markup,
        tags=_KEPT_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
    )
    tree = _Tree()
    tree.feed(clean)
    tree.close()
    writer = _Writer()
    markdown = "\n\n".join(writer.blocks(tree.root.children))
    if _visible(MARKDOWN.render(markdown)) != _visible(html.escape(_text(tree.root))):
        # emphasis CommonMark cannot read where it stands (<b>a</b><b>b</b> is "**a****b**",
        # <b>"x"</b>y): shown as literal asterisks, so the text is kept without it instead
        writer = _Writer(emphasis=False)
        markdown = "\n\n".join(writer.blocks(tree.root.children))
    if writer.lost_link:
        lost.add("a link")
    return HtmlMarkdown(markdown, sorted(lost))


def html_to_text(markup: str) -> str:
    """The plain text of an HTML field, on one line (an accepted answer: compared, never shown)."""
    text = html.unescape(nh3.clean(re.sub(r"<br\s*/?>|</(?:div|p|li)>", " ", markup, flags=re.I), tags=set()))
    return " ".join(text.split())


def _visible(markup: str) -> str:
    """The characters HTML shows, without blanks: what the author's text and ours must share."""
    return "".join(html.unescape(re.sub(r"<[^>]*>", "", markup)).split())


def _text(node: _Node | str) -> str:
    if isinstance(node, str):
        return node
    return " " if node.tag == "br" else "".join(_text(child) for child in node.children)


class _Writer:
    def __init__(self, emphasis: bool = True) -> None:
        self.lost_link = False
        self.emphasis = emphasis

    def blocks(self, children: list[_Node | str]) -> list[str]:
        """Blocks (paragraphs, lists, code) of mixed content; a <div> or heading is a line of its own."""
        out: list[str] = []
        lines: list[str] = [""]

        def flush() -> None:
            shown = [escape_line_start(line.strip()) for line in lines]
            while shown and not shown[-1]:
                shown.pop()
            while shown and not shown[0]:
                shown.pop(0)
            if shown:
                out.append(join_lines(shown))
            lines[:] = [""]

        def add(run: list[_Node | str]) -> None:
            pieces = self.inline(run)
            lines[-1] += pieces[0]
            lines.extend(pieces[1:])
            run.clear()

        def walk(items: list[_Node | str]) -> None:
            run: list[_Node | str] = []  # inline items side by side: written together
            for item in items:
                if isinstance(item, _Node) and item.tag in ("p", "ul", "ol", "pre"):
                    add(run)
                    flush()
                    out.extend(self._block(item))
                elif isinstance(item, _Node) and item.tag in _LINE_TAGS | {"li"}:
                    add(run)
                    if lines[-1].strip():
                        lines.append("")
                    walk(item.children)
                    if lines[-1].strip():
                        lines.append("")
                else:
                    run.append(item)
            add(run)

        walk(children)
        flush()
        return out

    def _block(self, node: _Node) -> list[str]:
        if node.tag == "p":
            return self.blocks(node.children)
        if node.tag == "pre":
            code = _text(node).strip("\n")
            if not code.strip():
                return []
            fence = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", code)), default=0))
            return [f"{fence}\n{code}\n{fence}"]
        items: list[str] = []
        for child in node.children:
            if isinstance(child, str) and not child.strip():
                continue
            content = child.children if isinstance(child, _Node) and child.tag == "li" else [child]
            inner = self.blocks(content)
            marker = f"{len(items) + 1}." if node.tag == "ol" else "-"
            # a list inside an item follows its text directly: the item stays one line of text
            text = "".join(
                ("" if number == 0 else "\n" if _LIST.match(block) else "\n\n") + block
                for number, block in enumerate(inner)
            )
            indent = " " * (len(marker) + 1)
            text = "\n".join(line and indent + line for line in text.split("\n"))
            items.append(f"{marker} {text[len(indent) :]}".rstrip())
        return ["\n".join(items)] if items else []

    def inline(self, items: list[_Node | str], marks: frozenset[str] = frozenset()) -> list[str]:
        """Inline Markdown of ``items``, as lines (a <br> starts a new one); blanks collapsed;
        ``marks``: the emphasis already around them (<b> inside <b> is not bold twice)."""
        lines = [""]
        code: tuple[int, int, str] | None = None  # (line, start, text) of a code span just written
        for item in items:
            if isinstance(item, _Node) and item.tag == "code":
                text = " ".join(_text(item).split())
                if code and code[0] == len(lines) - 1 and len(lines[-1]) == code[1] + len(_code(code[2])):
                    # code right after code: one span (two would run their backticks together)
                    lines[-1], text = lines[-1][: code[1]], code[2] + text
                code = (len(lines) - 1, len(lines[-1]), text)
                lines[-1] += _code(text)
            elif isinstance(item, str):
                lines[-1] += escape_inline(re.sub(r"\s+", " ", item))
            elif item.tag == "br":
                lines.append("")
            elif item.tag in _INLINE:
                mark = _INLINE[item.tag]
                inner = self.inline(item.children, marks | {mark})
                if mark not in marks and self.emphasis:
                    inner = [_wrapped(line, mark) for line in inner]
                lines[-1] += inner[0]
                lines.extend(inner[1:])
            elif item.tag == "a":
                label = " ".join(line.strip() for line in self.inline(item.children, marks) if line.strip())
                if item.href and label:
                    destination = re.sub(r"([\\<>])", r"\\\1", item.href)
                    lines[-1] += f"[{label}](<{destination}>)"
                else:
                    self.lost_link |= bool(label) and not item.href
                    lines[-1] += label
            elif item.tag in ("td", "th"):
                inner = self.inline(item.children, marks)
                lines[-1] += " " + inner[0] + " "
                lines.extend(inner[1:])
            else:  # a block inside inline content (<b><div>a</div></b>): its lines
                inner = self.inline([_text(item)] if item.tag == "pre" else item.children, marks)
                if lines[-1].strip():
                    lines.append("")
                lines[-1] += inner[0]
                lines.extend([*inner[1:], ""])
        return lines


def _wrapped(line: str, mark: str) -> str:
    """``**bold**`` around a line's text, its surrounding blanks outside (Markdown needs that)."""
    text = line.strip()
    if not text:
        return line
    inner = f"{mark}{text}{mark}"
    lead = " " if line[:1].isspace() else ""
    trail = " " if line[-1:].isspace() else ""
    return f"{lead}{inner}{trail}"


def _code(text: str) -> str:
    """A code span holding ``text`` exactly: a fence longer than any run of backticks in it."""
    if not text.strip():
        return text
    fence = "`" * (1 + max((len(run) for run in re.findall("`+", text)), default=0))
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
