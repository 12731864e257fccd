"""Small files that expand to huge ones: the inputs of the resource-exhaustion tests and of
bench/bench_bombs.py. Each is written in chunks, so making a bomb never needs the memory it would take
to read one."""

from __future__ import annotations

import zipfile
from pathlib import Path

CHUNK = 1 << 20


def alias_chain_yaml(levels: int = 30, width: int = 10) -> str:
    """The YAML billion laughs: each anchor a list of `width` aliases of the one before; used as a value,
    it stands for width**levels strings."""
    lines = ["name: &a0 lol"]
    for i in range(1, levels + 1):
        lines.append(f"x{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    lines.append(f"representative: *a{levels}")
    return "\n".join(lines) + "\n"


def _copy_except(src: zipfile.ZipFile, dst: zipfile.ZipFile, skip: str) -> None:
    for info in src.infolist():
        if info.filename != skip:
            dst.writestr(info, src.read(info.filename))


def _sheet_part(book: zipfile.ZipFile, sheet: str) -> str:
    """The zip member holding the named sheet (sheetN.xml in the order of workbook.xml)."""
    import re

    names = re.findall(rb'<sheet [^>]*name="([^"]+)"', book.read("xl/workbook.xml"))
    return f"xl/worksheets/sheet{[n.decode() for n in names].index(sheet) + 1}.xml"


def whitespace_bomb(workbook: Path, out: Path, megabytes: int, sheet: str = "提供・受領") -> Path:
    """A copy of `workbook` whose `sheet` has `megabytes` MB of spaces before its rows (valid XML)."""
    with zipfile.ZipFile(workbook) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        part = _sheet_part(src, sheet)
        _copy_except(src, dst, part)
        xml = src.read(part)
        cut = xml.index(b"<sheetData>") + len(b"<sheetData>")
        with dst.open(part, "w", force_zip64=True) as f:
            f.write(xml[:cut])
            for _ in range(megabytes):
                f.write(b" " * CHUNK)
            f.write(xml[cut:])
    return out


def big_cell_bomb(workbook: Path, out: Path, megabytes: int, sheet: str = "部門") -> Path:
    """A copy of `workbook` whose `sheet` gets one cell (A2) of `megabytes` MB of text."""
    with zipfile.ZipFile(workbook) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        part = _sheet_part(src, sheet)
        _copy_except(src, dst, part)
        xml = src.read(part)
        cut = xml.index(b"<sheetData>") + len(b"<sheetData>")
        header_row = xml[cut : xml.index(b"</row>", cut) + len(b"</row>")]
        with dst.open(part, "w", force_zip64=True) as f:
            f.write(xml[:cut] + header_row)  # the header row, then one row with the giant cell
            f.write(b'<row r="2"><c r="A2" t="inlineStr"><is><t>')
            for _ in range(megabytes):
                f.write(b"A" * CHUNK)
            f.write(b"</t></is></c></row>")
            f.write(xml[xml.index(b"</sheetData>") :])
    return out
