"""Fuzzing the way in: readers, cleaner, sentence splitter and the annotation pipeline (issue 8).

Whatever a crawler brings must end as an article or as a Problem that names its source, never
as a crash or a hang. Hypothesis generates the inputs; ``derandomize=True`` makes every run try
the same inputs, so CI is reproducible and a failure can be replayed. Each generated input runs
under a test-side alarm (``_TEST_CAP_S``): a hang fails the example instead of stalling CI. The
library's own guard is the runner's per-document cap (``limits.max_seconds_per_document``),
tested in ``test_runner_time_cap_turns_a_slow_document_into_a_problem``.

The last test prints how many inputs were tried (``pytest -s`` shows it; it is also asserted).
"""

from __future__ import annotations

import gzip
import io
import json
import string
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lagebild.clean import clean
from lagebild.errors import LagebildError, ModelError
from lagebild.ingest import Limits, decode_bytes, read_jsonl_stream, read_path
from lagebild.models import MODALITIES, PLOVER_TYPES, Document, Problem, RawArticle, Sentence, content_id
from lagebild.nlp.sentences import split_sentences
from lagebild.pipeline import DEFAULT_STAGES, Pipeline, register_stage
from timecap import cap

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "examples" / "seeds"

# One fixed, derandomized profile: the same inputs on every machine and every run.
FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,  # the alarm below is the time limit; Hypothesis' deadline flakes on a busy box
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

_TEST_CAP_S = 20  # per generated input; generous because the machine is shared with model training
TRIED: Counter[str] = Counter()  # inputs tried per test, summed and printed at the end
EXPECTED: dict[str, int] = {}  # max_examples per test, so the total is checked only for a full run


def fuzz(name: str, n: int) -> settings:
    EXPECTED[name] = n
    return settings(FUZZ, max_examples=n)


# --- invariants ------------------------------------------------------------------------------

_CONTROLS = {chr(c) for c in range(32) if c not in (9, 10)} | {"\x7f"}


def check_problem(p: Problem, source: str) -> None:
    assert p.source == source, f"Problem names {p.source!r}, expected {source!r}"
    assert p.reason and p.reason.strip(), "a Problem must say what went wrong"
    assert p.line is None or p.line >= 1


def check_raw(raw: RawArticle, source: str) -> None:
    assert raw.source == source
    assert isinstance(raw.text, str) and raw.text.strip()
    assert raw.doc, "every article needs a name"
    assert raw.kind in ("text", "html", "record")
    for value in (raw.title, raw.url, raw.published, raw.outlet, raw.author):
        assert value is None or isinstance(value, str)


