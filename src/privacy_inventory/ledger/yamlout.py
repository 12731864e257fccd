"""A small, fast YAML writer for plain data (mappings, lists, text, numbers, booleans, None).

PyYAML builds a Python node for every value before it writes one; a Fides data map of a million flows has
millions of values and took most of a minute that way. This writer emits block YAML directly: keys and
simple identifiers plain, other text double-quoted with JSON escapes (a JSON string is a valid YAML
double-quoted scalar once the characters YAML reads as line breaks or will not accept raw are escaped),
and multi-line text as a literal block (`|`) when that reads back exactly. tests/test_fides.py checks
that yaml.safe_load gives back what was written, for arbitrary text.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}  # YAML 1.1 booleans and null
# characters a YAML stream may not hold raw, or reads as line breaks (NEL, LS, PS)
_ESCAPE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LITERAL_UNSAFE = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _escape(m: re.Match) -> str:
    code = ord(m.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def scalar(value: Any) -> str:
    """One value as a YAML scalar that reads back as the same value."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return json.dumps(value)
    return _text(str(value))


@lru_cache(maxsize=1 << 16)  # keys, data categories and names repeat thousands of times in a data map
def _text(text: str) -> str:
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    return _ESCAPE.sub(_escape, json.dumps(text, ensure_ascii=False))


def _literal(text: str) -> list[str] | None:
    """The lines of a literal block for `text`, or None when a literal block would not read back exactly."""
    if "\n" not in text or _LITERAL_UNSAFE.search(text):
        return None
    body, newline = (text[:-1], True) if text.endswith("\n") else (text, False)
    if not body or body.endswith("\n") or body.startswith("\n"):
        return None  # keeping several trailing (or leading) newlines needs more than | and |-
    lines = body.split("\n")
    if any(line[:1] == " " or (line and not line.strip()) or line.endswith(" ") for line in lines):
        return None  # leading or trailing blanks need indentation indicators: quote instead
    return ["|" if newline else "|-", *lines]


def _emit(value: Any, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for key, v in value.items():
            k = scalar(str(key))
            if isinstance(v, dict) and v:
                out.append(f"{pad}{k}:")
                _emit(v, indent + 2, out)
            elif isinstance(v, list | tuple) and v:
                out.append(f"{pad}{k}:")
                _emit(list(v), indent, out)
            elif isinstance(v, dict):
                out.append(f"{pad}{k}: {{}}")
            elif isinstance(v, list | tuple):
                out.append(f"{pad}{k}: []")
            elif isinstance(v, str) and (block := _literal(v)) is not None:
                out.append(f"{pad}{k}: {block[0]}")
                inner = " " * (indent + 2)
                out.extend(f"{inner}{line}" if line else "" for line in block[1:])
            else:
                out.append(f"{pad}{k}: {scalar(v)}")
    elif isinstance(value, list | tuple):
        for v in value:
            if isinstance(v, dict) and v:
                start = len(out)
                _emit(v, indent + 2, out)
                out[start] = f"{pad}- {out[start][indent + 2 :]}"
            elif isinstance(v, list | tuple) and v:
                start = len(out)
                _emit(list(v), indent + 2, out)
                out[start] = f"{pad}- {out[start][indent + 2 :]}"
            elif isinstance(v, dict):
                out.append(f"{pad}- {{}}")
            elif isinstance(v, list | tuple):
                out.append(f"{pad}- []")
            else:
                out.append(f"{pad}- {scalar(v)}")
    else:
        out.append(f"{pad}{scalar(value)}")


def dump_yaml(data: Any) -> str:
    """Block YAML for `data`; yaml.safe_load(dump_yaml(x)) == x."""
    if isinstance(data, dict | list | tuple) and not data:
        return "{}\n" if isinstance(data, dict) else "[]\n"
    out: list[str] = []
    _emit(data, 0, out)
    return "\n".join(out) + "\n"
