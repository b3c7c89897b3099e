"""Every sentence, label and hint the engine prints, in Indonesian and English, in one place.

:data:`CATALOGUE` maps a stable message id (``error.number.cannot-read``,
``chapter.iku``) to its Indonesian and English text, so a reviewer reads all the
Indonesian in this one file and a wording changes here, never at the call site. A text's
``{name}`` placeholders are filled by :func:`text` (or by :meth:`Message.render`, for a
message carried to where its language is known, as an error is). A field that is
:class:`Localised` (a nested :class:`Message`, or a figure as ``numbers.Figure``) is
rendered in the same language, so a reason nests in a sentence and a figure reads in the
reader's notation; any other field is formatted as it is. The catalogue holds words,
never arithmetic.

This module is the bottom layer: it imports nothing from the package.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, NamedTuple, Protocol, runtime_checkable

__all__ = ["CATALOGUE", "LANGS", "Inline", "Localised", "Message", "msg", "template", "text"]

LANGS: Final = ("id", "en")

# id -> (Indonesian, English). Ids are grouped by who speaks: error.* (refusals, with their
# reasons and hints), table.* (the plain text table), chapter.* (the LKjIP chapter in
# Markdown, HTML and charts). Keep each sentence once: a test refuses two ids with one text.
CATALOGUE: Final[Mapping[str, tuple[str, str]]] = {
    # ------------------------------------------------------------------ errors, generic
    "error.with-hint": ("{message} (saran: {hint})", "{message} (hint: {hint})"),
    # ------------------------------------------------------------------ numbers
    "error.number.cannot-read": (
        "tidak dapat membaca '{shown}' sebagai angka: {reason}",
        "cannot read '{shown}' as a number: {reason}",
    ),
    "error.number.wrong-type": (
        "diharapkan angka atau angka yang ditulis sebagai teks, ditemukan {found}",
        "expected a number or a number written as text, found {found}",
    ),
    "error.number.found-boolean": ("boolean (true/false)", "a boolean (true/false)"),
    "error.number.found-float": ("bilangan float biner", "a binary float"),
    "error.number.found-array": ("array", "an array"),
    "error.number.found-table": ("tabel", "a table"),
    "error.number.found-none": ("tidak ada nilai (None)", "no value (None)"),
    "error.number.found-type": ("nilai bertipe {name}", "a value of type {name}"),
    "error.number.huge-integer": (
        "<an integer of about {digits} digits>",
        "<an integer of about {digits} digits>",
    ),
    "error.number.empty": ("teksnya kosong", "the text is empty"),
    "error.number.no-digits": ("tidak ada angka di dalamnya", "it contains no digits"),
    "error.number.exponent": (
        "notasi eksponen tidak diterima dalam teks",
        "exponent notation is not accepted in text",
    ),
    "error.number.signs": ("tanda +/- lebih dari satu", "it has more than one sign"),
    "error.number.percents": ("tanda '%' lebih dari satu", "it has more than one '%'"),
    "error.number.both-marks": ("memuat 'Rp' dan '%' sekaligus", "it carries both 'Rp' and '%'"),
    "error.number.commas": (
        "tanda desimal ',' lebih dari satu",
        "it has more than one decimal mark ','",
    ),
    "error.number.comma-first": (
        "tidak ada angka sebelum tanda desimal ','",
        "there is no digit before the decimal mark ','",
    ),
    "error.number.comma-last": (
        "tidak ada angka setelah tanda desimal ','",
        "there is no digit after the decimal mark ','",
    ),
    "error.number.dot": (
        "dalam notasi Indonesia '.' memisahkan ribuan (kelompok pertama 1-3 angka, berikutnya"
        " tepat 3 angka) dan ',' adalah tanda desimal",
        "in Indonesian notation '.' groups thousands (a first group of 1-3 digits, then groups"
        " of exactly 3) and ',' is the decimal mark",
    ),
    "error.number.unit-twice": (
        "satuan '{unit}' muncul lebih dari sekali",
        "the unit '{unit}' appears more than once",
    ),
    "error.number.mixed-durations": (
        "mencampur durasi dalam menit (detik/menit/jam/hari) dengan durasi dalam bulan"
        " (bulan/tahun)",
        "it mixes a duration in minutes (detik/menit/jam/hari) with one in months (bulan/tahun)",
    ),
    "error.number.too-large": ("besarnya 10^21 atau lebih", "its magnitude is 10^21 or more"),
    "error.number.too-many-places": (
        "lebih dari {most} angka di belakang koma",
        "it has more than {most} decimal places",
    ),
    "error.number.not-finite": ("bukan bilangan berhingga", "it is not a finite number"),
    "error.number.generic": (
        "bukan angka dalam notasi Indonesia",
        "it is not a number in Indonesian notation",
    ),
    "hint.number.exponent": (
        "tulis angkanya lengkap, misalnya 100.000, bukan 1E5",
        "write the digits out, e.g. 100.000 instead of 1E5",
    ),
    "hint.number.commas": (
        "dalam notasi Indonesia '.' memisahkan ribuan: 1.234.567,89",
        "in Indonesian notation '.' groups thousands: 1.234.567,89",
    ),
    "hint.number.comma-first": ("tulis 0,5", "write 0,5"),
    "hint.number.comma-last": ("tulis 5 atau 5,0", "write 5 or 5,0"),
    "hint.number.dot": (
        "untuk desimal tulis {example}, atau tulis angka TOML biasa tanpa tanda kutip ({plain})",
        "for a decimal write {example}, or give a plain TOML number without quotes ({plain})",
    ),
    "hint.number.too-large": ("periksa skala angkanya", "check the scale of the figure"),
    "hint.number.too-many-places": (
        "bulatkan angkanya seperti yang dicetak laporan, misalnya 0,0001",
        "round the figure as the report prints it, e.g. 0,0001",
    ),
    "hint.number.generic": (
        "angka dengan '.' ribuan dan ',' desimal, boleh dengan Rp atau %, kata skala (ribu,"
        " juta, M, T) atau durasi (6 jam 37 menit)",
        "digits with '.' thousands and ',' decimals, optionally Rp or %, a scale word (ribu,"
        " juta, M, T) or a duration (6 jam 37 menit)",
    ),
    "hint.number.float": (
        "baca TOML dengan tomllib.load(f, parse_float=Decimal) agar desimal tetap tepat",
        "read TOML with tomllib.load(f, parse_float=Decimal) so decimals stay exact",
    ),
    # ------------------------------------------------------------------ rule sets
    "error.rules.format": (
        "format aturan {format!r} tidak dikenal",
        "unknown rules format {format!r}",
    ),
    "hint.write-format": ('tulis format = "{format}"', 'write format = "{format}"'),
    "error.rules.places": (
        "display.places harus antara 0 dan {most}, tertulis {places}",
        "display places must be between 0 and {most}, found {places}",
    ),
    "error.rules.cap-below-floor": (
        "batas atas capaian {cap} di bawah batas bawahnya {floor}",
        "capaian cap {cap} is below its floor {floor}",
    ),
    "error.rules.unknown-check": (
        "audit.severity menyebut pemeriksaan yang tidak dikenal {code!r}",
        "audit.severity names an unknown check {code!r}",
    ),
    "hint.did-you-mean": ("maksudnya {name!r}?", "did you mean {name!r}?"),
    "error.rules.capaian-min-max": (
        "audit.capaian_min harus di bawah audit.capaian_max",
        "audit.capaian_min must be below audit.capaian_max",
    ),
    "error.rules.negative": (
        "{key} tidak boleh negatif, tertulis {value}",
        "{key} cannot be negative, found {value}",
    ),
    "error.rules.flag-code": (
        "kode flag {code!r} harus huruf kecil, angka dan '-'",
        "flag code {code!r} must be lowercase letters, digits and '-'",
    ),
    "error.rules.message-placeholder": (
        "pesan menyebut {{{name}}}, yang bukan angka yang dihitung",
        "message names {{{name}}}, which is not a figure",
    ),
    "error.rules.no-bands": ("tidak ada pita (band) yang dideklarasikan", "no bands are declared"),
    "error.rules.blank-label": (
        "label pita kosong: laporan akan mencetak kategori tanpa nama",
        "the band's label is empty: reports would print a category with no name",
    ),
    "hint.rules.blank-label": (
        "beri pita itu nama, misalnya 'Sangat Tinggi'",
        "give the band a name, such as 'Sangat Tinggi'",
    ),
    "error.rules.empty-band": (
        "pita {label!r} {bounds} kosong (batas bawah di atas batas atas?)",
        "band {label!r} {bounds} holds no value (lower above upper?)",
    ),
    "error.rules.bands-overlap": (
        "pita {a!r} {a_bounds} dan {b!r} {b_bounds} tumpang tindih: {example} masuk ke keduanya",
        "bands {a!r} {a_bounds} and {b!r} {b_bounds} overlap: {example} falls in both",
    ),
    "error.rules.domain": (
        "domain [{low}, {high}]: ujung bawah tidak di bawah ujung atas",
        "the domain [{low}, {high}] has its low end at or above its high end",
    ),
    "error.rules.domain-lower-end": (
        "ujung bawah domain yang dinyatakan",
        "the declared domain's lower end",
    ),
    "error.rules.domain-upper-end": (
        "ujung atas domain yang dinyatakan",
        "the declared domain's upper end",
    ),
    "error.rules.bands-gap": (
        "ada celah antara {left} dan {right}: {example} tidak masuk pita mana pun",
        "bands leave a gap between {left} and {right}: {example} falls in no band",
    ),
    # ------------------------------------------------------------------ a case's consistency
    "error.case.blank-where": (
        "'where' kosong: temuan tidak dapat menyebut tabel yang mencetaknya",
        "'where' is empty: a finding could not name the table that printed it",
    ),
    "hint.case.blank-where": (
        "tulis tabel atau paragrafnya, misalnya 'Tabel 3' atau 'Tabel 5, teks'",
        "write the table or paragraph, e.g. 'Tabel 3' or 'Tabel 5, teks'",
    ),
    "error.case.format": (
        "format kasus {format!r} tidak dikenal",
        "unknown case format {format!r}",
    ),
    "error.case.year": (
        "tahun laporan {year} bukan tahun antara {first} dan {last}",
        "report year {year} is not a year from {first} to {last}",
    ),
    "error.case.unknown-objective": (
        "indikator {id!r} menyebut sasaran {objective!r} yang tidak ada",
        "indicator {id!r} names objective {objective!r}, which is not declared",
    ),
    "error.case.target-range": (
        "rentang target [{low}, {high}]: batas bawah di atas batas atas",
        "target range [{low}, {high}] has its low end above its high end",
    ),
    "error.case.unknown-parent": (
        "baris anggaran {id!r} menyebut induk {parent!r} yang tidak ada",
        "budget line {id!r} names parent {parent!r}, which is not declared",
    ),
    "error.case.budget-cycle": (
        "pohon anggaran berputar: {cycle}",
        "the budget tree has a cycle: {cycle}",
    ),
    "error.case.id-form": (
        "id {table} {id!r} harus huruf kecil, angka dan '-'",
        "{table} id {id!r} must be lowercase letters, digits and '-'",
    ),
    "error.case.id-twice": (
        "id {table} {id!r} dipakai dua kali (juga di {table}[{first}])",
        "{table} id {id!r} is used twice (also at {table}[{first}])",
    ),
    "error.case.negative-amount": (
        "jumlah anggaran tidak boleh negatif, tertulis {value}",
        "an amount cannot be negative, found {value}",
    ),
    # ------------------------------------------------------------------ CSV import
    "error.csv.unreadable": ("CSV tidak terbaca: {reason}", "cannot read the CSV: {reason}"),
    "hint.csv.quote-cell": (
        "sel yang memuat pemisah atau tanda kutip harus diapit tanda kutip",
        "a cell holding the separator or a quote must be quoted",
    ),
    "error.csv.unclosed-quote": (
        "tanda kutip yang dibuka di baris {row} tidak pernah ditutup",
        "a quote opened on row {row} is never closed",
    ),
    "error.csv.cell-too-long": (
        "sel di baris {row} lebih panjang dari {most} karakter",
        "a cell on row {row} is longer than {most} characters",
    ),
    "hint.csv.cell-too-long": (
        "periksa tanda kutip sebelum sel itu; satu sel berisi satu nilai",
        "check the quotes before that cell; a cell holds one value",
    ),
    "error.csv.wide-encoding": (
        "berkas ini teks {encoding}, bukan UTF-8",
        "the file is {encoding} text, not UTF-8",
    ),
    "hint.csv.save-utf8": (
        "simpan lembar kerja sebagai 'CSV UTF-8 (Comma delimited)' atau, di editor teks,"
        " simpan dengan pengodean UTF-8",
        "save the sheet as 'CSV UTF-8 (Comma delimited)' or, in a text editor, save it with"
        " the UTF-8 encoding",
    ),
    "error.csv.no-header": (
        "baris judul kolom yang menyebut setidaknya indikator dan targetnya tidak ditemukan di"
        " {rows} baris pertama",
        "no header row naming at least the indicator and its target was found in the first"
        " {rows} rows",
    ),
    "error.csv.column-twice": (
        "kolom {first!r} dan {second!r} sama-sama berisi {field}",
        "columns {first!r} and {second!r} both give {field}",
    ),
    "error.csv.no-column": (
        "tidak ada kolom {field}; baris judul berisi: {header}",
        "no {field} column; the header row has: {header}",
    ),
    "error.csv.cell": (
        "baris {line}, kolom {header!r}: {message}",
        "row {line}, column {header!r}: {message}",
    ),
    "error.csv.empty-cell": ("kosong", "is empty"),
    "error.csv.not-a-number": (
        "{text!r} bukan angka: {reason}",
        "{text!r} is not a number: {reason}",
    ),
    "hint.csv.english-notation": (
        "berkas mungkin memakai notasi Inggris: gunakan --notation en",
        "the file may be in English notation: use --notation en",
    ),
    "error.csv.not-a-direction": ("{text!r} bukan arah indikator", "{text!r} is not a direction"),
    "error.csv.differs": (
        "{text!r} berbeda dari {first!r} (baris {line}); satu berkas satu laporan",
        "{text!r} differs from {first!r} (row {line}); one file is one report",
    ),
    "note.csv.header-row": (
        "judul kolom ada di baris {line}; {skipped} baris di atasnya dilewati",
        "the header is on row {line}; the {skipped} row(s) above it are skipped",
    ),
    "note.csv.unused-columns": (
        "kolom yang tidak dipakai: {columns}",
        "columns not used: {columns}",
    ),
    "note.csv.numbering-row": (
        "baris {line} berisi nomor kolom (1, 2, 3, …) dan dilewati",
        "row {line} holds column numbers (1, 2, 3, …) and is skipped",
    ),
    "error.csv.too-few-cells": (
        "baris {line} berisi {cells} sel, baris judul {header}",
        "row {line} has {cells} cells, the header has {header}",
    ),
    "error.csv.too-many-cells": (
        "baris {line} berisi {cells} sel, lebih dari {header} di baris judul",
        "row {line} has {cells} cells, more than the {header} of the header",
    ),
    "hint.csv.quote-decimal-comma": (
        "angka berkoma desimal harus diapit tanda kutip dalam berkas berpemisah koma",
        "a figure with a decimal comma must be quoted in a comma-separated file",
    ),
    "error.csv.no-rows": (
        "berkas punya baris judul tetapi tanpa baris indikator",
        "the file has a header but no indicator rows",
    ),
    "note.csv.formula-cells": (
        "baris {rows} memuat sel yang diawali =, +, -, @, tab atau CR: lembar kerja dapat"
        " menjalankannya sebagai rumus (injeksi CSV); sel itu dibaca sebagai teks, periksa"
        " berkas aslinya",
        "row(s) {rows} hold cells beginning with =, +, -, @, a tab or a CR: a spreadsheet may"
        " run them as formulas (CSV injection); they are read as text, check the source file",
    ),
    "note.csv.blank-rows": ("{count} baris kosong dilewati", "{count} empty row(s) skipped"),
    "error.csv.history-twice": (
        "dua kolom berisi realisasi {year}",
        "two columns give the realisasi of {year}",
    ),
    "comment.csv.made-by": (
        "# Dibuat oleh `kinerja import` dari {name}.",
        "# Made by `kinerja import` from {name}.",
    ),
    "comment.csv.direction-assumed": (
        "# Berkas tidak punya kolom arah: semua indikator dianggap higher_is_better.",
        "# The file has no direction column: every indicator is taken as higher_is_better.",
    ),
    "error.csv.binary": ("ini berkas biner, bukan teks CSV", "this is a binary file, not CSV text"),
    "error.csv.not-utf8": (
        "berkas bukan teks UTF-8 (byte 0x{byte:02x})",
        "the file is not UTF-8 text (byte 0x{byte:02x})",
    ),
    "error.csv.empty-file": ("berkas kosong", "the file is empty"),
    "error.csv.no-name": ("indikator tanpa nama", "the indicator has no name"),
    "error.csv.id-twice": (
        "id {id!r} dipakai dua kali (juga di baris {line})",
        "id {id!r} is used twice (also on row {line})",
    ),
    "error.csv.agency-differs": (
        "--agency {given!r} berbeda dari isi berkas {file!r}",
        "--agency {given!r} differs from the file's {file!r}",
    ),
    "error.csv.no-agency": (
        "berkas tidak menyebut instansi: berikan --agency",
        "the file names no agency: give --agency",
    ),
    "error.csv.bad-year": (
        "baris {line}: tahun {text!r} bukan tahun",
        "row {line}: year {text!r} is not a year",
    ),
    "error.csv.year-differs": (
        "--year {given} berbeda dari tahun di berkas {other}",
        "--year {given} differs from the file's year {other}",
    ),
    "error.csv.year-column-differs": (
        "kolom tahun berisi {column} tetapi judul kolom menyebut {headers}",
        "the year column says {column} but the headers name {headers}",
    ),
    "error.csv.no-year": (
        "berkas tidak menyebut tahun laporan: berikan --year",
        "the file names no report year: give --year",
    ),
    "error.csv.on-row": ("baris {row}: {message}", "row {row}: {message}"),
    # ------------------------------------------------------------------ reports
    "error.html.no-jinja2": (
        "laporan HTML memerlukan Jinja2, yang belum terpasang",
        "HTML reports need Jinja2, which is not installed",
    ),
    "hint.html.install": (
        "pasang dengan: pip install 'kinerja-engine[report]'",
        "pip install 'kinerja-engine[report]'",
    ),
    # ------------------------------------------------------------------ the LKjIP chapter: Markdown, HTML and its charts
    "chapter.title": ("Bab III Akuntabilitas Kinerja", "Chapter III Performance Accountability"),
    "chapter.generated": ("Dihasilkan oleh kinerja_engine", "Generated by kinerja_engine"),
    "chapter.source": ("Sumber", "Source"),
    "chapter.rules": ("Aturan penilaian", "Rule set"),
    "chapter.table": ("Tabel", "Table"),
    "chapter.figure": ("Gambar", "Figure"),
    "chapter.iku": (
        "Pengukuran Capaian Indikator Kinerja Utama (IKU)",
        "Measurement of Key Performance Indicators (IKU)",
    ),
    "chapter.no": ("No", "No"),
    "chapter.indicator": ("Indikator Kinerja Utama", "Key performance indicator"),
    "chapter.realisasi-year": ("Realisasi {year}", "Actual {year}"),
    "chapter.target-year": ("Target {year}", "Target {year}"),
    "chapter.capaian": ("Capaian", "Achievement"),
    "chapter.category": ("Kategori", "Category"),
    "chapter.remarks": ("Keterangan", "Remarks"),
    "chapter.objectives": ("Capaian Sasaran Strategis", "Achievement of Strategic Objectives"),
    "chapter.objective": ("Sasaran strategis", "Strategic objective"),
    "chapter.indicators-of": ("Indikator", "Indicators"),
    "chapter.per-indicator": ("Analisis Capaian per Indikator", "Analysis per Indicator"),
    "chapter.budget-table": ("Pencapaian Kinerja dan Anggaran", "Performance and Budget"),
    "chapter.performance": ("Kinerja", "Performance"),
    "chapter.budget": ("Anggaran", "Budget"),
    "chapter.target": ("Target", "Target"),
    "chapter.realisasi": ("Realisasi", "Actual"),
    "chapter.capaian-kinerja": ("Capaian kinerja", "Performance achievement"),
    "chapter.pagu": ("Pagu anggaran", "Budget allocated"),
    "chapter.realisasi-anggaran": ("Realisasi anggaran", "Budget spent"),
    "chapter.serapan": ("Capaian (serapan) anggaran", "Budget absorption"),
    "chapter.efficiency-table": ("Efisiensi Penggunaan Sumber Daya", "Efficiency of Resource Use"),
    "chapter.efficiency-value": ("Nilai efisiensi", "Efficiency value"),
    "chapter.efficiency-score": ("Skor efisiensi", "Efficiency score"),
    "chapter.efficiency": ("Tingkat efisiensi", "Efficiency level"),
    "chapter.efficiency-formula": ("Nilai efisiensi = {formula}", "Efficiency value = {formula}"),
    "chapter.progress-table": (
        "Perbandingan Realisasi dengan Target Akhir Renstra",
        "Actual against the End-of-Plan (Renstra) Target",
    ),
    "chapter.renstra-target": ("Target akhir Renstra", "End-of-plan target"),
    "chapter.progress": ("Tingkat kemajuan", "Progress"),
    "chapter.unit": ("Satuan", "Unit"),
    "chapter.direction": ("Arah", "Direction"),
    "chapter.notes": ("Catatan", "Notes"),
    "chapter.findings": ("Hasil Reviu", "Review Findings"),
    "chapter.no-findings": ("Tidak ada temuan.", "No findings."),
    "chapter.severity": ("Tingkat", "Severity"),
    "chapter.code": ("Kode", "Code"),
    "chapter.where": ("Letak", "Where"),
    "chapter.field": ("Isian", "Field"),
    "chapter.printed": ("Tercetak", "Printed"),
    "chapter.expected": ("Seharusnya", "Expected"),
    "chapter.difference": ("Selisih", "Difference"),
    "chapter.description": ("Uraian dan bukti", "Description and evidence"),
    "chapter.evidence": ("Bukti", "Evidence"),
    "chapter.related": ("Akar masalah sama dengan temuan", "Same root cause as finding"),
    "chapter.budget-line": ("Baris anggaran", "Budget line"),
    "chapter.general": ("Umum", "General"),
    "chapter.summary": (
        "{total} temuan: {error} kesalahan, {warning} peringatan, {info} info; {passed} pemeriksaan lolos; {skipped} pemeriksaan dilewati",
        "{total} findings: {error} errors, {warning} warnings, {info} info; {passed} checks passed; {skipped} checks skipped",
    ),
    "chapter.skipped": ("Pemeriksaan yang dilewati", "Checks skipped"),
    "chapter.blocked-by": ("terhalang temuan {number}", "blocked by finding {number}"),
    "chapter.trace": ("Jejak perhitungan", "Calculation trace"),
    "chapter.severity.error": ("kesalahan", "error"),
    "chapter.severity.warning": ("peringatan", "warning"),
    "chapter.severity.info": ("info", "info"),
    "chapter.missing": ("belum ada realisasi", "no actual reported yet"),
    "chapter.direction.higher-is-better": ("semakin tinggi semakin baik", "higher is better"),
    "chapter.direction.lower-is-better": ("semakin rendah semakin baik", "lower is better"),
    "chapter.direction.within-range": ("dalam rentang", "within a range"),
    "chapter.charts": ("Grafik", "Charts"),
    "chapter.chart-category": (
        "Capaian kinerja per indikator terhadap kategori",
        "Performance achievement per indicator against the categories",
    ),
    "chapter.chart-efficiency": (
        "Capaian kinerja terhadap serapan anggaran",
        "Performance achievement against budget absorption",
    ),
    "chapter.axis-capaian": ("Capaian kinerja (%)", "Performance achievement (%)"),
    "chapter.axis-serapan": ("Serapan anggaran (%)", "Budget absorption (%)"),
    "chapter.diagonal": (
        "capaian = serapan (batas efisiensi)",
        "achievement = absorption (efficiency boundary)",
    ),
    "chapter.above": ("capaian > serapan", "achievement > absorption"),
    "chapter.below": ("capaian < serapan", "achievement < absorption"),
    "chapter.clipped-category": (
        "{no}. {name}: capaian {value} di luar batas grafik ({limit} %); batangnya dipotong (▸).",
        "{no}. {name}: achievement {value} is beyond the chart's limit ({limit}%); its bar is cut (▸).",
    ),
    "chapter.clipped-efficiency": (
        "{no}. {name}: capaian {capaian} dengan serapan {serapan} di luar batas grafik ({limit} %); titiknya ditandai segitiga merah di tepi.",
        "{no}. {name}: achievement {capaian} at absorption {serapan} is beyond the chart's limit ({limit}%); it is marked by a red triangle on the edge.",
    ),
    "chapter.point-numbers": (
        "Nomor titik dan batang mengikuti kolom No pada Tabel 1.",
        "Point and bar numbers follow the No column of Table 1.",
    ),
    "chapter.not-drawn": ("tidak digambar: {why}", "not drawn: {why}"),
    "chapter.no-serapan": ("tanpa data anggaran", "no budget figures"),
    # ------------------------------------------------------------------ the plain table (table and markdown formats)
    "table.indicator": ("Indikator", "Indicator"),
    "table.capaian": ("Capaian (%)", "Achievement (%)"),
    "table.serapan": ("Serapan (%)", "Absorption (%)"),
    "table.efficiency": ("Efisiensi", "Efficiency"),
    "table.progress": ("Kemajuan (%)", "Progress (%)"),
    "table.verdict": ("Keterangan", "Verdict"),
    "table.status": ("Status", "Status"),
    "table.objective": ("Sasaran", "Objective"),
    "table.rules": ("Aturan", "Rules"),
    "table.flags": ("Catatan", "Flags"),
    "table.findings": ("Temuan", "Findings"),
    "table.passed": ("pemeriksaan lolos", "checks passed"),
    "table.skipped": ("pemeriksaan dilewati", "checks skipped"),
    "table.status.computed": ("dihitung", "computed"),
    "table.status.missing": ("belum ada realisasi", "missing"),
    "table.status.not-computable": ("tidak dapat dihitung", "not computable"),
    "table.severity.error": ("galat", "error"),
}


@runtime_checkable
class Localised(Protocol):
    """A field that has its own words or notation in each language: a nested
    :class:`Message`, an :class:`Inline` text, or a figure (``numbers.Figure``) that prints
    ``1.234,5`` in Indonesian and ``1,234.5`` in English."""

    def render(self, lang: str) -> str: ...


class Message(NamedTuple):
    """A message id with its fields, rendered once the reader's language is known."""

    id: str
    fields: Mapping[str, object]

    def render(self, lang: str) -> str:
        return text(self.id, lang, **self.fields)


