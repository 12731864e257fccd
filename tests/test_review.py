"""The quarterly review end to end: files, numbers, safety of reruns and failures, escaping."""

from __future__ import annotations

import json
import os
import re
import shutil

import nbformat
import pandas as pd
import pytest

from privacy_inventory import load_inventory
from privacy_inventory.errors import UsageError
from privacy_inventory.ledger.synth import SynthSpec, synthesize
from privacy_inventory.paths import notebooks_dir
from privacy_inventory.report.context import build_context, headline
from privacy_inventory.report.execute import NotebookFailed, script_safe_json
from privacy_inventory.report.period import Period, current_period, parse_period
from privacy_inventory.report.review import NOTEBOOKS, run_review
from privacy_inventory.report.snapshot import read_snapshot, verify_manifest

from .conftest import XSS_ITEM, XSS_PARTNER

pytestmark = pytest.mark.slow


def test_report_has_every_file(bundled_report):
    names = {p.name for p in bundled_report.iterdir()}
    for nb in NOTEBOOKS:
        assert f"{nb}.ipynb" in names and f"{nb}.html" in names
    assert {"index.html", "scores.csv", "findings.csv", "summary.json", "manifest.json", "snapshot"} <= names
    assert not any(p.name.startswith(".tmp") for p in bundled_report.parent.iterdir())


def test_csvs_parse_and_match_the_library(bundled_report):
    inv = load_inventory()
    scores = pd.read_csv(bundled_report / "scores.csv", encoding="utf-8-sig", dtype={"flow_id": str})
    assert len(scores) == len(inv.flows) and set(scores["flow_id"]) == set(inv.flows["flow_id"])
    assert scores["reason_ja"].notna().all()
    findings = pd.read_csv(bundled_report / "findings.csv", encoding="utf-8-sig")
    ctx = build_context(None, "2026Q4")
    assert len(findings) == len(ctx.findings)
    assert (
        findings["severity"].value_counts().to_dict()
        == ctx.findings["severity"].astype(str).value_counts().to_dict()
    )


def test_summary_matches_the_library(bundled_report):
    summary = json.loads((bundled_report / "summary.json").read_text(encoding="utf-8"))
    expected = headline(build_context(None, "2026Q4"))
    for key, value in expected.items():
        assert summary[key] == json.loads(json.dumps(value, default=str)), key
    # 9 high: MN-19 is now one finding per joint-use arrangement stating "all items" (JU1–JU3, was one
    # organisation finding) and MN-11 reports the payroll outsourcee of My Numbers not inspected in 12 months
    assert summary["findings"]["high"] == 9 and summary["top_flow"]["flow_id"] == "F0171"


def test_snapshot_is_exact_and_manifest_verifies(bundled_report):
    snap = read_snapshot(bundled_report)
    inv = load_inventory()
    for name in ("items", "flows", "partners", "joint_uses", "controls"):
        pd.testing.assert_frame_equal(snap.inventory.table(name), inv.table(name), check_dtype=True)
    assert verify_manifest(bundled_report).empty


def test_executed_notebooks_read_the_snapshot_and_show_the_key_figures(bundled_report):
    nb = nbformat.read(bundled_report / "02_risk.ipynb", as_version=4)
    text = "".join(
        o.get("text", "") for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "stream"
    )
    assert "flow levels: {'low': 46, 'medium': 110, 'high': 26, 'critical': 9}" in text
    page = (bundled_report / "02_risk.html").read_text(encoding="utf-8")
    assert page.count("Plotly.newPlot(") >= 3 and page.count('<script type="text/javascript">/**') <= 1


def test_html_pages_are_offline_and_load_plotly_from_the_report(bundled_report):
    asset = bundled_report / "assets" / "plotly.min.js"
    assert asset.read_text(encoding="utf-8").count("* plotly.js v") == 1  # one copy for every page
    for name in ("index", *NOTEBOOKS):
        page = (bundled_report / f"{name}.html").read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page), name
        assert "<link " not in page and "@import" not in page
        scripts = re.findall(r"<script[^>]*\ssrc=\"([^\"]+)\"", page)
        assert scripts == ([] if name == "index" else ["assets/plotly.min.js"]), name
        assert (bundled_report / f"{name}.html").stat().st_size < 3_000_000