def check_sentences(body: str, sentences: tuple[Sentence, ...]) -> None:
    previous_end = 0
    for s in sentences:
        assert 0 <= previous_end <= s.start < s.end <= len(body), (s, len(body))
        assert body[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text.strip()
        for t_start, t_end in s.tokens:
            assert s.start <= t_start < t_end <= s.end
        previous_end = s.end


def check_document(doc: Document) -> None:
    assert isinstance(doc, Document)
    assert isinstance(doc.body, str)
    check_sentences(doc.body, doc.sentences)
    spans = [(s.start, s.end) for s in doc.sentences]
    for m in doc.mentions:
        assert doc.body[m.start : m.end] == m.text, m
        assert any(a <= m.start and m.end <= b for a, b in spans), f"mention outside sentences: {m}"
        if m.sentence_index is not None:
            a, b = spans[m.sentence_index]
            assert a <= m.start and m.end <= b, m
    for e in doc.events:
        assert e.type in PLOVER_TYPES and e.modality in MODALITIES, e
        assert 0 <= e.start < e.end <= len(doc.body)
        assert doc.body[e.start : e.end] == e.sentence, e
        assert 0.0 <= e.confidence <= 1.0


def check_items(items: list[RawArticle | Problem], source: str) -> None:
    for item in items:
        if isinstance(item, Problem):
            check_problem(item, source)
        else:
            assert isinstance(item, RawArticle), type(item)
            check_raw(item, source)


# --- strategies -------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def seed_words() -> tuple[str, ...]:
    # Real German news words (names, countries, verbs) so the extraction stages have work to do.
    words = {w for p in sorted(SEEDS.glob("*.txt")) for w in p.read_text(encoding="utf-8").split()}
    return tuple(sorted(words)) or ("Russland", "kritisierte", "China", ".")


HOSTILE_CHARS = (
    "\x00\x01\x07\x1b\x7f\u00ad\u200b\u200d\u2028\u2029\ufeff\ufffd\u202e\u0301\u00a0\t\r\n"
    "„“‚‘«»‹›\"'.!?…;:-–—()[]{}<>&#§%€$/\\*_~`|ẞßäöüÄÖÜ😀\U0010ffff"
)

truncated_utf8 = (
    st.text(min_size=1, max_size=200)
    .map(lambda t: t.encode("utf-8"))
    .flatmap(lambda b: st.integers(0, len(b)).map(lambda n: b[:n]))
)
with_nuls = st.binary(max_size=300).map(lambda b: b.replace(b"a", b"\x00"))
any_bytes = st.one_of(
    st.binary(max_size=2000),
    truncated_utf8,
    with_nuls,
    st.text(alphabet=HOSTILE_CHARS + string.ascii_letters, max_size=400).map(
        lambda t: t.encode("utf-8", "surrogatepass")
    ),
    st.sampled_from(
        [b"%PDF-1.4", b"\x89PNG\r\n", b"\x1f\x8b\x08", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]
    ).flatmap(lambda head: st.binary(max_size=200).map(lambda tail: head + tail)),
)

german_text = st.lists(
    st.one_of(st.sampled_from(seed_words()), st.text(alphabet=HOSTILE_CHARS, max_size=3)),
    max_size=120,
).map(" ".join)

json_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=40), german_text
)
json_value = st.recursive(
    json_scalar,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)
FIELDS = [
    "id",
    "title",
    "text",
    "content",
    "body",
    "html",
    "url",
    "published",
    "date",
    "outlet",
    "source",
    "author",
]
record = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=6), json_value, max_size=6)


def _dump(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, allow_nan=True).encode("utf-8", "surrogatepass")


jsonl_line = st.one_of(
    record.map(_dump),
    json_value.map(_dump),  # not an object
    record.map(_dump).flatmap(lambda b: st.integers(0, len(b)).map(lambda n: b[:n])),  # cut short
    any_bytes.map(lambda b: b.replace(b"\n", b" ")),
    st.just(b""),
    st.just(b"   "),
)
jsonl_file = st.lists(jsonl_line, max_size=12).map(lambda lines: b"\n".join(lines))

tag = st.sampled_from(
    ["p", "div", "script", "style", "a", "span", "br", "h1", "article", "nav", "footer", "title", "meta"]
)


@st.composite
def html_page(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 25))):
        kind = draw(st.integers(0, 7))
        name = draw(tag)
        if kind == 0:
            parts.append(f"<{name}>")
        elif kind == 1:
            parts.append(f"</{name}>")
        elif kind == 2:
            attr = draw(st.text(alphabet=HOSTILE_CHARS + "= ", max_size=10))
            parts.append(f"<{name} class=\"{attr}\" data-x='{attr}'>")
        elif kind == 3:
            parts.append(
                draw(
                    st.sampled_from(
                        [
                            "&amp;",
                            "&#0;",
                            "&#x0;",
                            "&#xD800;",
                            "&#1114112;",
                            "&nbsp;",
                            "&bogus;",
                            "&#",
                            "<!--",
                            "-->",
                            "<![CDATA[",
                            "<!DOCTYPE html>",
                            "<?xml ?>",
                        ]
                    )
                )
            )
        else:
            parts.append(draw(german_text))
    depth = draw(st.integers(0, 60))
    return "<div>" * depth + "".join(parts) + "</div>" * draw(st.integers(0, depth))


raw_article = st.one_of(
    st.builds(
        lambda text, title: RawArticle(
            source="fuzz.txt", doc="fuzz.txt", text=text, kind="text", title=title
        ),
        german_text,
        st.none() | st.text(max_size=30),
    ),
    st.builds(
        lambda text: RawArticle(source="fuzz.html", doc="fuzz.html", text=text, kind="html"), html_page()
    ),
    st.builds(
        lambda text, pub: RawArticle(
            source="fuzz.jsonl", doc="r1", text=text, kind="record", published=pub, line=1
        ),
        german_text,
        st.none()
        | st.text(max_size=25)
        | st.sampled_from(["2025-13-45", "gestern", "0000-00-00", "9999-12-31T25:61"]),
    ),
)


