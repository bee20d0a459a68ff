"""Hypothesis strategies for hostile input: random bytes and Unicode, word salad from news
vocabulary, mutated corpus sentences, malformed HTML, JSON Lines and feeds, huge and empty fields.
(Written for this suite; the corpus sentences are read in place from ../shared when present.)
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

# words that wake up wardesk's rules: actors, titles, speech and event verbs, dates, numbers,
# quotes, negation, modality, issues, punctuation and odd characters
NEWS_WORDS = ["Russia", "Ukraine", "Israel", "Hamas", "Gaza", "Kyiv", "Moscow", "Sudan", "RSF", "Taliban", "NATO", "UN", "President", "Putin", "Zelenskyy", "Netanyahu", "minister", "spokesman", "foreign", "defence", "army", "troops", "forces", "rebels", "militants", "said", "told", "says", "warned", "denied", "claimed", "accused", "urged", "demanded", "rejected", "agreed", "met", "meet", "talks", "ceasefire", "truce", "withdrawal", "sanctions", "prisoners", "exchange", "hostages", "killed", "wounded", "injured", "shelled", "struck", "attacked", "bombed", "seized", "captured", "fired", "missiles", "drones", "airstrike", "protest", "will", "would", "could", "may", "not", "never", "no", "reportedly", "allegedly", "according", "to", "on", "in", "at", "of", "the", "a", "Monday", "Tuesday", "yesterday", "overnight", "last", "week", "next", "March", "3", "2025-03-11", "2025", "1,000", "dozens", "two", "three", "40", "at", "least", "more", "than", "some", "people", "civilians", "children", "soldiers", "of", "and", "but", "if", "before", "after", "unless", "until", "while", "who", "which", "that", "as"]
ODD = ['"', "“", "”", "'", "’", "(", ")", "[", "]", "—", "–", "-", ":", ";", ",", ".", "?", "!",
       "...", "\n", "\n\n", "\t", "'s", "s'", "\u200b", "\ufeff", "\u202e", "é", "Ж", "中",
       "😀", "&amp;", "<b>", "%", "$", "#", "@", "\\", "/", "*"]

_token = st.sampled_from(NEWS_WORDS) | st.sampled_from(ODD)
word_salad = st.lists(_token, max_size=80).map(" ".join)
unicode_text = st.text(max_size=300)
empty_like = st.sampled_from(["", " ", "\n", "\t\n ", "\u00a0", "\u200b", ".", "\"", "“”", "\x00"])


@cache
def corpus_sentences() -> tuple[str, ...]:
    """Sentences of the VOA corpus (no rule was written for them); empty when absent."""
    path = SHARED / "corpus" / "voa_stories.jsonl"
    if not path.is_file():
        return ()
    found: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines()[:60]:
        text = json.loads(line).get("text", "")
        found.extend(s for s in re.split(r"(?<=[.!?\"”])\s+", text) if 20 < len(s) < 400)
    return tuple(found)


def _mutated() -> st.SearchStrategy[str]:
    sentences = corpus_sentences()
    if not sentences:
        return word_salad
    sentence = st.sampled_from(sentences)

    def shuffle(pair: tuple[str, list[int]]) -> str:
        words = pair[0].split()
        for i in pair[1]:
            if words:
                j = i % len(words)
                words[0], words[j] = words[j], words[0]
        return " ".join(words)

    def cut(pair: tuple[str, int, int]) -> str:
        text, a, b = pair
        a, b = sorted((a % (len(text) + 1), b % (len(text) + 1)))
        return text[:a] + text[b:]

    return st.one_of(
        sentence,
        st.lists(sentence, min_size=2, max_size=6).map(" ".join),
        st.tuples(sentence, st.lists(st.integers(0, 200), max_size=6)).map(shuffle),
        st.tuples(sentence, st.integers(0, 400), st.integers(0, 400)).map(cut),
        st.tuples(sentence, _token).map(lambda p: p[0].replace(" ", f" {p[1]} ", 1)),
    )


article_text = st.one_of(word_salad, word_salad, unicode_text, empty_like, _mutated(), _mutated())

# --- markup ----------------------------------------------------------------------------------

_tag = st.sampled_from(["div", "p", "script", "style", "title", "meta", "html", "body", "head",
                        "article", "a", "table", "td", "br", "iframe", "svg", "!--", "?xml"])
_attr = st.sampled_from(["", ' class="x"', ' href="javascript:alert(1)"', " onload=x()",
                         ' charset="koi8-r"', ' content="2025-13-45"', ' name="date"', " x=\"",
                         ' property="og:title" content="' + "T" * 50 + '"'])
_fragment = st.one_of(
    word_salad, unicode_text,
    st.tuples(_tag, _attr).map(lambda p: f"<{p[0]}{p[1]}>"),
    _tag.map(lambda t: f"</{t}>"),
    _tag.map(lambda t: f"<{t}"),
    st.sampled_from(["<![CDATA[", "]]>", "-->", "<!DOCTYPE html>", "&#0;", "&#x110000;",
                     "&nbsp;", "&", "<", ">", "\x00"]),
)
html_doc = st.lists(_fragment, max_size=40).map("".join)
nested_html = st.tuples(st.integers(1, 3000), _tag, word_salad).map(
    lambda p: f"<{p[1]}>" * p[0] + p[2] + f"</{p[1]}>" * (p[0] // 2))

# --- JSON Lines ------------------------------------------------------------------------------

_json_leaf = st.none() | st.booleans() | st.integers() | st.floats() | article_text
_fields = st.sampled_from(["text", "id", "title", "url", "published", "publisher", "author",
                           "source_id", "", "TEXT", "text\x00"])
json_value = st.recursive(
    _json_leaf,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_fields, inner, max_size=7),
    max_leaves=14,
)
_good_record = st.fixed_dictionaries(
    {"text": article_text},
    optional={"id": st.text(max_size=20) | st.integers(), "title": st.text(max_size=50),
              "published": st.sampled_from(["2025-03-11", "11 March 2025", "2025-02-30", "",
                                            "9999-99-99", "yesterday"]) | st.integers(),
              "url": st.sampled_from(["https://x.example/a", "javascript:x", "", "\x00"]),
              "publisher": st.text(max_size=30), "author": st.none()},
)
jsonl_line = st.one_of(
    _good_record.map(json.dumps), json_value.map(json.dumps), word_salad,
    st.binary(max_size=100).map(lambda b: b.decode("latin-1")),
    st.just("{"), st.just('{"text": "unterminated'), st.just("[]"), st.just("null"),
)

# --- feeds -----------------------------------------------------------------------------------

_feed_item = st.tuples(
    html_doc | word_salad,
    st.sampled_from(["https://wire.example/a", "javascript:x", "", "/rel", "http://127.0.0.1/x",
                     "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd"]),
    st.sampled_from(["Thu, 13 Mar 2025 10:00:00 GMT", "garbage", "", "2025-03-11T25:61:00Z"]),
)


def _rss(items: list[tuple[str, str, str]]) -> str:
    body = "".join(f"<item><title>x</title><link>{link}</link><pubDate>{day}</pubDate>"
                   f"<description>{text}</description></item>" for text, link, day in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{body}</channel></rss>'


def _atom(items: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<entry><title>x</title><link href="{link}"/><updated>{day}</updated>'
                   f"<summary>{text}</summary></entry>" for text, link, day in items)
    return f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">{body}</feed>'


feed_doc = st.one_of(
    st.lists(_feed_item, max_size=5).map(_rss),
    st.lists(_feed_item, max_size=5).map(_atom),
    st.lists(_fragment, max_size=20).map(lambda parts: "<rss>" + "".join(parts)),
    st.just('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;'
            '&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel>'
            '<item><description>&c;&c;&c;</description></item></channel></rss>'),
    st.just('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            "<rss><channel><item><description>&x;</description></item></channel></rss>"),
)

# --- any file --------------------------------------------------------------------------------

_encodings = st.sampled_from(["utf-8", "utf-16", "utf-32", "cp1251", "latin-1", "utf-8-sig",
                              "shift_jis", "koi8-r"])
any_file = st.one_of(
    st.tuples(st.sampled_from([".txt", "", ".md", ".bin", ".pdf", ".exe"]), st.binary(max_size=3000)),
    st.tuples(st.sampled_from([".txt", ""]), st.tuples(article_text, _encodings).map(
        lambda p: p[0].encode(p[1], errors="replace"))),
    st.tuples(st.sampled_from([".html", ".htm", ""]), html_doc.map(str.encode)),
    st.tuples(st.just(".html"), nested_html.map(str.encode)),
    st.tuples(st.just(".json"), json_value.map(lambda v: json.dumps(v).encode())),
    st.tuples(st.sampled_from([".rss", ".xml", ".atom", ""]), feed_doc.map(str.encode)),
    st.tuples(st.just(".txt"), st.sampled_from([b"%PDF-1.4\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04",
                                                b"\x7fELF", b"\x00" * 50, b"\xff\xfe", b""])),
)