def test_rerun_without_force_refuses_and_leaves_the_report(bundled_report, cli):
    before = {p.name: p.stat().st_mtime_ns for p in bundled_report.iterdir()}
    res = cli("review", "--period", "2026Q4", "--out", bundled_report.parent)
    assert res.code == 2 and "--force" in res.err
    assert {p.name: p.stat().st_mtime_ns for p in bundled_report.iterdir()} == before


@pytest.mark.parametrize("bad", ["2026Q5", "2026q4", "../2026Q4", "2026Q4/..", "26Q1", ""])
def test_bad_period_is_refused(cli, tmp_path, bad):
    res = cli("review", "--period", bad, "--out", tmp_path)
    assert res.code == 2 and "YYYYQ" in res.err
    assert list(tmp_path.iterdir()) == []


def test_periods():
    assert parse_period("2026Q4").end.isoformat() == "2026-12-31"
    assert parse_period("2024Q1").end.isoformat() == "2024-03-31"
    assert parse_period("2026Q1").previous() == Period(2025, 4)
    assert str(current_period(__import__("datetime").date(2026, 11, 28))) == "2026Q4"


def test_failing_notebook_keeps_the_previous_report_and_the_partial_notebook(tmp_path, monkeypatch):
    out = tmp_path / "reports"
    first = run_review(parse_period("2026Q1"), None, out)
    before = {p.name: p.read_bytes() for p in first.path.iterdir() if p.is_file()}
    broken = tmp_path / "notebooks"
    shutil.copytree(notebooks_dir(), broken)
    nb = nbformat.read(broken / "03_compliance.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise RuntimeError('boom in the report')"))
    nbformat.write(nb, broken / "03_compliance.ipynb")
    monkeypatch.setattr("privacy_inventory.report.review.notebooks_dir", lambda: broken)
    with pytest.raises(NotebookFailed) as info:
        run_review(parse_period("2026Q1"), None, out, force=True)
    err = info.value
    assert err.notebook == "03_compliance" and err.ename == "RuntimeError" and "boom" in err.evalue
    assert err.cell is not None and "cell" in str(err)
    assert err.kept is not None and err.kept.is_file() and "_failed" in str(err.kept)
    assert {p.name: p.read_bytes() for p in first.path.iterdir() if p.is_file()} == before
    assert verify_manifest(first.path).empty
    assert not any(p.name.startswith((".tmp", ".old")) for p in out.iterdir())


def test_failing_review_via_cli_names_notebook_and_cell(cli, tmp_path, monkeypatch):
    broken = tmp_path / "notebooks"
    shutil.copytree(notebooks_dir(), broken)
    nb = nbformat.read(broken / "01_inventory.ipynb", as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell("1 / 0"))
    nbformat.write(nb, broken / "01_inventory.ipynb")
    monkeypatch.setattr("privacy_inventory.report.review.notebooks_dir", lambda: broken)
    res = cli("review", "--period", "2025Q4", "--out", tmp_path / "r")
    assert res.code == 1
    assert "01_inventory" in res.err and "ZeroDivisionError" in res.err and "cell" in res.err
    assert "Traceback" not in res.err
    assert not (tmp_path / "r" / "2025Q4").exists()


def test_review_of_a_small_synthetic_ledger_in_english(tmp_path):
    synthesize(tmp_path / "ledger", SynthSpec(items=120, partners=30, flows=3000, seed=11))
    outcome = run_review(parse_period("2026Q2"), tmp_path / "ledger", tmp_path / "r", lang="en")
    summary = json.loads((outcome.path / "summary.json").read_text(encoding="utf-8"))
    assert summary["flows"] == 3000 and summary["language"] == "en"
    page = (outcome.path / "02_risk.html").read_text(encoding="utf-8")
    assert "Highest-risk flows" in page
    scores = pd.read_csv(outcome.path / "scores.csv", encoding="utf-8-sig")
    assert len(scores) == 3000


def test_invalid_ledger_stops_before_writing(cli, ledger, tmp_path):
    (ledger / "flows.csv").write_text("flow_id\n", encoding="utf-8")
    res = cli("review", "--period", "2026Q4", "--inventory", ledger, "--out", tmp_path / "r")
    assert res.code == 1 and "flows.csv" in res.err
    assert not (tmp_path / "r").exists() or list((tmp_path / "r").iterdir()) == []


