"""The model's attribute rules (tag → POS and morphology, pronoun lemmas, auxiliaries) applied
with dictionary lookups instead of spaCy's Matcher: the same annotations at a tenth of the cost.

spaCy's Matcher tries every one of the ~180 rules at every token and calls Python for each
IN/NOT_IN/REGEX test, which made ``attribute_ruler`` cost a tenth of the whole parse. Here each
rule is filed under a value its first token must have (its TAG, LOWER, DEP or IS_SPACE), so a
token meets only the few rules that can match it. Rules of a shape this module does not know
make ``compile_rules`` raise ``UnsupportedRule``, and the loader then keeps spaCy's component.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

# the token columns a rule may test, in the order they are read from the Doc; a rule is filed
# under the first of them that it pins to one value or a set of values
COLUMNS: tuple[str, ...] = ("TAG", "LOWER", "DEP", "IS_SPACE")
COLUMN_IDS = (TAG, LOWER, DEP, IS_SPACE)
FILING_ORDER = ("LOWER", "TAG", "DEP", "IS_SPACE")
READ: list[int | str] = [*COLUMN_IDS]

Test = Callable[[int], bool]  # a test on one column's value (a string hash or a flag)


class UnsupportedRule(ValueError):
    """A rule uses an operator or attribute this module does not handle."""


@dataclass(frozen=True, slots=True)
class Rule:
    key: int  # the rule's position in the ruler: later rules overwrite earlier ones
    tokens: tuple[tuple[tuple[int, Test], ...], ...]  # per token: (column, test) pairs
    target: int  # which token of the match gets the attributes (may count from the end)

    def matches(self, rows: list[list[int]], start: int) -> bool:
        if start + len(self.tokens) > len(rows):
            return False
        for offset, tests in enumerate(self.tokens):
            row = rows[start + offset]
            for column, test in tests:
                if not test(row[column]):
                    return False
        return True


def _test(op: str, value: Any, strings: Any) -> Test:
    """One attribute test, comparing string hashes as spaCy's Matcher does."""
    if op == "==":
        if isinstance(value, bool):
            wanted = int(value)
        elif isinstance(value, str):
            wanted = get_string_id(value)
        else:
            raise UnsupportedRule(f"value {value!r}")
        return lambda got: got == wanted
    if op == "IN":
        members = frozenset(get_string_id(v) for v in value)
        return members.__contains__
    if op == "NOT_IN":
        excluded = frozenset(get_string_id(v) for v in value)
        return lambda got: got not in excluded
    if op == "REGEX":  # remembered per string: most tokens are common words
        pattern, seen = re.compile(value), dict[int, bool]()

        def search(got: int) -> bool:
            found = seen.get(got)
            if found is None:
                found = seen[got] = bool(pattern.search(strings[got]))
            return found

        return search
    raise UnsupportedRule(f"operator {op}")


def _token_tests(spec: dict[str, Any], strings: Any) -> tuple[tuple[int, Test], ...]:
    tests = []
    for name, value in spec.items():
        column = name.upper()
        if column not in COLUMNS:
            raise UnsupportedRule(f"attribute {name}")
        if isinstance(value, dict):
            if len(value) != 1:
                raise UnsupportedRule(f"{name}: {value!r}")
            ((op, operand),) = value.items()
            tests.append((COLUMNS.index(column), _test(op.upper(), operand, strings)))
        else:
            tests.append((COLUMNS.index(column), _test("==", value, strings)))
    return tuple(tests)


def _filing(spec: dict[str, Any]) -> tuple[int, tuple[int, ...]] | None:
    """(column, the values it must have) for a rule's first token; None when it pins none.
    A word is filed before a tag: few tokens are "himself", many are PRP."""
    specs = {name.upper(): value for name, value in spec.items()}
    for column in FILING_ORDER:
        value = specs.get(column)
        if isinstance(value, str | bool):
            return COLUMNS.index(column), ((int(value) if isinstance(value, bool)
                                            else get_string_id(value)),)
        if isinstance(value, dict) and set(value) == {"IN"}:
            return COLUMNS.index(column), tuple(get_string_id(v) for v in value["IN"])
    return None


