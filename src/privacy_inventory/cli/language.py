"""The command line in the reader's language: --help from the catalogue, typer's and click's own words.

Every command's and parameter's help lives in texts_cli.py under `help.<command path>[.<parameter>]`
(e.g. `help.incident.list.status`); `localise` walks the click command tree once per run and sets each
command's and parameter's help in the current language. The decorators carry no help text: the catalogue
is the one source for both languages.

typer 0.29 bundles its own copy of click (typer._click) with every message written as a plain English
f-string: there is no gettext to hook a catalogue into. So:
- the words typer prints around the help (panel titles, "[default: …]", "[required]", "Try … for help")
  are module constants of typer.rich_utils, set here for each run;
- "Usage:" comes from click's HelpFormatter: each command gets a context class whose formatter writes our
  prefix; the help option's "Show this message and exit." is set on the option itself;
- usage errors are caught in main() (the app runs with standalone_mode=False) and their English message,
  whose shapes click and typer fix ("No such option: --x", "Missing argument 'X'.", "Invalid value for
  '--x': …"), is translated by pattern; a message of no known shape is shown as it is after a Japanese
  lead-in, so nothing is lost. Exit code 2 and no traceback, as click would.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from enum import Enum
from typing import Any, get_args, get_origin

import typer
from rich.text import Text
from typer import rich_utils
from typer._click.exceptions import UsageError as ClickUsageError
from typer._click.formatting import HelpFormatter

from ..i18n import LANGS, Vocabulary, language, t
from ..texts import TEXTS

HELP_OPTION_NAMES = ["-h", "--help"]
CONTEXT_SETTINGS: dict[str, Any] = {"help_option_names": HELP_OPTION_NAMES}


def lang_from_argv(args: Sequence[str]) -> str | None:
    """The language named by `--lang X` or `--lang=X` anywhere before `--` (the last one wins), so the
    help and the parsing errors are already in it; an unknown value is left for the parser to refuse."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else None
        if arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        if value is not None and value.strip().lower() in LANGS:
            found = value.strip().lower()
    return found


def without_lang(args: Sequence[str]) -> list[str]:
    """The command line with its `--lang` options taken out (before `--`): run() has applied the language
    already, and every command's own --lang defaults to it, so `validate --lang en` works like
    `--lang en validate`. An unknown value goes first, for the root's option to refuse by name."""
    kept: list[str] = []
    unknown: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            kept += args[i:]
            break
        if arg == "--lang" and i + 1 < len(args):
            pair, i = [arg, args[i + 1]], i + 2
        elif arg.startswith("--lang="):
            pair, i = [arg], i + 1
        else:
            kept.append(arg)
            i += 1
            continue
        if lang_from_argv(pair) is None:
            unknown += pair
    return unknown + kept


# --- the command tree ----------------------------------------------------------------------------------