def _decoded(raw: RawArticle) -> RawArticle:
    # What a reader would hand on: decode_bytes strips control characters and NULs.
    result = decode_bytes(raw.text.encode("utf-8", "surrogatepass"), html=raw.kind == "html")
    text = result[0] if isinstance(result, tuple) else "x"
    return RawArticle(
        raw.source, raw.doc, text or "x", raw.kind, raw.title, published=raw.published, line=raw.line
    )


# --- readers ---------------------------------------------------------------------------------


@fuzz("decode", 3000)
@given(any_bytes, st.booleans())
def test_decode_bytes_never_crashes_and_leaves_no_control_characters(data: bytes, html: bool) -> None:
    TRIED["decode"] += 1
    with cap(_TEST_CAP_S):
        result = decode_bytes(data, html=html)
    if isinstance(result, str):
        assert result.strip(), "the reason must say something"
        return
    text, encoding = result
    assert isinstance(text, str) and encoding
    assert not (set(text) & _CONTROLS), "control characters must not reach the cleaner"
    text.encode("utf-8")  # no lone surrogates: everything downstream encodes to UTF-8


@fuzz("jsonl", 2000)
@given(jsonl_file, st.integers(16, 400), st.integers(1, 5))
def test_jsonl_stream_of_wrong_types_gives_records_or_problems(
    data: bytes, max_bytes: int, max_docs: int
) -> None:
    TRIED["jsonl"] += 1
    limits = Limits(max_document_bytes=max_bytes, max_documents_per_file=max_docs)
    with cap(_TEST_CAP_S):
        items = list(read_jsonl_stream(io.BytesIO(data), "feed.jsonl", "feed.jsonl", limits))
    check_items(items, "feed.jsonl")
    n_lines = data.count(b"\n") + 1
    assert all(i.line is not None and 1 <= i.line <= n_lines for i in items)
    assert sum(isinstance(i, RawArticle) for i in items) <= max_docs


SUFFIXES = [
    ".txt",
    ".html",
    ".jsonl",
    ".xml",
    ".rss",
    ".warc",
    ".txt.gz",
    ".jsonl.gz",
    ".html.gz",
    ".warc.gz",
    ".atom",
]


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="lagebild-fuzz-") as folder:
        yield Path(folder)


def _file_bytes(content: bytes, suffix: str, gz_valid: bool) -> bytes:
    if suffix.endswith(".gz") and gz_valid:
        return gzip.compress(content, mtime=0)
    return content


@fuzz("files", 800)
@given(
    st.one_of(any_bytes, jsonl_file, html_page().map(str.encode)),
    st.sampled_from(SUFFIXES),
    st.booleans(),
    st.integers(0, 10_000),
)
def test_read_path_on_any_file_gives_articles_or_problems(
    scratch: Path, content: bytes, suffix: str, gz_valid: bool, cut: int
) -> None:
    TRIED["files"] += 1
    data = _file_bytes(content, suffix, gz_valid)
    data = data[: len(data) - cut % (len(data) + 1)] if cut % 3 == 0 else data  # sometimes truncated
    path = scratch / f"input{suffix}"
    path.write_bytes(data)
    with cap(_TEST_CAP_S):
        items = list(read_path(path, Limits(max_document_bytes=4096, max_documents_per_file=50)))
    check_items(items, str(path))


# --- cleaner, sentences, pipeline --------------------------------------------------------------


def _clean_or_problem(raw: RawArticle) -> Document | None:
    try:
        return clean(raw)
    except LagebildError:
        return None


@fuzz("clean", 2000)
@given(raw_article)
def test_clean_any_article_kind(raw: RawArticle) -> None:
    TRIED["clean"] += 1
    raw = _decoded(raw)
    with cap(_TEST_CAP_S):
        doc = _clean_or_problem(raw)
    if doc is None:
        return
    assert isinstance(doc, Document)
    assert doc.source == raw.source and doc.doc == raw.doc
    assert doc.id == content_id(doc.title, doc.body), "identity is the hash of the clean text"
    assert not (set(doc.body) & _CONTROLS)
    assert doc.published is None or isinstance(doc.published, str)


