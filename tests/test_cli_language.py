"""The command line speaks Japanese and English: every --help, usage error and message in the language
chosen by --lang, else PRIVACY_INVENTORY_LANG, else the locale (C/POSIX: Japanese).

The commands are found by walking the click tree, so a new command or option without its help texts in
both languages fails here."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path
from types import SimpleNamespace

import pytest
import typer

from privacy_inventory.cli import app as app_module
from privacy_inventory.cli import review as review_module
from privacy_inventory.cli.app import app
from privacy_inventory.cli.language import help_key, lang_from_argv, missing_help, usage_message, walk
from privacy_inventory.i18n import detect_language
from privacy_inventory.texts import TEXTS

from .conftest import REPO

ROOT = typer.main.get_command(app)
PATHS = [path for path, _ in walk(ROOT)]
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]")
# What a person types stays as it is in Japanese help: command names and the codes of closed choices.
CODES = {name for path in PATHS for name in path} | {
    str(getattr(c, "value", c))
    for _, cmd in walk(ROOT)
    for p in cmd.params
    if getattr(p, "type_descriptor", None) is not None and p.type_descriptor.is_choice
    for c in p.type_descriptor.choices or ()
}


def english_sentences(text: str) -> list[str]:
    """Runs of 3+ English words (2+ letters) left once what one types is taken out: option names, metavars
    and words in capitals, <types>, codes of choices, command names, URLs, file names, `commands`."""
    text = re.sub(r"https?://\S+|`[^`]*`|<[^>]*>", " ", text)
    text = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*", " ", text)
    text = re.sub(r"[\w./-]*\w\.(?:csv|yaml|xlsx|md|json|html|parquet)\b", " ", text)
    text = re.sub(r"privacy-inventory|\b[A-Z][A-Z0-9_]*\b", " ", text)
    words = [w for w in re.split(r"([^A-Za-z_-]+)", text)]
    kept = "".join(" " if w in CODES else w for w in words)
    return re.findall(r"[A-Za-z]{2,}(?:[ ,;/]+[A-Za-z]{2,}){2,}", kept)


def test_english_sentences_are_found():
    assert english_sentences("選べる値：table, json, csv。 --format  <str>  FILE.xlsx") == []
    assert english_sentences("台帳 Show this message and exit.") == ["Show this message and exit"]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "root")
@pytest.mark.parametrize(("lang", "flag"), [("ja", "--help"), ("en", "--help"), ("ja", "-h"), ("en", "-h")])
def test_every_command_helps_in_both_languages(cli, path, lang, flag):
    res = cli("--lang", lang, *path, flag)
    assert res.code == 0, res.err
    if lang == "ja":
        assert JAPANESE.search(res.out), res.out
        assert english_sentences(res.out) == [], res.out
        assert "[OPTIONS]" not in res.out and "COMMAND" not in res.out and "[オプション]" in res.out
    else:
        assert not JAPANESE.search(res.out), res.out
        assert "Usage:" in res.out and "Options" in res.out


@pytest.mark.parametrize("path", [p for p, c in walk(ROOT) if any(p_.name == "lang" for p_ in c.params)][1:])
def test_a_commands_own_lang_after_help_chooses_the_help_language(cli, monkeypatch, path):
    monkeypatch.setenv("PRIVACY_INVENTORY_LANG", "ja")
    res = cli(*path, "--help", "--lang", "en")
    assert res.code == 0 and not JAPANESE.search(res.out), res.out


def test_review_help_in_english_with_lang_before_or_after(cli):
    for args in (("--lang", "en", "review", "--help"), ("review", "--help", "--lang", "en")):
        res = cli(*args)
        assert res.code == 0 and "The quarterly review" in res.out and not JAPANESE.search(res.out)


def test_every_command_and_parameter_has_its_help_in_both_languages():
    assert missing_help(ROOT) == []


def test_a_parameter_without_help_text_is_found():
    extra = typer.Typer()

    @extra.command()
    def nothing(undocumented_option: int = 0) -> None:
        """A command nobody wrote texts for."""

    extra.command()(lambda: None)
    missing = missing_help(typer.main.get_command(extra))
    assert help_key(("nothing",), "undocumented_option") in missing
    assert help_key(("nothing",)) in missing


def test_every_message_key_the_command_line_uses_exists():
    used = set()
    for source in (REPO / "src" / "privacy_inventory" / "cli").glob("*.py"):
        used |= set(re.findall(r"""\bt\(\s*["'](cli\.[\w.-]+)["']""", source.read_text(encoding="utf-8")))
    assert used and sorted(k for k in used if k not in TEXTS) == []


def flat(text: str) -> str:
    """Rich's framed, wrapped output as one line of words."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def test_choices_are_explained_in_words(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")  # a wide terminal: no word folded at the column's edge
    res = cli("--lang", "ja", "incident", "--help")
    assert "loss=紛失" in flat(res.out).replace(" ", "")
    res = cli("--lang", "en", "incident", "--help")
    assert "misdelivery=sent to the wrong recipient" in flat(res.out)


# --- choosing the language ----------------------------------------------------------------------------


@pytest.fixture
def no_language(monkeypatch):
    for var in ("PRIVACY_INVENTORY_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    return monkeypatch


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"PRIVACY_INVENTORY_LANG": "ja", "LANG": "en_US.UTF-8"}, "ja"),
        ({"PRIVACY_INVENTORY_LANG": "en", "LANG": "ja_JP.UTF-8"}, "en"),
        ({"LANG": "ja_JP.UTF-8"}, "ja"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "ja"),
        ({"LANG": "POSIX"}, "ja"),
        ({}, "ja"),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "ja_JP.UTF-8"}, "en"),
    ],
)
def test_environment_chooses_the_language(cli, no_language, env, expected):
    for var, value in env.items():
        no_language.setenv(var, value)
    assert detect_language() == expected
    res = cli("-h")
    assert res.code == 0 and bool(JAPANESE.search(res.out)) == (expected == "ja")


def test_lang_option_beats_the_environment(cli, no_language):
    no_language.setenv("PRIVACY_INVENTORY_LANG", "ja")
    assert not JAPANESE.search(cli("--lang", "en", "-h").out)
    assert not JAPANESE.search(cli("--lang=en", "rules", "-h").out)
    no_language.setenv("PRIVACY_INVENTORY_LANG", "en")
    assert JAPANESE.search(cli("--lang", "ja", "-h").out)


def test_lang_is_read_before_parsing():
    assert lang_from_argv(["--lang", "en", "review"]) == "en"
    assert lang_from_argv(["review", "--lang=ja"]) == "ja"
    assert lang_from_argv(["review", "--lang", "fr"]) is None  # left for the parser to refuse
    assert lang_from_argv(["incident", "--notes", "x", "--", "--lang", "en"]) is None


def test_an_unknown_language_is_a_usage_error(cli):
    res = cli("--lang", "fr", "rules")
    assert res.code == 2 and "Traceback" not in res.err


# --- version, usage errors, messages ------------------------------------------------------------------


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(cli, flag):
    res = cli(flag)
    assert res.code == 0 and res.out.strip() == f"privacy-inventory {version('privacy-inventory')}"


def test_usage_error_in_japanese_exits_2(cli):
    res = cli("--lang", "ja", "score", "--bogus")
    assert res.code == 2 and "Traceback" not in res.err
    assert "--bogus というオプションはありません" in res.err and "エラー" in res.err and "使い方" in res.err
    assert english_sentences(res.err) == [], res.err


def test_usage_error_in_english_is_clicks_own(cli):
    res = cli("--lang", "en", "score", "--bogus")
    assert res.code == 2 and "No such option: --bogus" in res.err and not JAPANESE.search(res.err)


@pytest.mark.parametrize(
    ("args", "japanese"),
    [
        (("score", "--top", "0"), "1以上を指定してください"),
        (("score", "--top", "x"), "整数を指定してください"),
        (("check", "--min-severity", "zz"), "は選べません"),
        (("nope",), "nopeというコマンドはありません"),
        (("synth",), "を指定してください"),
        (("score", "--as-of"), "には値が必要です"),
        (("rules", "a", "b"), "余分な引数があります：ab"),  # each argument once, no "s)" left over
        (("validate", "a", "b"), "余分な引数があります：b"),
    ],
)
def test_usage_errors_are_translated(cli, args, japanese):
    res = cli("--lang", "ja", *args)
    assert res.code == 2 and japanese in flat(res.err).replace(" ", ""), res.err


def test_an_unknown_shape_of_usage_error_is_kept_after_a_japanese_lead_in():
    assert usage_message("Something new.", "ja") == "指定に誤りがあります：Something new."
    assert usage_message("Something new.", "en") == "Something new."


def test_messages_and_headers_follow_the_language(cli):
    ja = cli("--lang", "ja", "actions", "status")
    assert (
        ja.code == 0
        and "改善処置の状況" in ja.out
        and "action_id" not in ja.out
        and "refers_to" not in ja.out
    )
    en = cli("--lang", "en", "actions", "status")
    assert en.code == 0 and "Register" in en.out and "action_id" not in en.out and "overdue actions" in en.out
    assert not JAPANESE.search(cli("--lang", "en", "rules").out)
    assert "点検ルール" in cli("--lang", "ja", "rules").out


def test_validate_in_japanese_names_tables_not_keys(cli):
    res = cli("--lang", "ja", "validate")
    assert res.code == 0 and "表ごとの行数" in res.out and "誤りはありません" in res.out
    assert "partners" not in res.out and "joint_uses" not in res.out


def test_json_keeps_keys_and_codes(cli):
    import json

    data = json.loads(cli("--lang", "ja", "rules", "--format", "json").out)
    assert {"rule_id", "severity"} <= set(data[0]) and data[0]["severity"] in (
        "info",
        "low",
        "medium",
        "high",
    )


def test_a_library_error_prefix_is_translated(cli, tmp_path):
    res = cli("--lang", "ja", "validate", tmp_path / "nowhere")
    assert res.code == 2 and res.err.startswith("エラー:"), res.err


# --- review takes the ledger as an argument -----------------------------------------------------------


@pytest.fixture
def fake_review(monkeypatch, tmp_path):
    """run_review replaced by a recorder: the parsing is what is tested, not the notebooks."""
    calls = []

    def run_review(period, ledger, out, lang, force, jobs, step):
        calls.append(SimpleNamespace(period=str(period), ledger=ledger, out=out, lang=lang))
        summary = {"flows": 1, "high_risk_flows_residual": 0, "findings": {"high": 0, "medium": 0},
                   "actions": {"overdue": 0}}  # fmt: skip
        return SimpleNamespace(summary=summary, seconds=0.1, previous=None, path=tmp_path / str(period))

    monkeypatch.setattr(review_module, "run_review", run_review)
    return calls


def test_review_takes_the_ledger_as_an_argument(cli, fake_review, tmp_path):
    res = cli("review", tmp_path / "ledger", "--period", "2026Q4", "--out", tmp_path / "r")
    assert res.code == 0, res.err
    assert fake_review[-1].ledger == tmp_path / "ledger" and fake_review[-1].period == "2026Q4"
    assert "Review 2026Q4 written" in res.out
    assert fake_review[-1].lang == "en"  # the current language (tests run with PRIVACY_INVENTORY_LANG=en)


def test_review_inventory_still_works_but_is_hidden(cli, fake_review, tmp_path):
    res = cli("review", "--inventory", tmp_path / "ledger", "--period", "2026Q4", "--lang", "ja")
    assert res.code == 0 and fake_review[-1].ledger == tmp_path / "ledger" and fake_review[-1].lang == "ja"
    assert "2026Q4 のレビューを作成しました" in res.out
    assert "--inventory" not in cli("review", "--help").out


def test_review_refuses_two_different_ledgers(cli, fake_review, tmp_path):
    res = cli("review", tmp_path / "a", "--inventory", tmp_path / "b")
    assert res.code == 2 and not fake_review


def test_app_module_names_the_program():
    assert app_module.PROG == "privacy-inventory"
    assert Path(REPO / "pyproject.toml").read_text(encoding="utf-8").count('privacy-inventory = "') == 1


def test_lang_after_any_command_chooses_the_language(cli):
    """`validate --lang en` works like `--lang en validate`, also for commands without their own --lang;
    an unknown language after the command is refused by name."""
    en = cli("validate", "--lang", "en")
    assert en.code == 0 and "valid" in en.out and not JAPANESE.search(en.out.split("\n")[-2])
    ja = cli("validate", "--lang=ja")
    assert ja.code == 0 and "誤りはありません" in ja.out
    bad = cli("validate", "--lang", "fr")
    assert bad.code == 2 and "'fr'" in bad.err and "--lang" in bad.err


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_help_shows_what_an_option_takes_in_words_not_python_types(cli, lang):
    for command in (["incident"], ["score"], ["diff"], ["export-csv"], ["review"]):
        out = cli("--lang", lang, *command, "--help").out
        assert not re.search(r"<(str|int|path|bool|list\[[^]]*\]|[A-Z][A-Za-z]+)>", out), (command, out)


JAPANESE_OUTPUTS = [
    ("validate",),
    ("score",),
    ("check", "--as-of", "2026-12-31"),
    ("notice",),
    ("rules",),
    ("incident", "list", "--as-of", "2026-12-31"),
    ("incident", "show", "INC-2026-004", "--as-of", "2026-12-31"),
    ("incident", "--item", "I001,I022", "--discovered", "2026-11-20"),
    ("diff", "2026Q2", "2026Q3", "--out", str(REPO / "reports")),
    ("verify", "--out", str(REPO / "reports")),
]


def english_words(text: str) -> set[str]:
    """Lower-case English words of four letters or more, once what is not prose is taken out: paths and
    file names, ids and rule ids (anything with a digit, '-' or '_'), and what one types (--options)."""
    text = re.sub(r"\S*[/\\]\S*|\S+\.(?:csv|yaml|xlsx|html|json|md|txt)\b", " ", text)
    text = re.sub(r"\S*[-_0-9]\S*", " ", text)
    return set(re.findall(r"(?<![A-Za-z])[a-z]{4,}(?![A-Za-z])", text))


def test_english_words_are_found():
    row = "│ F0151 │ inherent │ 低下 │ high │ organisation:address │ APPI-25-inspection │ reports/2026Q3 │"
    assert english_words(row) == {"inherent", "high", "organisation", "address"}  # not ids, rule ids, paths
    assert english_words("expected ',' or ']', but got '<stream end>'") == {"expected", "stream"}


@pytest.mark.parametrize("args", JAPANESE_OUTPUTS, ids=lambda a: " ".join(a[:2]))
def test_japanese_output_shows_no_english_words_or_codes(cli, args):
    """What each command prints for a Japanese reader on the bundled ledger: labels, never codes
    (`inherent`, `high`, `organisation`) or English sentences."""
    res = cli(*args, "--lang", "ja")
    assert res.code in (0, 1), res.err
    assert JAPANESE.search(res.out + res.err)
    assert english_words(res.out + res.err) == set(), (res.out + res.err)[:3000]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("verify", "2026Q9"), "PERIOD:"),
        (("review", "--period", "2026q4"), "--period:"),
        (("incident", "--partner", "PO01", "--discovered", "2026-13-45"), "--discovered:"),
        (
            ("incident", "--partner", "PO01", "--discovered", "2026-11-20", "--occurred", "soon"),
            "--occurred:",
        ),
    ],
)
def test_a_bad_value_names_the_option_or_argument_it_was_given_as(cli, tmp_path, args, named):
    res = cli(*args, "--out", tmp_path) if args[0] in ("verify", "review") else cli(*args)
    assert res.code == 2 and named in res.err, res.err