def walk(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every command of the tree with its path of names: () for the root, ("incident", "list"), …"""
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from walk(sub, (*path, name))


def help_key(path: tuple[str, ...], param: str | None = None) -> str:
    return ".".join(("help", *path, *([param] if param else [])))


def missing_help(command: Any) -> list[str]:
    """The catalogue keys a command tree needs and the catalogue lacks (a test keeps this empty)."""
    keys = [
        key
        for path, cmd in walk(command)
        for key in (help_key(path), *(help_key(path, p.name) for p in cmd.params))
    ]
    return [key for key in keys if key not in TEXTS or not all(TEXTS[key])]


def choices_help(param: Any, lang: str) -> str:
    """A closed set of codes explained in words: `loss=紛失; theft=盗難; …` (the codes are what one
    types, so they stay; the label says what each means)."""
    desc = getattr(param, "type_descriptor", None)
    choices = list(getattr(desc, "choices", None) or ()) if desc is not None and desc.is_choice else []
    if not choices or not all(isinstance(c, Vocabulary) for c in choices):
        return ""
    pairs = [f"{c.value}={c.label(lang)}" for c in choices if c.label(lang) != c.value]
    return t("cli.choices", lang, pairs=t("cli.choices.sep", lang).join(pairs)) if pairs else ""


def first_sentence(text: str) -> str:
    """The command's line in its group's list: its first sentence (Japanese ends one with 。)."""
    m = re.match(r"(.+?(?:。|[.:](?=\s)))", text.split("\n\n")[0], flags=re.DOTALL)
    return (m.group(1) if m else text).rstrip(":")


SMALL_CHOICE = 4  # at most this many codes are shown as the value (ja|en); more are named in the help


def value_word(param: Any, lang: str) -> str:
    """What an option takes, in words: typer would show the Python type (<str>, <list[str]>, <Cause>).
    A flag takes nothing; a few codes are listed (table|json|csv); more are explained in the help."""
    if getattr(param, "is_flag", False):
        return ""
    annotation = param.type_descriptor.annotation
    args = get_args(annotation)
    many = get_origin(annotation) is list
    kind = args[0] if many and args else annotation
    if isinstance(kind, type) and issubclass(kind, Enum):
        codes = [str(c.value) for c in kind]
        word = "|".join(codes) if len(codes) <= SMALL_CHOICE else t("cli.value.choice", lang)
    else:
        name = getattr(kind, "__name__", "str")
        word = t(f"cli.value.{name if name in VALUE_WORDS else 'str'}", lang)
    return word + ("…" if many else "")


VALUE_WORDS = ("str", "int", "float", "Path")


class _Formatter(HelpFormatter):
    """click's formatter with the usage line's words in the reader's language (the argument names stay:
    the help text refers to them)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", t("cli.usage.options")).replace(
            "COMMAND [ARGS]...", t("cli.usage.command")
        )
        super().write_usage(prog, args, t("cli.usage") if prefix is None else prefix)


class _Context(typer.Context):
    formatter_class = _Formatter


def localise(command: Any, lang: str | None = None) -> None:
    """Set every command's and parameter's help of the tree from the catalogue, in `lang`."""
    lang = lang or language()
    for path, cmd in walk(command):
        text = t(help_key(path), lang)
        cmd.help = text
        cmd.short_help = first_sentence(text)
        cmd.context_class = _Context
        for param in cmd.params:
            explained = choices_help(param, lang)
            param.help = " ".join(s for s in (t(help_key(path, param.name), lang), explained) if s)
            if explained:  # the codes are listed with their meaning: not twice in a narrow column
                param.show_choices = False
            if param.param_type_name == "argument":
                if param.metavar is None:
                    param.metavar = param.name.upper()  # `review [LEDGER]`, as the help texts name them
                word = value_word(param, lang)
                param.display_type_rich = lambda ctx, word=word: word  # an argument ignores metavar here
            else:
                param.metavar = value_word(param, lang)
        option = cmd.get_help_option(_Context(cmd, help_option_names=HELP_OPTION_NAMES))
        if option is not None:
            option.help = t("cli.help_option", lang)
            option.metavar = ""  # a flag: it takes no value


def use_typer_texts(lang: str | None = None) -> None:
    """typer's own words around the help and the errors, in `lang` (module constants read at print time)."""
    lang = lang or language()
    for name in TYPER_TEXTS:
        setattr(rich_utils, name, t(f"cli.typer.{name}", lang))
    if not getattr(rich_utils._make_rich_text, "folds", False):
        rich_utils._make_rich_text = _folding(rich_utils._make_rich_text)


def _folding(make_rich_text: Callable[..., Any]) -> Callable[..., Any]:
    """typer's help texts, folded at the column's edge instead of cut with "…".

    rich wraps at spaces and cuts a longer "word"; a Japanese sentence has no spaces, so in the narrow
    help column of an 80-column terminal every line of Japanese help lost its end. Folding keeps it all.
    """

    def make(*args: Any, **kwargs: Any) -> Any:
        rendered = make_rich_text(*args, **kwargs)
        if isinstance(rendered, Text):
            rendered.overflow = "fold"
        return rendered

    make.folds = True  # type: ignore[attr-defined]
    return make


