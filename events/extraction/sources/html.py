"""The article inside a saved news page: its text with paragraph breaks, and the metadata the page's head gives.

The standard library's html.parser is enough here: we need the text of one element and a few <meta> tags,
not a DOM, and it is lenient with the broken markup pages are made of.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Page chrome and things that are not prose: their text is never the article's.
_SKIPPED = frozenset({
    "head", "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "video", "audio",
    "nav", "header", "footer", "aside", "form", "button", "select", "textarea", "figure", "figcaption", "dialog", "map",
})
# Elements that start a new paragraph in the text.
_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "blockquote", "pre", "table", "tr", "address", "hr", "details", "summary",
})
# Elements that never have an end tag: they must not be pushed on the stack of open elements.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})
# Where pages put the publication time, best first.
_PUBLISHED_KEYS = ("article:published_time", "og:published_time", "datepublished", "publishdate", "publish-date",
                   "pubdate", "date", "dc.date.issued", "dc.date", "parsely-pub-date", "sailthru.date")
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str = ""
    published: str = ""  # as the page writes it; the caller parses
    url: str = ""
    outlet: str = ""


@dataclass
class _Open:
    tag: str
    skipped: bool = False
    article: bool = False
    main: bool = False


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[_Open] = []
        self.skipped = self.in_article = self.in_main = self.in_pre = 0
        self.body: list[str] = []
        self.articles: list[list[str]] = []
        self.main: list[str] = []
        self.title: list[str] = []
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.times: list[str] = []
        self.article_times: list[str] = []

    # -- structure --

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): (value or "") for name, value in attrs}
        self._metadata(tag, attributes)
        if tag == "br":
            self._emit("\n")
            return
        if tag in _BLOCKS:
            self._emit("\n\n")
        if tag in _VOID:
            return
        opened = _Open(
            tag,
            skipped=tag in _SKIPPED or "hidden" in attributes,
            article=tag == "article" or attributes.get("itemprop", "").lower() == "articlebody",
            main=tag == "main" or attributes.get("role", "").lower() == "main",
        )
        if opened.article and not self.in_article:
            self.articles.append([])
        self._push(opened)

    def handle_endtag(self, tag: str) -> None:
        # Close up to the matching open element: pages leave <p> and <li> open, browsers close them implicitly.
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].tag == tag:
                while len(self.stack) > depth:
                    self._pop()
                break
        if tag in _BLOCKS:
            self._emit("\n\n")

    def _push(self, opened: _Open) -> None:
        self.stack.append(opened)
        self.skipped += opened.skipped
        self.in_article += opened.article
        self.in_main += opened.main
        self.in_pre += opened.tag == "pre"

    def _pop(self) -> None:
        closed = self.stack.pop()
        self.skipped -= closed.skipped
        self.in_article -= closed.article
        self.in_main -= closed.main
        self.in_pre -= closed.tag == "pre"

    # -- text --

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1].tag == "title" and "svg" not in {opened.tag for opened in self.stack}:
            self.title.append(data)
            return
        self._emit(data if self.in_pre else _WHITESPACE.sub(" ", data))

    def _emit(self, text: str) -> None:
        if self.skipped:
            return
        self.body.append(text)
        if self.in_article:
            self.articles[-1].append(text)
        if self.in_main:
            self.main.append(text)

    # -- metadata --

    def _metadata(self, tag: str, attributes: dict[str, str]) -> None:
        if tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").lower()
            content = attributes.get("content", "").strip()
            if key and content:
                self.meta.setdefault(key, content)
        elif tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
            self.canonical = self.canonical or attributes.get("href", "").strip()
        elif tag == "time" and attributes.get("datetime", "").strip():
            (self.article_times if self.in_article else self.times).append(attributes["datetime"].strip())


def _paragraphs(chunks: list[str]) -> str:
    lines = (_WHITESPACE.sub(" ", line).strip() if line.strip() else "" for line in "".join(chunks).split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return text.strip()


def extract_html(page: str) -> HtmlArticle:
    """The article's text (the longest <article>, else <main>, else the page body, without page chrome)."""
    parser = _PageParser()
    parser.feed(page)
    parser.close()
    # Listing pages hold many small <article>s; the story is the longest.
    text = max((_paragraphs(chunks) for chunks in parser.articles), key=len, default="")
    text = text or _paragraphs(parser.main) or _paragraphs(parser.body)
    meta = parser.meta
    published = next((meta[key] for key in _PUBLISHED_KEYS if meta.get(key)), "")
    published = published or next(iter(parser.article_times + parser.times), "")
    return HtmlArticle(
        text=text,
        title=_WHITESPACE.sub(" ", meta.get("og:title") or "".join(parser.title)).strip(),
        published=published,
        url=meta.get("og:url") or parser.canonical,
        outlet=meta.get("og:site_name", ""),
    )
