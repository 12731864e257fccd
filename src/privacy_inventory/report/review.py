"""The quarterly review: assess once, run the notebooks, export offline HTML, move into place atomically.

A report is built in a private folder beside its destination and renamed into reports/<period>/ only
when every file is written; a failure leaves any earlier report untouched and keeps the partly
executed notebook under reports/_failed/ for debugging.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from ..assess.model import MODEL_FILE, load_model, model_path
from ..assess.notice import build_notice
from ..assess.pipeline import load_inventory
from ..errors import UsageError
from ..files import built_aside, check_folder, recover_leftovers, write_text_atomic
from ..i18n import t
from ..ledger.load import resolve_ledger_dir
from ..ledger.textio import write_csv_atomic
from ..paths import bundled_inventory, notebooks_dir
from .board import board_summary
from .context import ReviewContext, compute, headline, result_tables
from .execute import KernelPool, NotebookFailed, execute, export_html
from .html import css, index_page, nav_items, notice_page
from .period import Period, previous_period
from .snapshot import RESULT_TABLES, SNAPSHOT_DIR, write_manifest, write_snapshot

NOTEBOOKS = ("01_inventory", "02_risk", "03_compliance", "04_review")
CSV_FILES = {"scores_flows_csv": "scores.csv", "scores_items": "items_scores.csv",
             "scores_partners": "partners_scores.csv", "findings_csv": "findings.csv"}  # fmt: skip
POLICY_FILE = "published_policy.txt"
NOTICE_FILE = "notice.html"  # the public notice generated from the ledger, in full
ASSETS = "assets"  # files every page of a report shares (plotly.js): one copy per report
PLOTLY_ASSET = f"{ASSETS}/plotly.min.js"
# on_step(event, step): "start" or "done" of a step (assess, results, one per notebook, index), or "note"
# with a sentence to tell the user (what was tidied from an interrupted run)
StepHook = Callable[[str, str], None]


def _no_progress(event: str, step: str) -> None:
    return None


@dataclass
class ReviewOutcome:
    path: Path
    summary: dict
    seconds: float
    previous: str | None
    notes: list[str]  # what was tidied from an interrupted earlier run


def _write_results(ctx: ReviewContext, tmp: Path) -> dict:
    tables = result_tables(ctx)
    for name, file in CSV_FILES.items():
        write_csv_atomic(tables[name], tmp / file)
    return tables


def _snapshot(ctx: ReviewContext, tables: dict, tmp: Path, meta: dict) -> None:
    write_snapshot(tmp, ctx.inv, {k: v for k, v in tables.items() if k in RESULT_TABLES}, meta)
    shutil.copyfile(model_path(ctx.ledger_dir), tmp / SNAPSHOT_DIR / MODEL_FILE)
    if ctx.ledger_dir and (ctx.ledger_dir / POLICY_FILE).is_file():
        shutil.copyfile(ctx.ledger_dir / POLICY_FILE, tmp / SNAPSHOT_DIR / POLICY_FILE)


def _write_data(ctx: ReviewContext, tmp: Path, prev: Period | None) -> tuple[dict, dict]:
    """Results, snapshot and summary of a period: what the notebooks read and later periods compare with."""
    tables = _write_results(ctx, tmp)
    summary = headline(ctx) | {"previous_period": str(prev) if prev else None, "language": ctx.lang}
    bundled = ctx.ledger_dir is not None and ctx.ledger_dir.resolve() == bundled_inventory().resolve()
    meta = {"period": str(ctx.period), "inventory": "(bundled)" if bundled else str(Path(ctx.ledger_dir or "").resolve()),
            "lang": ctx.lang, "version": version("privacy-inventory"),
            "generated": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}  # fmt: skip
    _snapshot(ctx, tables, tmp, meta)
    write_text_atomic(tmp / NOTICE_FILE, notice_page(build_notice(ctx.inv, ctx.lang)))
    write_text_atomic(
        tmp / "summary.json", json.dumps(summary, ensure_ascii=False, indent=1, default=str) + "\n"
    )
    return summary, meta


def _header(ctx: ReviewContext) -> str:
    """The printed pages' header: organisation, review, period."""
    org = ctx.inv.display_name(ctx.lang)
    return f"{org} — {t('index.title', ctx.lang)} {ctx.period}"


def _index(ctx: ReviewContext, out: Path, pages: list[str], generated: str, note: str | None = None) -> str:
    board = board_summary(ctx, out, pages, generated)
    return index_page(board, css(ctx.model.levels, _header(ctx)), note)


def write_data_only(ctx: ReviewContext, out: Path, note: str) -> Path:
    """A period with results, snapshot, summary and manifest but no notebooks (used for the bundled,
    illustrative history). Built aside and moved into place like a full review; never overwrites."""
    target = out / str(ctx.period)
    if target.exists():
        raise UsageError(t("review.exists", path=target))
    with built_aside(target) as tmp:
        _, meta = _write_data(ctx, tmp, previous_period(out, ctx.period))
        write_text_atomic(tmp / "index.html", _index(ctx, out, [], meta["generated"], note))
        previous = previous_period(out, ctx.period)
        write_manifest(tmp, out / str(previous) if previous else None)
    return target


