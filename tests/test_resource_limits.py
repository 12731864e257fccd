"""Small files cannot exhaust time or memory (issue 18): YAML aliases, duplicated keys and deep nesting
are refused with their line; a workbook is checked for its uncompressed size and compression ratio
before anything is parsed. bench/bench_bombs.py measures the peak memory of the same inputs."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml

from privacy_inventory.ledger.yamlin import MAX_DEPTH, load_yaml

from .bombs import alias_chain_yaml, big_cell_bomb, whitespace_bomb


def problems(cli, *args):
    res = cli("validate", *args, "--format", "json")
    assert "Traceback" not in res.out + res.err
    return res.code, json.loads(res.out)["problems"]


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    """The bundled ledger as a workbook (export-xlsx)."""
    from privacy_inventory.ledger.excel import export_workbook
    from privacy_inventory.ledger.load import read_raw

    raw = read_raw(None)
    out = tmp_path_factory.mktemp("book") / "ledger.xlsx"
    export_workbook(raw.tables, raw.organisation, out)
    return out


# --- YAML ------------------------------------------------------------------------------------------------


def test_alias_chain_in_organisation_yaml_is_refused_at_once(cli, ledger):
    """The billion laughs (10**30 strings in 2 KB; the issue measured 50 s and 5.6 GB for one of 1 KB):
    refused at the first alias."""
    text = alias_chain_yaml()
    assert len(text) < 3_000
    (ledger / "organisation.yaml").write_text(text, encoding="utf-8")
    start = time.perf_counter()
    code, found = problems(cli, ledger)
    assert time.perf_counter() - start < 10
    [p] = [p for p in found if p["file"] == "organisation.yaml"]
    assert code == 1 and p["code"] == "yaml_syntax" and p["row"] == 2
    assert "alias (*a0) is not allowed" in p["expected"]


def test_alias_in_risk_model_is_refused_by_validate_and_score(cli, ledger):
    model = ledger / "risk_model.yaml"
    model.write_text("levels: &x {source: a}\nseverity: *x\n" + model.read_text(encoding="utf-8"), "utf-8")
    code, found = problems(cli, ledger)
    [p] = [p for p in found if p["file"] == "risk_model.yaml"]
    assert code == 1 and p["code"] == "yaml_syntax" and p["row"] == 2 and "alias" in p["expected"]
    res = cli("score", ledger)
    assert res.code == 1 and "risk_model.yaml" in res.err and "line 2" in res.err


@pytest.mark.parametrize("file", ["organisation.yaml", "risk_model.yaml"])
def test_duplicate_yaml_key_is_an_error_naming_the_key_and_both_lines(cli, ledger, file):
    path = ledger / file
    text = path.read_text(encoding="utf-8")
    first_key = next(line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha())
    first_line = next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(first_key + ":"))
    path.write_text(text + f"{first_key}: again\n", encoding="utf-8")
    last_line = len(text.splitlines()) + 1
    code, found = problems(cli, ledger)
    [p] = [p for p in found if p["file"] == file]
    assert code == 1 and p["row"] == last_line
    assert f"the key '{first_key}' appears twice (first on line {first_line})" in p["expected"]


@pytest.mark.parametrize("file", ["organisation.yaml", "risk_model.yaml"])
@pytest.mark.parametrize("style", ["flow", "block"])
def test_deep_nesting_is_refused(cli, ledger, file, style):
    if style == "flow":
        text = "name: " + "[" * 20_000 + "]" * 20_000 + "\n"
    else:
        text = "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 5)) + "  " * (MAX_DEPTH + 5) + "x\n"
    (ledger / file).write_text(text, encoding="utf-8")
    code, found = problems(cli, ledger)
    [p] = [p for p in found if p["file"] == file]
    assert code == 1 and p["code"] == "yaml_syntax" and p["row"] >= 1
    assert f"nested more than {MAX_DEPTH} levels deep" in p["expected"]


def test_anchors_without_aliases_and_ordinary_nesting_still_load():
    doc = load_yaml("a: &x 1\nb:\n  c: [1, [2, [3]]]\n")
    assert doc.data == {"a": 1, "b": {"c": [1, [2, [3]]]}}
    assert doc.line("b.c") == 3 and doc.line(["b", "missing"]) == 2
    with pytest.raises(yaml.YAMLError):
        load_yaml("a: 1\na: 2\n")


def test_alias_in_a_fides_data_map_is_refused(cli, tmp_path):
    out = tmp_path / "fides"
    assert cli("export-fides", out).code == 0
    victim = sorted(out.glob("*.yml")) or sorted(out.glob("*.yaml"))
    path = victim[0]
    path.write_text("x: &a [lol, lol]\ny: [*a, *a]\n" + path.read_text(encoding="utf-8"), "utf-8")
    res = cli("import-fides", out, tmp_path / "back")
    assert res.code == 2 and "alias (*a) is not allowed" in res.err and not (tmp_path / "back").exists()


# --- workbooks -------------------------------------------------------------------------------------------


def test_whitespace_bomb_is_refused_before_parsing(cli, workbook, tmp_path):
    bomb = whitespace_bomb(workbook, tmp_path / "bomb.xlsx", megabytes=20)
    assert bomb.stat().st_size < 1_000_000
    start = time.perf_counter()
    for command in (("validate", bomb), ("import-xlsx", bomb, tmp_path / "out"), ("score", bomb)):
        res = cli(*command)
        assert res.code == 2 and "likely zip bomb" in res.err and "Traceback" not in res.err
        assert "xl/worksheets/sheet" in res.err
    assert time.perf_counter() - start < 10 and not (tmp_path / "out").exists()


def test_one_giant_cell_is_refused_before_parsing(cli, workbook, tmp_path):
    bomb = big_cell_bomb(workbook, tmp_path / "cell.xlsx", megabytes=20)
    res = cli("validate", bomb)
    assert res.code == 2 and "likely zip bomb" in res.err


def test_the_uncompressed_size_limit_is_configurable(cli, workbook, monkeypatch):
    assert cli("validate", workbook).code == 0
    monkeypatch.setenv("PRIVACY_INVENTORY_MAX_WORKBOOK_MB", "0.01")
    res = cli("validate", workbook)
    assert res.code == 2 and "more than the limit of 0 MB" in res.err
    assert "PRIVACY_INVENTORY_MAX_WORKBOOK_MB" in res.err
    monkeypatch.setenv("PRIVACY_INVENTORY_MAX_WORKBOOK_MB", "lots")
    res = cli("validate", workbook)
    assert res.code == 2 and "expected a positive number of megabytes" in res.err


def test_a_sheet_claiming_every_column_reads_only_the_named_ones(cli, workbook, tmp_path):
    """A cell far to the right (XFD) makes read-only openpyxl pad every row to 16,384 cells; only the
    columns up to the last named header are read."""
    import openpyxl

    wb = openpyxl.load_workbook(workbook)
    wb["提供・受領"]["XFD300"] = "far away"
    out = tmp_path / "wide.xlsx"
    wb.save(out)
    start = time.perf_counter()
    code, found = problems(cli, out)
    assert time.perf_counter() - start < 20
    assert code == 0, found
