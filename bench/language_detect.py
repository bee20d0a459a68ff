"""Which language detector should ingest use? Measures the candidates on short and long texts.

    .venv/bin/python bench/language_detect.py [--corpus ../shared/corpus/voa_stories.jsonl]

English sets: bench/language/english_short.txt (short news sentences written for this bench),
the VOA stories (whole) and their first sentences. Non-English: bench/language/other_short.tsv
(short sentences written for this bench) and, per language, its sentences joined into one text.
For each detector: English accepted (raw: the top language is English; policy: wardesk's rule for
short text, see wardesk.ingest.language), non-English rejected, ms per text, first-call time,
import time (a fresh interpreter) and installed size.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).parent / "language"
Ranker = Callable[[str], list[tuple[str, float]]]  # (ISO 639-1 code, probability), best first
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?][\"”’]?)\s+(?=[\"“A-Z])", re.S)
SHORT_WORDS = 20  # the policy's "short text"
CONFIDENT = 0.9  # ... and the top language's probability below which short text passes


def wardesk() -> Ranker:
    from wardesk.ingest.language import why_not_english  # what ingest runs (its policy built in)

    return lambda text: [("en", 1.0)] if why_not_english(text) is None else [("xx", 1.0)]


def lingua(languages: str) -> Ranker:
    from lingua import Language, LanguageDetectorBuilder

    if languages == "all":
        builder = LanguageDetectorBuilder.from_all_languages()
    else:
        builder = LanguageDetectorBuilder.from_languages(*[
            getattr(Language, name) for name in languages.split(",")])
    detector = builder.with_preloaded_language_models().build()

    def rank(text: str) -> list[tuple[str, float]]:
        return [(c.language.iso_code_639_1.name.lower(), c.value)
                for c in detector.compute_language_confidence_values(text)]

    return rank


def py3langid() -> Ranker:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return lambda text: [(lang, float(p)) for lang, p in identifier.rank(text)[:5]]


def pycld2() -> Ranker:
    import pycld2 as cld2

    def rank(text: str) -> list[tuple[str, float]]:
        try:
            reliable, _, details = cld2.detect(text)
        except cld2.error:
            return [("xx", 0.0)]
        ranked = [(code, percent / 100) for _, code, percent, _ in details if code != "un"]
        if not ranked:
            return [("un", 0.0)]
        if not reliable:  # cld2 says so itself: an unreliable guess counts as unsure
            ranked = [(code, min(p, 0.5)) for code, p in ranked]
        return ranked

    return rank


NEWS_LANGUAGES = ("ENGLISH,FRENCH,GERMAN,SPANISH,PORTUGUESE,ITALIAN,DUTCH,RUSSIAN,UKRAINIAN,"
                  "POLISH,TURKISH,ARABIC,PERSIAN,HEBREW,CHINESE,JAPANESE,KOREAN,HINDI,URDU,"
                  "INDONESIAN,SWEDISH,DANISH,BOKMAL,FINNISH,ROMANIAN,SERBIAN,CROATIAN,"
                  "BOSNIAN,BULGARIAN,GREEK,HUNGARIAN,CZECH,SOMALI,SWAHILI,TAGALOG,AFRIKAANS")
DETECTORS: dict[str, tuple[str, Callable[[], Ranker]]] = {
    "wardesk": ("wardesk", wardesk),
    "lingua-all": ("lingua-language-detector", lambda: lingua("all")),
    "lingua-news36": ("lingua-language-detector", lambda: lingua(NEWS_LANGUAGES)),
    "py3langid": ("py3langid", py3langid),
    "pycld2": ("pycld2", pycld2),
}
IMPORTS = {"lingua-language-detector": "import lingua", "py3langid": "import py3langid.langid",
           "pycld2": "import pycld2", "wardesk": "import wardesk.ingest.language"}


def is_english(ranked: list[tuple[str, float]], text: str, *, policy: bool) -> bool:
    top, p = ranked[0]
    if top == "en":
        return True
    if not policy:
        return False
    words = text.split()
    latin = sum(ch.isascii() for ch in text if ch.isalpha()) / max(
        sum(ch.isalpha() for ch in text), 1)
    return len(words) < SHORT_WORDS and latin > 0.95 and p < CONFIDENT


def datasets(corpus: Path) -> dict[str, tuple[bool, list[str]]]:
    """name → (is English, texts)."""
    short = [line.strip() for line in (HERE / "english_short.txt").read_text("utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    stories = [json.loads(line)["text"] for line in corpus.read_text("utf-8").splitlines()]
    firsts = [(m.group(1) if (m := _FIRST_SENTENCE.match(s)) else s[:200]) for s in stories]
    other: dict[str, list[str]] = {}
    for line in (HERE / "other_short.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lang, text = line.split("\t", 1)
            other.setdefault(lang, []).append(text)
    return {
        "en short (own)": (True, short),
        "en VOA first sentence": (True, firsts),
        "en VOA whole story": (True, stories),
        "other short (own)": (False, [t for texts in other.values() for t in texts]),
        "other paragraph (own)": (False, [" ".join(texts) for texts in other.values()]),
    }


def import_seconds(dist: str) -> float:
    code = f"import time; t=time.perf_counter(); {IMPORTS[dist]}; print(time.perf_counter()-t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def installed_mb(dist: str) -> float:
    if dist == "wardesk":
        return 0.0
    files = metadata.distribution(dist).files or []
    return sum(f.locate().stat().st_size for f in files if Path(f.locate()).exists()) / 1e6


def measure(name: str, sets: dict[str, tuple[bool, list[str]]]) -> dict[str, object]:
    dist, make = DETECTORS[name]
    started = time.perf_counter()
    rank = make()
    rank("Warm-up text for the detector.")
    first_call = time.perf_counter() - started
    row: dict[str, object] = {"detector": name, "load_s": round(first_call, 2),
                              "import_s": round(import_seconds(dist), 2),
                              "installed_mb": round(installed_mb(dist), 1)}
    failures: list[str] = []
    elapsed, count = 0.0, 0
    for set_name, (english, texts) in sets.items():
        t0 = time.perf_counter()
        ranked = [rank(t) for t in texts]
        elapsed += time.perf_counter() - t0
        count += len(texts)
        for policy in (False, True):
            right = [is_english(r, t, policy=policy) == english for r, t in zip(ranked, texts,
                                                                                  strict=True)]
            row[f"{set_name} {'policy' if policy else 'raw'}"] = f"{sum(right)}/{len(texts)}"
            if policy:
                failures += [f"{set_name}: {r[0][0]} {r[0][1]:.2f} {t[:70]!r}"
                             for r, t, ok in zip(ranked, texts, right, strict=True) if not ok]
    row["ms_per_text"] = round(1000 * elapsed / count, 2)
    row["failures_with_policy"] = failures
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path,
                        default=Path(__file__).parents[1] / "../shared/corpus/voa_stories.jsonl")
    parser.add_argument("--only", help="one detector, measured in this process")
    args = parser.parse_args()
    if args.only is None:  # each in a fresh interpreter: load and import times are its own
        for name in DETECTORS:
            subprocess.run([sys.executable, __file__, "--corpus", str(args.corpus),
                            "--only", name], check=True)
        return
    sets = datasets(args.corpus)
    for name in [args.only]:
        row = measure(name, sets)
        failures = row.pop("failures_with_policy")
        print(json.dumps(row))
        for failure in failures[:15]:  # type: ignore[attr-defined]
            print("   wrong:", failure)


if __name__ == "__main__":
    main()
