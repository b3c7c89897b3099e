"""The terminal table's layout against rich's, on the same cells (docs/performance.md).

    python bench/table_layout.py 2000 20000

Prints the CPU seconds each takes to lay out a nine-column table at 80 columns: the
package's own (``rendering/terminal.py``) and ``rich.table`` (needs the ``term`` extra).
"""

from __future__ import annotations

import io
import sys
import time

from kinerja_engine.rendering.terminal import Column, table_lines

HEADS = (
    "No",
    "Indikator",
    "Target",
    "Realisasi",
    "Capaian",
    "Kategori",
    "Serapan",
    "Efisiensi",
    "Ket.",
)
FIGURES = (0, 2, 3, 4, 6)


def row(n: int) -> list[str]:
    name = f"Persentase koperasi aktif yang sehat dan berkualitas di kota {n}"
    return [
        str(n),
        name,
        "56,00 %",
        "56,00 %",
        "100,00",
        "Sangat Tinggi",
        "93,36",
        "Efisien",
        "Tercapai",
    ]


def own(rows: list[list[str]]) -> float:
    start = time.process_time()
    columns = [
        Column(h, [r[k] for r in rows], keep=k, floor=18 if k == 1 else 0, right=k in FIGURES)
        for k, h in enumerate(HEADS)
    ]
    table_lines(columns, 80)
    return time.process_time() - start


def with_rich(rows: list[list[str]]) -> float:
    from rich.console import Console
    from rich.table import Table

    start = time.process_time()
    table = Table(box=None)
    for h in HEADS:
        table.add_column(h)
    for r in rows:
        table.add_row(*r)
    Console(file=io.StringIO(), width=80, color_system=None).print(table)
    return time.process_time() - start


def main(argv: list[str]) -> None:
    for size in map(int, argv or ["2000"]):
        rows = [row(n) for n in range(size)]
        print(f"{size:>8} rows: own {own(rows):.2f} s, rich {with_rich(rows):.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