TYPER_TEXTS = (
    "ARGUMENTS_PANEL_TITLE",
    "OPTIONS_PANEL_TITLE",
    "COMMANDS_PANEL_TITLE",
    "ERRORS_PANEL_TITLE",
    "DEFAULT_STRING",
    "REQUIRED_LONG_STRING",
    "ENVVAR_STRING",
    "DEPRECATED_STRING",
    "RICH_HELP",
)


# --- usage errors --------------------------------------------------------------------------------------

# The shapes of click's and typer's usage errors (their English wording is fixed in their code), each
# with the key of its text; named groups fill the text's placeholders.
USAGE_PATTERNS = [
    (r"No such option: (?P<name>\S+)(?: \(Possible options: (?P<possible>.+)\))?", "no_such_option"),
    (r"No such command '(?P<name>.*)'\.(?: Did you mean '(?P<possible>.+)'\?)?", "no_such_command"),
    (r"Missing command\.", "missing_command"),
    (r"Missing (?P<kind>argument|option|parameter) ?(?P<name>[^.]*)\.(?P<rest>.*)", "missing"),
    (r"Option '(?P<name>.+)' requires (?:an argument|(?P<n>\d+) arguments)\.", "requires_value"),
    (r"Option '(?P<name>.+)' does not take a value\.", "takes_no_value"),
    (r"Got unexpected extra argument(?:s|\(s\))? ?\(?(?P<args>.*?)\)?", "extra_arguments"),
    (r"Invalid value for (?P<name>[^:]+): (?P<reason>.*)", "invalid_value"),
]
# Why a value was refused (typer checks values with pydantic): each shape with its text's key.
REASON_PATTERNS = [
    (r"(?:Value error, )?(?P<value>.+) is not one of (?P<choices>.+?)\.?", "not_one_of"),
    (r"Input should be greater than or equal to (?P<n>\S+)", "at_least"),
    (r"Input should be less than or equal to (?P<n>\S+)", "at_most"),
    (r"Input should be a valid integer.*", "integer"),
    (r"Input should be a valid number.*", "number"),
    (r"Input should be a valid boolean.*", "boolean"),
]


def _match(patterns: list[tuple[str, str]], text: str) -> tuple[str, dict[str, str]] | None:
    for pattern, key in patterns:
        m = re.fullmatch(pattern, text, flags=re.DOTALL)
        if m:
            return key, {k: v or "" for k, v in m.groupdict().items()}
    return None


def usage_message(message: str, lang: str | None = None) -> str:
    """click's English usage error in `lang`; English stays as click wrote it."""
    lang = lang or language()
    if lang == "en":
        return message
    found = _match(USAGE_PATTERNS, message.strip())
    if found is None:
        return t("cli.usage_error.other", lang, message=message)
    key, values = found
    if key == "invalid_value":
        reason = _match(REASON_PATTERNS, values["reason"].strip())
        values["reason"] = t(f"cli.reason.{reason[0]}", lang, **reason[1]) if reason else values["reason"]
    if key == "missing":
        values["kind"] = t(f"cli.kind.{values['kind']}", lang)
        values["rest"] = (
            t("cli.usage_error.choose", lang) + values["rest"].split(":", 1)[1]
            if "Choose" in values["rest"]
            else ""
        )
    if values.get("possible"):
        values["possible"] = t("cli.usage_error.possible", lang, names=values["possible"])
    return t(f"cli.usage_error.{key}", lang, **values)


def show_usage_error(exc: ClickUsageError) -> None:
    """The usage error as typer shows it (usage line, hint, framed message), in the current language."""
    if type(exc).__name__ == "NoArgsIsHelpError":  # the help, already printed by typer's rich help
        if exc.format_message().strip():
            typer.echo(exc.format_message(), err=True)
        return
    rich_utils.rich_format_error(ClickUsageError(usage_message(exc.format_message()), ctx=exc.ctx))