@dataclass
class AttributeRules:
    """Rules filed by the value their first token must have; ``scan`` lists the matches."""

    attrs: list[dict[int, int]]  # per rule key: attribute id → value, normalised as spaCy does
    filed: list[dict[int, list[Rule]]]  # per column: value → rules whose first token needs it
    unfiled: list[Rule]  # rules whose first token pins no value (tested at every token)

    def scan(self, rows: list[list[int]]) -> list[tuple[int, int]]:
        """(rule key, token index to set) for every match, in the order spaCy applies them."""
        hits = []
        by_tag, by_lower, by_dep, by_space = self.filed
        unfiled = self.unfiled
        for start, (tag, lower, dep, space) in enumerate(rows):
            rules = [*by_tag.get(tag, ()), *by_lower.get(lower, ()), *by_dep.get(dep, ()),
                     *by_space.get(space, ()), *unfiled]
            for rule in rules:
                if rule.matches(rows, start):
                    hits.append((rule.key, _target(rule, start)))
        hits.sort()  # spaCy sorts by rule key, then by position: later keys win
        return hits


def _target(rule: Rule, start: int) -> int:
    target = rule.target if rule.target >= 0 else len(rule.tokens) + rule.target
    if not 0 <= target < len(rule.tokens):
        raise ValueError(f"attribute rule {rule.key}: index {rule.target} outside its match")
    return start + target


def compile_rules(ruler: AttributeRuler) -> AttributeRules:
    """File every rule of a loaded spaCy AttributeRuler; raises UnsupportedRule if one cannot."""
    strings = ruler.vocab.strings
    filed: list[dict[int, list[Rule]]] = [{} for _ in COLUMNS]
    unfiled: list[Rule] = []
    for key, attrs in enumerate(ruler.attrs):
        if not all(isinstance(attr, int) for attr in attrs):
            raise UnsupportedRule(f"rule {key}: extension attributes")
        _, patterns = ruler.matcher.get(str(key))
        for pattern in patterns:
            if not pattern or any("OP" in {k.upper() for k in spec} for spec in pattern):
                raise UnsupportedRule(f"rule {key}: operators")
            rule = Rule(key, tuple(_token_tests(spec, strings) for spec in pattern),
                        ruler.indices[key])
            filing = _filing(pattern[0])
            if filing is None:
                unfiled.append(rule)
                continue
            column, values = filing
            for value in values:
                filed[column].setdefault(value, []).append(rule)
    return AttributeRules(list(ruler.attrs), filed, unfiled)


class FastAttributeRuler:
    """A pipeline component giving a Doc exactly the attributes spaCy's AttributeRuler would.
    Made empty by its factory (spaCy builds components by name), then given ``rules``."""

    def __init__(self, rules: AttributeRules | None = None) -> None:
        self.use(rules or AttributeRules([], [{} for _ in COLUMNS], []))

    def use(self, rules: AttributeRules) -> None:
        self.rules = rules
        # the attributes any rule sets: read and written back as whole columns
        self.columns: list[int | str] = sorted({attr for attrs in rules.attrs for attr in attrs})

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not self.columns:
            return doc
        rows = doc.to_array(READ).tolist()
        hits = self.rules.scan(rows)
        if not hits:
            return doc
        values = doc.to_array(self.columns).reshape(len(doc), len(self.columns))  # 1 column: 1-D
        where: dict[int | str, int] = {attr: n for n, attr in enumerate(self.columns)}
        for key, i in hits:
            for attr, value in self.rules.attrs[key].items():
                values[i, where[attr]] = value
        doc.from_array(self.columns, values)  # type: ignore[arg-type]  # to_array gives uint64
        return doc

    def pipe(self, docs: Sequence[Doc] | Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


def faster_copy(ruler: AttributeRuler) -> FastAttributeRuler | None:
    """The fast equivalent of ``ruler``, or None when a rule is of a shape not handled here."""
    try:
        return FastAttributeRuler(compile_rules(ruler))
    except UnsupportedRule:
        return None


@Language.factory("wardesk_attribute_rules")
def make_attribute_rules(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler()


def speed_up_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Swap the model's AttributeRuler ``name`` for its fast equivalent, under the same name;
    False (and nothing changed) when there is none or one of its rules is not handled here."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler):
        return False
    try:
        rules = compile_rules(ruler)
    except UnsupportedRule:
        return False
    fast = nlp.replace_pipe(name, "wardesk_attribute_rules")
    fast.use(rules)  # type: ignore[attr-defined]  # replace_pipe is typed as any component
    return True


__all__ = ["AttributeRules", "FastAttributeRuler", "UnsupportedRule", "compile_rules",
           "faster_copy", "speed_up_attribute_ruler"]
