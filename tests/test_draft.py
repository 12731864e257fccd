"""`draft POLICY OUT`: a ledger drafted from the published policy (ledger/draft.py, cli/draft.py).

The bundled policy must give back the bundled ledger's purposes, joint-use purposes, joint users and
joint-use items, each row pointing at the line it was read from; policies in other styles must give their
arrangements and managers and name the lines not understood; the draft must pass `validate` and `check`
must run on it; bad input gets a message, an exit code and no traceback.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from privacy_inventory import load_inventory
from privacy_inventory.assess.notice import compare_with_policy, differences
from privacy_inventory.ledger import draft as draft_module
from privacy_inventory.ledger.draft import draft_ledger, read_policy, split_item, write_draft
from privacy_inventory.paths import bundled_inventory

POLICIES = Path(__file__).parent / "data" / "policies"
BUNDLED = bundled_inventory()
BUNDLED_POLICY = BUNDLED / "published_policy.txt"
LINE = re.compile(r"^policy:L(\d+)$")


def csv(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)


def line_of(source: str) -> int:
    m = LINE.match(source)
    assert m, f"not a policy line: {source!r}"
    return int(m.group(1))


def drafted(policy: Path, out: Path) -> Path:
    text = read_policy(policy)
    write_draft(draft_ledger(text), policy, out)
    return out


@pytest.fixture(scope="module")
def bundled_draft(tmp_path_factory) -> Path:
    return drafted(BUNDLED_POLICY, tmp_path_factory.mktemp("draft") / "ledger")


@pytest.fixture(scope="module")
def policy_lines() -> list[str]:
    return BUNDLED_POLICY.read_text(encoding="utf-8").splitlines()


def only_line_with(lines: list[str], text: str) -> int:
    """The 1-based line holding `text`, which must be on exactly one line."""
    hits = [i + 1 for i, line in enumerate(lines) if text in line]
    assert len(hits) == 1, (text, hits)
    return hits[0]


# --- the bundled policy gives back the bundled ledger -------------------------------------------------


def test_bundled_policy_gives_the_ledgers_15_purposes_verbatim_each_with_its_line(
    bundled_draft, policy_lines
):
    led = csv(BUNDLED, "purposes")
    got = csv(bundled_draft, "purposes")
    own = got[got["kind"] == "own"]
    assert own["text_ja"].tolist() == led.loc[led["kind"] == "own", "text_ja"].tolist()
    assert len(own) == 15
    for text, source in zip(own["text_ja"], own["source"], strict=True):
        assert line_of(source) == only_line_with(policy_lines, text)
    # the entrusted business (別記1-2) too, with its full stop as published
    entrusted = got[got["kind"] == "entrusted"]
    assert entrusted["text_ja"].tolist() == led.loc[led["kind"] == "entrusted", "text_ja"].tolist()


def _arrangements(folder: Path) -> dict[frozenset, pd.Series]:
    """Joint-use rows keyed by the names of their joint users."""
    partners = csv(folder, "partners").set_index("partner_id")["name"]
    out = {}
    for _, row in csv(folder, "joint_uses").iterrows():
        names = frozenset(partners[p] for p in row["members"].split(";") if p)
        out[names] = row
    return out


def test_bundled_policy_gives_the_ledgers_joint_use_block(bundled_draft, policy_lines):
    """The 6 joint-use purposes, 5 joint users and each arrangement's items, each with its line."""
    mine, theirs = _arrangements(bundled_draft), _arrangements(BUNDLED)
    assert set(mine) == set(theirs) and len(mine) == 3
    my_purposes, led_purposes = (csv(f, "purposes").set_index("purpose_id") for f in (bundled_draft, BUNDLED))
    my_items, led_items = (csv(f, "items").set_index("item_id") for f in (bundled_draft, BUNDLED))
    n_purposes = 0
    for users, row in mine.items():
        ledger_row = theirs[users]
        texts = [my_purposes.loc[p, "text_ja"] for p in row["purposes"].split(";")]
        assert texts == [led_purposes.loc[p, "text_ja"] for p in ledger_row["purposes"].split(";")]
        n_purposes += len(texts)
        for p in row["purposes"].split(";"):
            line = line_of(my_purposes.loc[p, "source"])
            assert my_purposes.loc[p, "text_ja"] in policy_lines[line - 1]
        names = {my_items.loc[i, "name_ja"] for i in row["items"].split(";")}
        assert names == {led_items.loc[i, "name_ja"] for i in ledger_row["items"].split(";")}
        assert (row["items_stated"], row["manager"]) == (ledger_row["items_stated"], ledger_row["manager"])
    assert n_purposes == 6
    # every joint-use item sits on the line that names it
    for _, item in my_items.iterrows():
        assert item["name_ja"] in policy_lines[line_of(item["source"]) - 1]
    assert my_items.loc["I015", "source"] == f"policy:L{only_line_with(policy_lines, '生協脱退日その他')}"