sentence_text = st.one_of(
    german_text,
    st.text(alphabet=HOSTILE_CHARS + "abc ABC", max_size=300),
    st.text(max_size=200),
)


@fuzz("sentences", 2000)
@given(sentence_text)
def test_sentence_offsets_match_the_text(text: str) -> None:
    TRIED["sentences"] += 1
    with cap(_TEST_CAP_S):
        sentences = split_sentences(text)
    check_sentences(text, sentences)


@lru_cache(maxsize=1)
def available_stages() -> tuple[str, ...]:
    """The default stages, without NER while its trained model is absent (the rest still run)."""
    probe = Document(id="p", doc="p", source="p", body="Russland kritisierte China.")
    try:
        Pipeline.from_names(DEFAULT_STAGES)(probe)
        return DEFAULT_STAGES
    except ModelError:
        return tuple(s for s in DEFAULT_STAGES if s != "ner")


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return Pipeline.from_names(available_stages())


@fuzz("pipeline", 400)
@given(raw_article)
def test_pipeline_on_cleaned_documents_keeps_its_invariants(raw: RawArticle) -> None:
    TRIED["pipeline"] += 1
    raw = _decoded(raw)
    with cap(_TEST_CAP_S):
        doc = _clean_or_problem(raw)
        if doc is None:
            return
        try:
            out = default_pipeline()(doc)
        except LagebildError:
            return
    check_document(out)
    assert out.id == doc.id and out.body == doc.body, "annotation must not change the text"


# --- targeted hostile inputs --------------------------------------------------------------------


def _count(name: str, n: int = 1) -> None:
    TRIED[name] += n
    EXPECTED.setdefault(name, 0)


def test_ten_megabyte_line_is_skipped_and_the_rest_kept() -> None:
    _count("targeted")
    huge = b'{"text": "' + b"x" * (10 * 2**20 + 10) + b'"}'
    data = huge + b"\n" + _dump({"id": "ok", "text": "Russland kritisierte China."}) + b"\n"
    with cap(_TEST_CAP_S):
        items = list(read_jsonl_stream(io.BytesIO(data), "big.jsonl", "big.jsonl", Limits()))
    check_items(items, "big.jsonl")
    assert [(type(i).__name__, i.line) for i in items] == [("Problem", 1), ("RawArticle", 2)]
    assert isinstance(items[0], Problem) and "too long" in items[0].reason


def test_ten_megabyte_text_file_over_the_limit_is_a_problem(tmp_path: Path) -> None:
    _count("targeted")
    path = tmp_path / "big.txt"
    path.write_bytes(b"Wort " * (2 * 2**20 + 10))  # a bit over 10 MiB
    with cap(_TEST_CAP_S):
        [item] = list(read_path(path))
    assert isinstance(item, Problem) and "too large" in item.reason
    check_problem(item, str(path))


def _deep_html(depth: int) -> str:
    return "<html><body>" + "<div><span>" * depth + "Russland kritisierte China." + "</span></div>" * depth


def test_ten_thousand_deep_html_is_read_and_cleaned_or_reported(tmp_path: Path) -> None:
    _count("targeted")
    path = tmp_path / "deep.html"
    path.write_text(_deep_html(10_000), encoding="utf-8")
    with cap(60):
        [raw] = list(read_path(path))
        assert isinstance(raw, RawArticle)
        doc = _clean_or_problem(raw)  # a RecursionError here would escape: it must not
    if doc is not None:
        check_document(doc)


def test_ten_thousand_deep_html_through_the_runner_entry_point() -> None:
    from lagebild.runner import process_batch

    _count("targeted")
    raw = RawArticle(source="deep.html", doc="deep.html", text=_deep_html(10_000), kind="html")
    with cap(90):
        [result] = process_batch([raw], available_stages(), None, 60.0)
    if isinstance(result, Problem):
        check_problem(result, "deep.html")
    else:
        assert isinstance(result, Document), result
        check_document(result)


