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
from quizapp.core.field_reader import MAX_TEXT
from quizapp.core.markdown_text import escape_inline, escape_line_start, join_lines, markdown_escape

_INLINE = {"b": "**", "strong": "**", "i": "*", "em": "*"}
_LINE_TAGS = {"div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table", "dt", "dd", "dl"}
_KEPT_TAGS = set(_INLINE) | _LINE_TAGS | {"code", "pre", "a", "br", "p", "ul", "ol", "li", "td", "th"}
_MEDIA = re.compile(r"<\s*(img|audio|video|source|iframe|object|embed)\b", re.IGNORECASE)
_LIST = re.compile(r"(?:-|\d+\.) ")  # a block that is a list, as written here
# Tags nested deeper than this are left out (their text is kept): no real field nests so deep,
# and CommonMark reads no deeper than markdown-it's limit of 20 nested blocks.
MAX_DEPTH = 16
FLATTENED = f"formatting nested more than {MAX_DEPTH} tags deep"
# HTML longer than this is only read as text: its Markdown could not be a bank's field
# (MAX_TEXT characters), and writing it costs time an import cannot spend (issue: 2 MB took 255 s).
MAX_HTML = 10 * MAX_TEXT
TOO_LONG = f"the formatting of HTML longer than {MAX_HTML:,} characters"
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
    """nh3's output as a tree of at most MAX_DEPTH open tags: a tag deeper than that is left out,
    its text kept (written as Markdown, deeper nesting would only break the page, and the
    writer's recursion), and ``flattened`` says so."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root")
        self.open = [self.root]
        self.deeper: list[str] = []  # the tags left out, still open
        self.deeper_counts: dict[str, int] = {}  # how many of each
        self.flattened = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(self.open) > MAX_DEPTH and tag != "br":
            self.deeper.append(tag)
            self.deeper_counts[tag] = self.deeper_counts.get(tag, 0) + 1
            self.flattened = True
            if tag not in _INLINE and tag not in ("a", "code"):
                self.handle_data(" ")  # a block's text stays apart from its neighbours'
            return
        node = _Node(tag, dict(attrs).get("href") if tag == "a" else None)
        self.open[-1].children.append(node)
        if tag != "br":
            self.open.append(node)

    def handle_endtag(self, tag: str) -> None:
        if self.deeper_counts.get(tag):
            while (closed := self.deeper.pop()) != tag:
                self.deeper_counts[closed] -= 1
            self.deeper_counts[tag] -= 1
            if tag not in _INLINE and tag not in ("a", "code"):
                self.handle_data(" ")
            return
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def html_to_markdown(markup: str) -> HtmlMarkdown:
    """``markup`` (an HTML field) as Markdown that shows what the author meant, and what is lost."""
    lost = {_MEDIA_NAMES.get(tag.lower(), f"<{tag.lower()}>") for tag in _MEDIA.findall(markup)}
    if len(markup) > MAX_HTML:
        # far longer than a bank's field (whose check refuses it): only its text, quickly
        return HtmlMarkdown(markdown_escape(html_to_text(markup)), sorted(lost | {TOO_LONG}))
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
    # (a field longer than a bank holds is not checked: the bank check refuses it anyway, and
    # rendering CommonMark's emphasis is slow on long texts)
    if len(markdown) <= MAX_TEXT and _visible(MARKDOWN.render(markdown)) != _visible(
        html.escape(_text(tree.root))
    ):
        # emphasis CommonMark cannot read where it stands (<b>a</b><b>b</b> is "**a****b**",
        # <b>"x"</b>y): shown as literal asterisks, so the text is kept without it instead
        writer = _Writer(emphasis=False)
        markdown = "\n\n".join(writer.blocks(tree.root.children))
    if writer.lost_link:
        lost.add("a link")
    if tree.flattened:
        lost.add(FLATTENED)
    return HtmlMarkdown(markdown, sorted(lost))


def html_to_text(markup: str) -> str:
    """The plain text of an HTML field, on one line (an accepted answer: compared, never shown)."""
    text = html.unescape(nh3.clean(re.sub(r"<br\s*/?>|</(?:div|p|li)>", " ", markup, flags=re.I), tags=set()))
    return " ".join(text.split())


def _visible(markup: str) -> str:
    """The characters HTML shows, without blanks: what the author's text and ours must share."""
    return "".join(html.unescape(re.sub(r"<[^>]*>", "", markup)).split())


def _text(node: _Node | str) -> str:
    """The text of a node, a <br> a blank."""
    pieces: list[str] = []
    stack: list[_Node | str] = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            pieces.append(item)
        elif item.tag == "br":
            pieces.append(" ")
        else:
            stack.extend(reversed(item.children))
    return "".join(pieces)