def test_bundled_policy_gives_the_five_joint_users_each_with_its_line(bundled_draft, policy_lines):
    mine = csv(bundled_draft, "partners")
    mine = mine[mine["kind"] == "joint_user"]
    led = csv(BUNDLED, "partners")
    assert sorted(mine["name"]) == sorted(led.loc[led["kind"] == "joint_user", "name"])
    assert len(mine) == 5
    for name, source in zip(mine["name"], mine["source"], strict=True):
        assert name in policy_lines[line_of(source) - 1]
    assert all(line_of(s) in (71, 72, 73) for s in mine["source"])  # the 共同利用者1–3 lines


def test_guessed_categories_agree_with_the_bundled_ledger_and_are_marked_assumed(bundled_draft):
    mine = csv(bundled_draft, "items").set_index("name_ja")
    led = csv(BUNDLED, "items").set_index("name_ja").loc[mine.index]
    assert (mine["category"] == led["category"]).all(), mine.loc[
        mine["category"] != led["category"], "category"
    ]
    assert (mine["special_care"] == led["special_care"]).all()
    for assumed in mine["assumed"]:
        assert {"category", "special_care", "my_number", "subjects", "department_id"} <= set(
            assumed.split(";")
        )


def test_every_drafted_row_says_which_line_it_comes_from(bundled_draft, policy_lines):
    for name in ("items", "purposes", "uses", "partners", "joint_uses", "flows", "departments"):
        df = csv(bundled_draft, name)
        assert len(df), name
        for source in df["source"]:
            assert 1 <= line_of(source) <= len(policy_lines), (name, source)
    # the policy is kept beside the draft, so the line numbers can be followed
    assert (bundled_draft / "published_policy.txt").read_text(encoding="utf-8").splitlines() == policy_lines


def test_what_the_policy_does_not_say_stays_empty(bundled_draft):
    import yaml

    org = yaml.safe_load((bundled_draft / "organisation.yaml").read_text(encoding="utf-8"))
    assert org["name"] == "生活協同組合コープやまぐち" and str(org["policy_date"]) == "2017-10-01"
    assert org["address"] is None and org["representative"] is None
    assert org["sources"]["name"] == "policy:L33" and org["contact"]["department"] == "管理部"
    items = csv(bundled_draft, "items")
    assert (items[["records", "retention", "system", "acquisition"]] == "").all().all()
    partners = csv(bundled_draft, "partners")
    statutory = partners[partners["kind"] == "statutory"]
    assert len(statutory) == 4 and all("name" in a.split(";") for a in statutory["assumed"])
    assert (partners[["contract_date", "address", "representative"]] == "").all().all()
    assert "20行" in org["notes"]  # the outsourcing statement, which names no outsourcee


def test_the_draft_validates_and_check_reports_the_gaps(cli, bundled_draft):
    res = cli("validate", bundled_draft, "--format", "json")
    assert res.code == 0, res.out
    assert json.loads(res.out)["problems"] == []
    res = cli("check", bundled_draft, "--format", "json", "--min-severity", "info")
    assert res.code == 0 and "Traceback" not in res.err
    findings = json.loads(res.out)["findings"]
    subjects = {(f["rule_id"], f["subject_table"], f["subject_id"]) for f in findings}
    assert ("APPI-27-5-iii", "organisation", "address") in subjects  # the manager's address is not published
    assert ("APPI-27-5-iii", "organisation", "representative") in subjects
    assert any(f["rule_id"] == "APPI-22" for f in findings)  # no retention: the policy does not say