def test_deeply_nested_json_line_is_a_problem() -> None:
    _count("targeted")
    data = b"[" * 100_000 + b"\n" + b'{"text": "' + b"{" * 100_000 + b'"}\n'
    with cap(_TEST_CAP_S):
        items = list(read_jsonl_stream(io.BytesIO(data), "deep.jsonl", "deep.jsonl"))
    check_items(items, "deep.jsonl")
    assert [type(i).__name__ for i in items] == ["Problem", "RawArticle"]


def test_truncated_utf8_and_nul_files(tmp_path: Path) -> None:
    _count("targeted", 3)
    german = "Außenminister Baerbock traf in Kyjiw ein. Größere Hilfe für die Ukraine.".encode()
    (tmp_path / "cut.txt").write_bytes(german + " Größe".encode()[:4])  # cut inside "ö"
    (tmp_path / "nul.txt").write_bytes(b"\x00" * 10 + german)
    (tmp_path / "nul-late.txt").write_bytes(german * 200 + b"\x00\x00" + german)
    results = {p.name: list(read_path(p)) for p in sorted(tmp_path.iterdir())}
    assert isinstance(results["cut.txt"][0], RawArticle) and "Außenminister" in results["cut.txt"][0].text
    assert isinstance(results["nul.txt"][0], Problem) and "NUL" in results["nul.txt"][0].reason
    late = results["nul-late.txt"][0]  # NULs past the first 8 KiB: read, with the NULs dropped
    assert isinstance(late, RawArticle) and "\x00" not in late.text


def test_json_escaped_control_characters_do_not_reach_the_text() -> None:
    data = _dump({"text": "Russland\u0000 kritisierte\u001b[31m China.", "title": "A\u0007B"})
    [raw] = list(read_jsonl_stream(io.BytesIO(data), "esc.jsonl", "esc.jsonl"))
    assert isinstance(raw, RawArticle)
    assert not (set(raw.text + (raw.title or "")) & _CONTROLS)


def test_json_lone_surrogate_becomes_text_or_problem_not_a_crash() -> None:
    from lagebild.runner import process_batch

    data = b'{"id": "s1", "text": "Russland \\ud800 kritisierte China."}\n'
    items = list(read_jsonl_stream(io.BytesIO(data), "sur.jsonl", "sur.jsonl"))
    raws = [i for i in items if isinstance(i, RawArticle)]
    [result] = process_batch(raws, ("sentences",), None, 10.0) if raws else [items[0]]
    assert isinstance(result, Document | Problem)


# --- the library-side time cap ------------------------------------------------------------------


@dataclass
class _SleepStage:
    name: str = "_fuzz_sleep"
    requires: tuple[str, ...] = ("body",)
    assigns: tuple[str, ...] = ()

    def __call__(self, doc: Document) -> Document:
        time.sleep(30)  # a pathological document: far longer than the cap below
        return doc


register_stage("_fuzz_sleep")(_SleepStage)


def test_runner_time_cap_turns_a_slow_document_into_a_problem() -> None:
    from lagebild.runner import process_batch

    _count("targeted")
    text = "Russland kritisierte am Montag die Sanktionen der Europäischen Union scharf. " * 3
    raws = [RawArticle(source="slow.jsonl", doc="r1", text=text, kind="record", line=1)]
    started = time.monotonic()
    with cap(15):
        [result] = process_batch(raws, ("sentences", "_fuzz_sleep"), None, 0.5)
    assert time.monotonic() - started < 5
    assert isinstance(result, Problem) and "max_seconds_per_document" in result.reason
    check_problem(result, "slow.jsonl")


# --- the figure -----------------------------------------------------------------------------------


def test_zz_inputs_fuzzed(capsys: pytest.CaptureFixture[str]) -> None:
    total = sum(TRIED.values())
    with capsys.disabled():
        detail = ", ".join(f"{k} {v}" for k, v in sorted(TRIED.items()))
        print(f"\nfuzzed inputs: {total} ({detail})")
    generated = [k for k, n in EXPECTED.items() if n]
    if all(TRIED[k] for k in generated):  # the whole file ran, not a -k selection
        assert total >= 10_000, f"only {total} inputs tried"