def page_settings(ctx: ReviewContext, name: str, pages: list[str] | tuple[str, ...] = NOTEBOOKS) -> dict:
    """What the export template needs for one page: title, language, styles, navigation, plotly.js."""
    org = ctx.inv.display_name(ctx.lang)
    return {"title": f"{org} — {t(f'page.{name}', ctx.lang)} {ctx.period}", "lang": ctx.lang,
            "css": css(ctx.model.levels, _header(ctx)), "nav": nav_items(list(pages), name, ctx.lang),
            "nav_label": t("board.nav", ctx.lang), "plotly_src": PLOTLY_ASSET}  # fmt: skip


def write_assets(folder: Path) -> None:
    """plotly.js once for every page of the report (pages load it from assets/, never from a CDN)."""
    from plotly.offline import get_plotlyjs

    write_text_atomic(folder / PLOTLY_ASSET, get_plotlyjs())


def _run_notebooks(tmp: Path, params: dict, kernels: list, ctx: ReviewContext, on_step: StepHook) -> None:
    """Execute and export every notebook: each kernel takes its share, one notebook after another."""
    src = notebooks_dir()
    shares = [NOTEBOOKS[i :: len(kernels)] for i in range(len(kernels))]

    exports = ThreadPoolExecutor(max_workers=1)  # a page is exported while its kernel runs the next notebook

    def export(name: str) -> None:
        export_html(tmp / f"{name}.ipynb", tmp / f"{name}.html", page_settings(ctx, name))
        on_step("done", name)

    def worker(km, names: tuple[str, ...]) -> list:
        done = []
        for name in names:
            on_step("start", name)
            execute(src / f"{name}.ipynb", tmp / f"{name}.ipynb", params, cwd=tmp, km=km)
            done.append(exports.submit(export, name))
        return done

    try:
        with ThreadPoolExecutor(max_workers=len(kernels)) as pool:
            pending = [pool.submit(worker, km, share) for km, share in zip(kernels, shares, strict=True)]
            for fut in [f for p in pending for f in p.result()]:
                fut.result()
    finally:
        exports.shutdown(wait=True)


def _keep_failed(out: Path, tmp: Path, period: Period, exc: NotebookFailed) -> None:
    failed = out / "_failed" / f"{period}-{dt.datetime.now():%Y%m%d-%H%M%S}"
    failed.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(tmp), failed)
    exc.kept = failed / f"{exc.notebook}.ipynb"


def run_review(
    period: Period,
    inventory: Path | None = None,
    out: Path = Path("reports"),
    lang: str = "ja",
    force: bool = False,
    jobs: int = 2,
    on_step: StepHook = _no_progress,
) -> ReviewOutcome:
    """Build reports/<period>/ from the ledger. Refuses an existing period unless force."""
    if lang not in ("ja", "en"):
        raise UsageError(t("review.bad_lang", lang=lang))
    start = time.perf_counter()
    check_folder(out)  # --out at a file: said before any work is done
    target = out / str(period)
    notes = recover_leftovers(target)  # a killed run may have left the previous report aside
    for note in notes:
        on_step("note", note)
    if target.exists() and not force:
        raise UsageError(t("review.period_exists", path=target))
    ledger_dir = resolve_ledger_dir(inventory)
    inv = load_inventory(ledger_dir)  # a bad ledger or model stops here, before anything is written
    model = load_model(model_path(ledger_dir))
    prev = previous_period(out, period)
    with built_aside(target, replace=force) as tmp:
        pool = KernelPool(max(1, min(jobs, len(NOTEBOOKS))), tmp)  # starts while the results are computed
        try:
            on_step("start", "assess")
            ctx = compute(inv, period, lang, model)
            on_step("done", "assess")
            on_step("start", "results")
            summary, meta = _write_data(ctx, tmp, prev)
            write_assets(tmp)
            on_step("done", "results")
            params = {"inventory_dir": str(ledger_dir.resolve()), "period": str(period), "lang": lang,
                      "snapshot_dir": ".", "previous_period": str(prev) if prev else None,
                      "reports_dir": str(out.resolve())}  # fmt: skip
            _run_notebooks(tmp, params, pool.kernels(), ctx, on_step)
        except NotebookFailed as exc:
            _keep_failed(out, tmp, period, exc)
            raise
        finally:
            pool.shutdown()
        on_step("start", "index")
        write_text_atomic(tmp / "index.html", _index(ctx, out, list(NOTEBOOKS), meta["generated"]))
        write_manifest(tmp, out / str(prev) if prev else None)
        on_step("done", "index")
    return ReviewOutcome(target, summary, time.perf_counter() - start, str(prev) if prev else None, notes)