@pytest.mark.parametrize(
    ("policy", "encoding"),
    [(BUNDLED_POLICY, "utf-8-sig"), (POLICIES / "articles_outsourcees.txt", "cp932")],  # "•" is not in cp932
)
def test_bom_and_cp932_give_the_same_draft(tmp_path, policy, encoding):
    text = policy.read_text(encoding="utf-8")
    path = tmp_path / "policy.txt"
    path.write_bytes(text.encode(encoding))
    again = draft_ledger(read_policy(path))
    first = draft_ledger(text)
    for name, df in first.tables.items():
        pd.testing.assert_frame_equal(again.tables[name], df, obj=name)


# --- other styles ---------------------------------------------------------------------------------------

STYLES = {
    # file: [(title, joint users, member categories, manager, manager's address) per arrangement]
    "statute_two_arrangements.txt": [
        ("共済事業における共同利用", {"みどり共済生活協同組合連合会"}, "団体契約の引受保険会社", "partner", "架空県中央市一番町1-1"),
        ("宅配事業における共同利用", set(), "当組合の会員生協", "self", "架空県みどり市中央1-2-3"),
    ],
    "bracket_groups.txt": [
        ("共同利用者1", {"日本生活協同組合連合会", "生活協同組合連合会あさひ事業連合"}, "", "self", "架空県あさひ市本町1-1"),
        ("共同利用者2", {"あさひ共済生活協同組合連合会"}, "", "self", "架空県あさひ市本町1-1"),
    ],
    "statute_numbered_markdown.md": [
        ("福祉事業に関する共同利用", {"福祉生活協同組合ほほえみ"}, "", "partner", "架空県ほほえみ市1-2"),
    ],
    "articles_outsourcees.txt": [
        ("個人データの共同利用", {"ひまわり事業連合", "日本生活協同組合連合会"}, "", "partner", "架空県ひまわり市一丁目2番3号"),
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(STYLES))
def test_other_styles_give_their_arrangements_and_managers(tmp_path, cli, name):
    out = drafted(POLICIES / name, tmp_path / "draft")
    partners = csv(out, "partners").set_index("partner_id")
    import yaml

    org = yaml.safe_load((out / "organisation.yaml").read_text(encoding="utf-8"))
    rows = csv(out, "joint_uses")
    assert len(rows) == len(STYLES[name])
    for (_, row), (title, users, categories, manager, address) in zip(
        rows.iterrows(), STYLES[name], strict=True
    ):
        assert row["title"] == title
        assert {partners.loc[p, "name"] for p in row["members"].split(";") if p} == users
        assert row["member_categories"] == categories
        if manager == "self":
            assert row["manager"] == "self" and org["address"] == address
        else:
            ref = row["manager"].removeprefix("partner:")
            assert partners.loc[ref, "address"] == address and partners.loc[ref, "representative"]
    assert cli("validate", out).code == 0
    assert cli("check", out, "--format", "json").code == 0


def test_statute_style_keeps_exclusions_by_reference_purposes_and_verbatim_names(tmp_path):
    out = drafted(POLICIES / "statute_two_arrangements.txt", tmp_path / "draft")
    partners = csv(out, "partners").set_index("name")
    assert partners.loc["みどり共済生活協同組合連合会", "excludes"] == "special_care"
    assert (
        partners.loc["みどり共済生活協同組合連合会", "representative"] == "代表理事 架空 花子"
    )  # spaces kept
    ju = csv(out, "joint_uses").set_index("joint_use_id")
    assert ju.loc["JU1", "items_stated"] == "all" and ju.loc["JU1", "items"] == ""
    assert ju.loc["JU2", "purposes_stated"] == "same_as_own"
    uses = csv(out, "uses")  # "第1条に定める利用目的の範囲内": the own purposes, from that line
    assert set(uses["purpose_id"]) == {"P01", "P02"} and set(uses["source"]) == {"policy:L31"}
    assert sorted(partners.loc[partners["kind"] == "statutory", "source"]) == ["policy:L40", "policy:L41"]


def test_named_outsourcees_acquired_items_and_unread_lines(tmp_path):
    path = POLICIES / "articles_outsourcees.txt"
    d = draft_ledger(read_policy(path))
    partners = d.tables["partners"]
    outsourcees = partners[partners["kind"] == "outsourcee"]
    assert outsourcees["name"].tolist() == [
        "ひまわり配送株式会社",
        "株式会社サンプル印刷",
        "株式会社ひまわりシステムズ",
    ]
    assert outsourcees["source"].tolist() == ["policy:L18", "policy:L19", "policy:L20"]
    items = d.tables["items"].set_index("name_ja")
    assert items.loc["氏名", "source"] == "policy:L7"  # first named where the policy lists what it acquires
    assert (
        items.loc["要介護度", "special_care"] == "true" and items.loc["要介護度", "category"] == "health_care"
    )
    assert (
        items.loc["口座番号", "property_damage"] == "true"
        and "property_damage" in items.loc["口座番号", "assumed"]
    )
    # 「その他当組合が正当と認める場合」 is no statutory exception: not understood, not dropped
    assert d.not_understood == [(40, 40)]
    assert (
        d.organisation["representative"] == "向日 太陽"
        and d.organisation["contact"]["phone"] == "0120-123-456"
    )


@pytest.mark.parametrize(
    ("token", "first", "items", "open_"),
    [
        ("生協脱退日その他の基本情報", False, ["生協脱退日"], ["その他の基本情報"]),  # A is an example of B
        ("その他取引関連情報", False, ["取引関連情報"], []),  # "…、その他B": and B
        ("その他の属性情報", False, ["その他の属性情報"], []),  # an entry of its own, kept as published
        ("その他共同利用の目的のために必要な情報", True, ["その他共同利用の目的のために必要な情報"], []),
        ("住所その他連絡先", False, ["住所", "連絡先"], []),  # Aその他B: side by side
        ("その他必要な個人情報", False, [], ["その他必要な個人情報"]),  # says nothing specific
        ("組合員の氏名", True, ["氏名"], []),
    ],
)
def test_split_item_reads_sonota_as_legal_drafting_does(token, first, items, open_):
    assert split_item(token, first) == (items, open_)


@pytest.mark.parametrize(
    "policy",
    [
        BUNDLED_POLICY,
        *(POLICIES / n for n in [*STYLES, "prose_joint_use.txt", "statute_inline_two_managers.txt"]),
    ],
    ids=lambda p: p.name,
)
def test_the_draft_agrees_with_its_own_policy(tmp_path, policy):
    """`notice --compare` of the draft against the policy it was read from finds no difference."""
    out = drafted(policy, tmp_path / "draft")
    diff = compare_with_policy(load_inventory(out), read_policy(policy))
    assert differences(diff).empty, differences(diff).to_dict("records")


def test_a_prose_sentence_no_listed_arrangement_takes_up_is_not_understood():
    lines = (POLICIES / "bracket_groups.txt").read_text(encoding="utf-8").splitlines()
    lines.insert(11, "また、当組合は、ほしぞら共済連との間で、組合員番号を共同利用します。")
    d = draft_ledger("\n".join(lines))
    assert d.found["joint_uses"] == 2 and d.not_understood == [(12, 12)]
    assert "ほしぞら共済連" not in d.tables["partners"]["name"].tolist()


# --- the command ----------------------------------------------------------------------------------------


def test_cli_prints_the_summary_in_japanese_first_and_in_english(cli, tmp_path):
    res = cli("draft", BUNDLED_POLICY, tmp_path / "ja", "--lang", "ja")
    assert res.code == 0, res.err
    assert "利用目的" in res.out and "共同利用者（名称で記載）" in res.out and "書き出しました" in res.out
    assert "住所、代表者" in res.out  # what the policy does not state
    res = cli("draft", BUNDLED_POLICY, tmp_path / "en", "--lang", "en")
    assert res.code == 0 and "purposes of use" in res.out and "Draft ledger written" in res.out
    assert "利用目的" not in res.out and "address, representative" in res.out


def test_cli_lists_the_lines_not_understood_and_exits_1_when_nothing_is_usable(cli, tmp_path):
    out = tmp_path / "out"
    res = cli("draft", POLICIES / "unknown_table.txt", out, "--lang", "ja")
    assert res.code == 1
    assert "4〜6行" in res.out and "共同利用先" in res.out
    assert "unknown_table.txt" in res.err and not out.exists()
    res = cli("draft", POLICIES / "statute_general_clause.txt", out, "--lang", "en")
    assert res.code == 1 and "nothing was written" in res.err and not out.exists()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        (b"", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "not a text file"),
        (b"\xff\xfe\xfa\xfb\xfc" * 10, "not readable as text"),
        (b"abc\x01\x02\x03\x04\x05\x06\x07\x08", "not a text file"),
    ],
)
def test_bad_policy_files_exit_2_with_the_file_and_what_was_expected(cli, tmp_path, content, expected):
    path = tmp_path / "policy.txt"
    if content is not None:
        path.write_bytes(content)
    out = tmp_path / "out"
    res = cli("draft", path, out, "--lang", "en")
    assert res.code == 2, res
    assert str(path) in res.err and expected in res.err and "policy" in res.err
    assert "Traceback" not in res.out + res.err and not out.exists()
    ja = cli("draft", path, out, "--lang", "ja")
    assert ja.code == 2 and "エラー: " in ja.err


