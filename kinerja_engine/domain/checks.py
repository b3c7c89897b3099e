"""The audit's catalogue of checks: stable codes, default severities, tolerances.

Plain data, below everything else, so that a rule set's ``[audit]`` table can be
validated against it at load and ``kinerja checks`` can list it.
"""

from __future__ import annotations

import attrs

__all__ = ["CATALOGUE", "CODES", "Check"]

HALF_UNIT = "half a unit of the last printed digit (a whole unit under rounding = down)"


@attrs.frozen
class Check:
    code: str
    severity: str
    tolerance: str | None
    description: str
    description_id: str


CATALOGUE: tuple[Check, ...] = (
    Check(
        "capaian-recalc",
        "error",
        HALF_UNIT,
        "printed capaian does not follow from the target and realisasi (the table's own, else the case's)",
        "capaian tercetak tidak sesuai dengan target dan realisasi",
    ),
    Check(
        "serapan-recalc",
        "error",
        HALF_UNIT,
        "printed budget absorption does not follow from pagu and realisasi anggaran",
        "serapan anggaran tercetak tidak sesuai dengan pagu dan realisasi anggaran",
    ),
    Check(
        "share-recalc",
        "error",
        HALF_UNIT,
        "printed budget share does not follow from the indicator's pagu and the agency's total",
        "porsi anggaran tercetak tidak sesuai dengan pagu indikator dan total belanja",
    ),
    Check(
        "progress-recalc",
        "error",
        HALF_UNIT,
        "printed tingkat kemajuan does not follow from realisasi and the Renstra target",
        "tingkat kemajuan tercetak tidak sesuai dengan realisasi dan target akhir Renstra",
    ),
    Check(
        "category-label",
        "error",
        None,
        "printed category is not the band the capaian falls in",
        "kategori tercetak bukan pita tempat capaian berada",
    ),
    Check(
        "efficiency-label",
        "error",
        None,
        "printed efficiency label is not what capaian and serapan give",
        "label efisiensi tercetak tidak sesuai dengan capaian dan serapan",
    ),
    Check(
        "verdict-label",
        "error",
        None,
        "printed verdict (Tercapai / Tidak Tercapai) contradicts the capaian",
        "keterangan tercetak (Tercapai / Tidak Tercapai) bertentangan dengan capaian",
    ),
    Check(
        "label-unknown",
        "warning",
        None,
        "a printed label outside the rule set's vocabulary",
        "label tercetak di luar kosakata aturan",
    ),
    Check(
        "budget-footing",
        "error",
        "0 (to the sen)",
        "a budget line's pagu or realisasi is not the sum of its children",
        "pagu atau realisasi baris anggaran bukan jumlah rinciannya",
    ),
    Check(
        "budget-percent",
        "error",
        HALF_UNIT,
        "a budget line's printed percentage does not follow from its amounts",
        "persentase baris anggaran tidak sesuai dengan jumlahnya",
    ),
    Check(
        "budget-percent-undefined",
        "info",
        None,
        "a percentage printed for a line with no pagu (0/0 is not defined, not 0 %)",
        "persentase dicetak untuk baris tanpa pagu (0/0 tidak terdefinisi, bukan 0 %)",
    ),
    Check(
        "tie-out",
        "error",
        "0",
        "one quantity printed with different values in different places",
        "satu besaran dicetak dengan nilai berbeda di tempat berbeda",
    ),
    Check(
        "word-for-number",
        "error",
        None,
        "a word printed where a number belongs",
        "kata dicetak di tempat angka",
    ),
    Check(
        "unit-mismatch",
        "error",
        None,
        "a rupiah amount in a percent column, or a percentage in an amount column",
        "jumlah rupiah di kolom persen, atau persen di kolom jumlah",
    ),
    Check(
        "percent-over-100",
        "warning",
        "100",
        "serapan or budget share above 100 %",
        "serapan atau porsi anggaran di atas 100 %",
    ),
    Check(
        "capaian-implausible",
        "warning",
        "the rule set's [audit] bounds",
        "capaian beyond plausible bounds, usually a target or realisasi on another scale",
        "capaian di luar batas wajar, biasanya target atau realisasi pada skala lain",
    ),
    Check(
        "period-mismatch",
        "warning",
        None,
        "a heading year that is neither the report's year nor the comparison year",
        "tahun pada judul bukan tahun laporan maupun tahun pembanding",
    ),
    Check(
        "realisasi-missing",
        "warning",
        None,
        "an indicator with a target but no realisasi",
        "indikator dengan target tetapi tanpa realisasi",
    ),
    Check(
        "comparison-missing",
        "info",
        None,
        "no realisasi of the previous year to compare with",
        "tidak ada realisasi tahun sebelumnya sebagai pembanding",
    ),
)

CODES = frozenset(c.code for c in CATALOGUE)