def test_ledger_values_are_escaped_in_every_page(xss_report):
    for page in (*NOTEBOOKS, "index"):
        text = (xss_report / f"{page}.html").read_text(encoding="utf-8")
        assert XSS_ITEM not in text and XSS_PARTNER not in text, page
    risk = (xss_report / "02_risk.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in risk
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in (
        xss_report / "01_inventory.html"
    ).read_text(encoding="utf-8")


def test_script_safe_json_cannot_break_out():
    text = script_safe_json({"a": "</script><script>alert(1)</script>", "b": "<!--", "c": "a & b\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><script>alert(1)</script>", "b": "<!--", "c": "a & b\u2028"}


def test_verify_detects_changed_missing_and_added_files(tmp_path, cli):
    out = tmp_path / "r"
    report = run_review(parse_period("2025Q3"), None, out).path
    assert cli("verify", "2025Q3", "--out", out).code == 0
    with (report / "scores.csv").open("a", encoding="utf-8") as f:
        f.write("tampered\n")
    (report / "snapshot" / "flows.parquet").unlink()
    (report / "extra.txt").write_text("x")
    problems = verify_manifest(report).set_index("file")["status"].to_dict()
    assert problems == {"scores.csv": "changed", "snapshot/flows.parquet": "missing", "extra.txt": "added"}
    res = cli("verify", "2025Q3", "--out", out)
    assert res.code == 1 and "scores.csv" in res.out
    history = cli("verify", "--out", out, "--lang", "ja")  # every period: the table has a period column
    assert history.code == 1 and "2025Q3" in history.out
    assert "期" in history.out and "period" not in history.out and "内容が変わった" in history.out
    assert cli("verify", "2024Q1", "--out", out).code == 2


def test_report_files_are_readable_by_others(bundled_report):
    mode = (bundled_report / "index.html").stat().st_mode & 0o777
    assert mode == 0o666 & ~_umask()


def _umask() -> int:
    m = os.umask(0)
    os.umask(m)
    return m


def test_review_rejects_unknown_language(tmp_path):
    with pytest.raises(UsageError):
        run_review(parse_period("2026Q4"), None, tmp_path, lang="fr")


def test_board_summary_lists_the_largest_high_finding_rules_and_counts_the_rest():
    from privacy_inventory.report import board

    ctx = build_context(lang="ja", period="2026Q4")
    summary = board.board_summary(ctx, None, ["01_inventory"], "2026-12-31")
    high = ctx.findings[ctx.findings["severity"] == "high"]
    per_rule = high.groupby("rule_id").size()
    assert len(per_rule) > board.FINDINGS_LISTED  # the bundled ledger has more rules than are listed
    listed = [f["count"] for f in summary["findings"]]
    assert len(listed) == board.FINDINGS_LISTED and listed == sorted(listed, reverse=True)
    assert listed[0] == per_rule.max()
    assert (
        summary["findings_more"]
        == f"ほか{len(per_rule) - board.FINDINGS_LISTED}件の指摘事項（法令適合のページに全件）"
    )


def test_the_review_follows_up_the_periods_incidents(bundled_report):
    """Counted from incidents.csv here, independently of the review's own code."""
    reg = pd.read_csv(load_inventory().path / "incidents.csv", dtype=str, keep_default_na=False)
    discovered = pd.to_datetime(reg["discovered"])
    closed = pd.to_datetime(reg["closed_on"].replace("", None))
    start, end = pd.Timestamp("2026-10-01"), pd.Timestamp("2026-12-31")
    new = reg[(discovered >= start) & (discovered <= end)]
    carried = reg[(discovered < start) & ~(closed < start)]
    reportable = new[(new["appi_duty"] == "required") | (new["mn_duty"] == "required")]
    summary = json.loads((bundled_report / "summary.json").read_text(encoding="utf-8"))
    assert summary["incidents"]["discovered"] == len(new) > 0
    assert summary["incidents"]["reportable"] == len(reportable)
    assert summary["incidents"]["open"] == int((reg["status"] == "open").sum())
    page = (bundled_report / "04_review.html").read_text(encoding="utf-8")
    for incident_id in [*new["incident_id"], *carried["incident_id"]]:
        assert incident_id in page
    index = (bundled_report / "index.html").read_text(encoding="utf-8")
    assert f"今期に発覚した漏えい等の事案は{len(new)}件" in index