def test_a_folder_is_not_a_policy(cli, tmp_path):
    res = cli("draft", tmp_path, tmp_path / "out", "--lang", "en")
    assert res.code == 2 and "not a file" in res.err


def test_an_existing_out_is_refused_without_force_and_replaced_with_it(cli, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    res = cli("draft", BUNDLED_POLICY, out, "--lang", "en")
    assert res.code == 2 and str(out) in res.err and "--force" in res.err
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine" and not (out / "items.csv").exists()
    res = cli("draft", BUNDLED_POLICY, out, "--force")
    assert res.code == 0 and (out / "items.csv").exists() and not (out / "keep.txt").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli("draft", BUNDLED_POLICY, empty).code == 0  # an empty folder is fine
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    res = cli("draft", BUNDLED_POLICY, afile, "--force", "--lang", "en")
    assert res.code == 2 and "not a folder" in res.err and afile.read_text(encoding="utf-8") == "x"


def test_a_failed_write_leaves_nothing_behind(tmp_path, monkeypatch):
    def broken(tables, out):
        (out / "items.csv").write_text("half", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setattr(draft_module, "write_ledger", broken)
    out = tmp_path / "out"
    with pytest.raises(OSError):
        write_draft(draft_ledger(read_policy(BUNDLED_POLICY)), BUNDLED_POLICY, out)
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_the_installed_command_reports_a_binary_file_without_a_traceback(tmp_path):
    path = tmp_path / "policy.xlsx"
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)))
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "privacy_inventory",
            "draft",
            str(path),
            str(tmp_path / "out"),
            "--lang",
            "en",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 2 and "not a text file" in res.stderr and "Traceback" not in res.stderr


def test_onboarding_draft_then_excel_and_back_keeps_every_row_and_the_notes(cli, tmp_path, bundled_draft):
    """draft → export-xlsx → import-xlsx: the tables, the sources and the outsourcing notes survive."""
    import yaml

    book, back = tmp_path / "台帳.xlsx", tmp_path / "台帳"
    assert cli("export-xlsx", bundled_draft, book).code == 0
    res = cli("import-xlsx", book, back)
    assert res.code == 0, res.out + res.err
    for name in ("items", "purposes", "uses", "partners", "joint_uses", "flows", "departments"):
        pd.testing.assert_frame_equal(csv(back, name), csv(bundled_draft, name), obj=name)
    org = yaml.safe_load((back / "organisation.yaml").read_text(encoding="utf-8"))
    assert "20行" in org["notes"] and org["sources"]["name"] == "policy:L33"