class Inline(NamedTuple):
    """Text that is not in the catalogue: a caller's own words, English and Indonesian
    (English when the Indonesian is missing). Only for callers not yet moved to the
    catalogue; new text goes into :data:`CATALOGUE`."""

    en: str
    id: str | None

    def render(self, lang: str) -> str:
        return self.id if lang == "id" and self.id else self.en


def msg(message_id: str, /, **fields: object) -> Message:
    """``Message(message_id, fields)``; a KeyError here names an id the catalogue lacks."""
    if message_id not in CATALOGUE:
        raise KeyError(f"no message {message_id!r} in the catalogue")
    return Message(message_id, fields)


def template(message_id: str, lang: str) -> str:
    """The text of ``message_id`` in ``lang`` with its placeholders unfilled."""
    id_text, en_text = CATALOGUE[message_id]
    return id_text if lang == "id" else en_text


def text(message_id: str, lang: str, /, **fields: object) -> str:
    """The text of ``message_id`` in ``lang`` (``id`` or ``en``), placeholders filled."""
    id_text, en_text = CATALOGUE[message_id]
    form = id_text if lang == "id" else en_text
    if not fields:
        return form
    return form.format_map(
        {k: v.render(lang) if isinstance(v, Localised) else v for k, v in fields.items()}
    )
