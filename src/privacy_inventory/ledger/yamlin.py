"""Reading the YAML people write (organisation.yaml, risk_model.yaml) without trusting it.

`yaml.safe_load` runs no code, but a small file can still hurt: an alias chain (`&a [*b, *b, …]`)
expands to gigabytes the moment a value is printed, 20,000 nested brackets exhaust the recursion limit,
a duplicated key silently replaces the first value, and `2017-02-30` raises a bare ValueError. The loader
here refuses aliases, nesting deeper than MAX_DEPTH and duplicated keys — each a YAML error with the line
it is on — and leaves an impossible date as text so that the schema check names it like any bad value.
It also remembers where every key is, so a later error can name its line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..i18n import t

MAX_DEPTH = 50  # the bundled files nest 6 deep; fifty is generous and far from Python's recursion limit
MAX_YAML_BYTES = 1_000_000  # organisation.yaml and risk_model.yaml are a few KB


class RefusedYaml(yaml.MarkedYAMLError):
    """YAML that is well formed but refused (an alias, too deep, a duplicated key). Like every
    MarkedYAMLError it carries `problem` and `problem_mark` (its line), so callers report it as a YAML
    error at that line."""

    def __init__(self, problem: str, mark: yaml.Mark | None):
        super().__init__(problem=problem, problem_mark=mark)


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader without aliases, without deep nesting and without duplicated keys."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise RefusedYaml(t("yamlin.alias", name=event.anchor), event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise RefusedYaml(t("yamlin.too_deep", depth=MAX_DEPTH), self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict:
        if isinstance(node, MappingNode):
            self.flatten_mapping(node)
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.get(key)
                except TypeError:  # an unhashable key: the base class says so, with its line
                    continue
                if first is not None:
                    raise RefusedYaml(t("yamlin.duplicate_key", key=key, first=first), key_node.start_mark)
                seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node: ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):  # 2017-02-30: kept as text; the schema check names it
            return self.construct_scalar(node)


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_yaml_timestamp)


@dataclass
class YamlDoc:
    """A YAML document: its data and where each key stands (for error messages)."""

    data: Any
    root: Node | None

    def line(self, path: Sequence[str | int] | str) -> int | None:
        """The line of the key at `path` (["matrix", "grid", 0] or "matrix.grid[0]"); where the path goes
        deeper than the document, the line of its deepest existing part; None when not even its first part is
        there (a missing key has no line)."""
        parts = split_path(path) if isinstance(path, str) else list(path)
        node, found = self.root, None
        for part in parts:
            if isinstance(node, MappingNode):
                match = next(
                    ((k, v) for k, v in node.value if isinstance(k, ScalarNode) and k.value == str(part)),
                    None,
                )
                if match is None:
                    break
                found, node = match[0].start_mark.line + 1, match[1]
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
                found = node.start_mark.line + 1
            else:
                break
        return found


def split_path(dotted: str) -> list[str | int]:
    """'matrix.grid[0][1]' → ['matrix', 'grid', 0, 1]."""
    parts: list[str | int] = []
    for piece in dotted.split("."):
        name, *indexes = re.split(r"\[(\d+)\]", piece)
        if name:
            parts.append(name)
        parts += [int(i) for i in indexes if i.isdigit()]
    return parts


def load_yaml(text: str) -> YamlDoc:
    """Parse one YAML document strictly (see the module's docstring). Raises yaml.YAMLError (with a
    `problem_mark` giving the line) for malformed or refused YAML."""
    if len(text) > MAX_YAML_BYTES:
        raise RefusedYaml(t("yamlin.too_large", size=len(text), limit=MAX_YAML_BYTES), None)
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except RecursionError:  # not reachable with MAX_DEPTH, kept so that no input can end in a traceback
        raise RefusedYaml(t("yamlin.too_deep", depth=MAX_DEPTH), None) from None
    finally:
        loader.dispose()
    return YamlDoc(data, root)


def refuse_aliases(text: str) -> None:
    """Refuse an alias in YAML read with a faster loader than load_yaml (import-fides reads data maps of
    a hundred MB): a scan of the parse events, made only when the text has both an anchor mark and an
    alias mark somewhere."""
    if "&" not in text or "*" not in text:
        return
    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            raise RefusedYaml(t("yamlin.alias", name=event.anchor), event.start_mark)


def yaml_error_line(exc: yaml.YAMLError) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else None


# PyYAML's own messages are English sentences; the common ones are said again for people, in their
# language. Anything else keeps PyYAML's words rather than a vaguer guess.
_PYYAML_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = (  # PyYAML's words, then libyaml's
    (
        re.compile(r"^(?:did not find )?expected ',' or '\]'(?:, but got '?(?P<found>.*?)'?)?$"),
        "yamlin.pyyaml.unclosed_list",
    ),
    (
        re.compile(r"^(?:did not find )?expected ',' or '\}'(?:, but got '?(?P<found>.*?)'?)?$"),
        "yamlin.pyyaml.unclosed_mapping",
    ),
    (
        re.compile(r"^expected <block end>, but found|^did not find expected (?:key|'-' indicator)$"),
        "yamlin.pyyaml.indentation",
    ),
    (re.compile(r"^mapping values are not allowed (?:here|in this context)$"), "yamlin.pyyaml.colon"),
    (re.compile(r"^could not find expected ':'$"), "yamlin.pyyaml.no_colon"),
    (re.compile(r"^found character '\\t' that cannot start any token$"), "yamlin.pyyaml.tab"),
    (re.compile(r"^found character '(?P<found>.*)' that cannot start any token$"), "yamlin.pyyaml.character"),
    (re.compile(r"^found character that cannot start any token$"), "yamlin.pyyaml.some_character"),
    (re.compile(r"^found unexpected end of stream$"), "yamlin.pyyaml.open_quote"),
    (re.compile(r"^found unknown escape character(?: '(?P<found>.*)')?$"), "yamlin.pyyaml.escape"),
    (re.compile(r"^unacceptable character #x(?P<found>[0-9a-fA-F]+)"), "yamlin.pyyaml.control"),
    (re.compile(r"^could not determine a constructor for the tag '(?P<found>.*)'$"), "yamlin.pyyaml.tag"),
    (re.compile(r"^found duplicate anchor(?: '(?P<found>.*)')?"), "yamlin.pyyaml.anchor"),  # in `context`
)


def yaml_error_text(exc: yaml.YAMLError) -> str:
    """What is wrong, for a person: PyYAML's message in the current language where it is a known one."""
    problem = str(getattr(exc, "problem", None) or exc)
    context = str(getattr(exc, "context", None) or "")
    for pattern, key in _PYYAML_PROBLEMS:
        m = pattern.match(problem) or pattern.match(context)
        if m:
            found = m.groupdict().get("found") or ""
            return t(key, found=found)
    return problem