def _filled(line: list[str]) -> bool:
    """Whether a line (its pieces) shows anything: its last pieces are looked at first."""
    return any(piece.strip() for piece in reversed(line))


class _Writer:
    """Markdown of the tree, built as lists of pieces joined once (no text is copied again as
    it grows); the tree is at most MAX_DEPTH deep, so the recursion is too."""

    def __init__(self, emphasis: bool = True) -> None:
        self.lost_link = False
        self.emphasis = emphasis

    def blocks(self, children: list[_Node | str]) -> list[str]:
        """Blocks (paragraphs, lists, code) of mixed content; a <div> or heading is a line of its own."""
        out: list[str] = []
        lines: list[list[str]] = [[]]

        def flush() -> None:
            shown = [escape_line_start("".join(line).strip()) for line in lines]
            while shown and not shown[-1]:
                shown.pop()
            while shown and not shown[0]:
                shown.pop(0)
            if shown:
                out.append(join_lines(shown))
            lines[:] = [[]]

        def add(run: list[_Node | str]) -> None:
            if run:
                pieces = self.inline(run)
                lines[-1].append(pieces[0])
                lines.extend([piece] for piece in pieces[1:])
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
                    if _filled(lines[-1]):
                        lines.append([])
                    walk(item.children)
                    if _filled(lines[-1]):
                        lines.append([])
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
        lines: list[list[str]] = [[]]
        code: list[
            str
        ] = []  # the text of code side by side: one span (two would run their backticks together)

        def write(written: list[str]) -> None:
            """Lines written after the last: the first continues it."""
            if code:
                lines[-1].append(_code(" ".join("".join(code).split())))
                code.clear()
            lines[-1].append(written[0])
            lines.extend([line] for line in written[1:])

        for item in items:
            if isinstance(item, _Node) and item.tag == "code":
                code.append(" ".join(_text(item).split()))
                continue
            if isinstance(item, str):
                written = [_escape(re.sub(r"\s+", " ", item))]
            elif item.tag == "br":
                written = ["", ""]
            elif item.tag in _INLINE:
                mark = _INLINE[item.tag]
                written = self.inline(item.children, marks | {mark})
                if mark not in marks and self.emphasis:
                    written = [_wrapped(line, mark) for line in written]
            elif item.tag == "a":
                label = " ".join(line.strip() for line in self.inline(item.children, marks) if line.strip())
                address = _address(item.href or "")
                if address and label:
                    destination = re.sub(r"([\\<>])", r"\\\1", address)
                    written = [f"[{label}](<{destination}>)"]
                else:
                    self.lost_link |= bool(label) and not address
                    written = [label]
            elif item.tag in ("td", "th"):
                written = self.inline(item.children, marks)
                written[0] = " " + written[0]
                written[-1] += " "
            else:  # a block inside inline content (<b><div>a</div></b>): its lines
                written = self.inline([_text(item)] if item.tag == "pre" else item.children, marks)
                if _filled(lines[-1]) or any(code):
                    written = ["", *written]
                written.append("")
            if written != [""]:
                write(written)
        if code:
            write([""])
        return ["".join(line) for line in lines]


def _wrapped(line: str, mark: str) -> str:
    """``**bold**`` around a line's text, its surrounding blanks outside (Markdown needs that)."""
    text = line.strip()
    if not text:
        return line
    inner = f"{mark}{text}{mark}"
    lead = " " if line[:1].isspace() else ""
    trail = " " if line[-1:].isspace() else ""
    return f"{lead}{inner}{trail}"


def _escape(text: str) -> str:
    """A piece of text, escaped to show as written whatever stands beside it (a neighbour may end
    an entity or an autolink begun here, "&" then <b>copy;</b>, or be a link after its "!")."""
    return escape_inline(text, alone=False)


def _address(href: str) -> str:
    """A link's address as a browser reads it (WHATWG URL): blanks and control characters at
    its ends dropped, tabs and line breaks removed, any other inside percent-encoded."""
    address = href.strip("".join(map(chr, range(33)))).replace("\t", "").replace("\n", "").replace("\r", "")
    return re.sub(r"[\x00-\x20\x7f]", lambda found: f"%{ord(found.group()):02X}", address)


def _code(text: str) -> str:
    """A code span holding ``text`` exactly: a fence longer than any run of backticks in it."""
    if not text.strip():
        return text
    fence = "`" * (1 + max((len(run) for run in re.findall("`+", text)), default=0))
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
