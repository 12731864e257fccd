"""Every text a person reads, in Japanese and English, and the choice between them.

Texts are looked up by key: `t("page.02_risk", "ja")`; a text may have `{placeholders}`. Closed sets of
codes (bases, statuses, severities, …) are `Vocabulary` enums declared where they belong, each code with
its two labels; `label(code, vocabulary, lang)` is the one way to show a code to a person.

The language: an explicit `--lang`, else the environment variable PRIVACY_INVENTORY_LANG, else the
locale (Japanese when LC_ALL / LC_MESSAGES / LANG starts with "ja", English for another language), else
Japanese: the C / POSIX locale of a server or a container names no language, and the users are a
Japanese privacy office.

The texts live in texts.py (reports, labels, the workbook), texts_cli.py (every command's --help and
messages) and texts_problems.py (what reading and checking a ledger reports); `TEXTS` holds them all.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from contextvars import ContextVar
from enum import StrEnum

from .texts import TEXTS

LANGS = ("ja", "en")
ENV_VAR = "PRIVACY_INVENTORY_LANG"


class Lang(StrEnum):
    ja = "ja"
    en = "en"


def detect_language(environ: Mapping[str, str] | None = None) -> str:
    """The language from the environment: PRIVACY_INVENTORY_LANG, else the locale, else English."""
    env = os.environ if environ is None else environ
    chosen = (env.get(ENV_VAR) or "").strip().lower()
    if chosen in LANGS:
        return chosen
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = (env.get(var) or "").strip()
        if value and value.split(".")[0].upper() not in ("C", "POSIX"):
            return "ja" if value.lower().startswith("ja") else "en"
    return "ja"


_current: ContextVar[str | None] = ContextVar("privacy_inventory_lang", default=None)


def use_language(lang: str | None) -> None:
    """Set the language of this process's messages (None: back to the environment's)."""
    if lang is not None and lang not in LANGS:
        raise ValueError(f"language {lang!r} is not one of {', '.join(LANGS)}")
    _current.set(lang)


def language() -> str:
    return _current.get() or detect_language()


def t(key: str, lang: str | None = None, /, **values: object) -> str:
    """The text `key` in `lang` (default: the current language), with its placeholders filled."""
    ja, en = TEXTS[key]
    text = ja if (lang or language()) == "ja" else en
    return text.format(**values) if values else text


def both(key: str, /, **values: object) -> tuple[str, str]:
    """The text in Japanese and in English (for data that carries both, e.g. reason_ja / reason_en)."""
    return t(key, "ja", **values), t(key, "en", **values)


class Vocabulary(StrEnum):
    """A closed set of codes, each with a Japanese and an English label.

    Declared as `joint_use = "joint_use", "共同利用", "joint use"`; a member is its code (a str), so it
    compares equal to the text in a ledger cell.
    """

    ja: str
    en: str

    def __new__(cls, code: str, ja: str = "", en: str = ""):
        member = str.__new__(cls, code)
        member._value_ = code
        member.ja = ja or code
        member.en = en or code
        return member

    def label(self, lang: str | None = None) -> str:
        return self.ja if (lang or language()) == "ja" else self.en

    @classmethod
    def codes(cls) -> list[str]:
        return [m.value for m in cls]

    @classmethod
    def labels(cls, lang: str | None = None) -> dict[str, str]:
        return {m.value: m.label(lang) for m in cls}


def label(code: object, vocabulary: type[Vocabulary], lang: str | None = None) -> str:
    """The label of a code in a vocabulary; an unknown code is shown as it is."""
    try:
        return vocabulary(str(code)).label(lang)
    except ValueError:
        return str(code)
