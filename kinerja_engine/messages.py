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

__all__ = ["CATALOGUE", "LANGS", "Localised", "Message", "msg", "template", "text"]

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
    "error.number.found-array": ("larik (array)", "an array"),
    "error.number.found-table": ("tabel", "a table"),
    "error.number.found-none": ("tidak ada nilai (None)", "no value (None)"),
    "error.number.found-type": ("nilai bertipe {name}", "a value of type {name}"),
    "error.number.huge-integer": (
        "<bilangan bulat sekitar {digits} angka>",
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
    # ---- issue 19 (evidence)
    "error.rules.label-synonym": (
        "sinonim {spelling!r} menunjuk label {label!r}, yang tidak ada dalam aturan ini",
        "the synonym {spelling!r} names the label {label!r}, which this rule set does not have",
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
    # ---- issue 15 (sheets)
    "error.xlsx.unreadable": (
        "buku kerja Excel tidak terbaca: {reason}",
        "cannot read the Excel workbook: {reason}",
    ),
    "note.xlsx.sheet": (
        "data dibaca dari lembar {sheet!r}",
        "the data is read from the sheet {sheet!r}",
    ),
    "note.csv.encoding": (
        "berkas bukan UTF-8; dibaca sebagai {encoding}",
        "the file is not UTF-8; read as {encoding}",
    ),
    "note.csv.two-row-header": (
        "judul kolom terdiri atas dua baris ({first} dan {line}), dibaca bersama",
        "the column headings take two rows ({first} and {line}), read together",
    ),
    "error.csv.which-year": (
        "tahun laporan tidak jelas: judul kolom memuat tahun {years}",
        "the report year is unclear: the column headings carry the years {years}",
    ),
    "hint.csv.which-year": (
        "sebutkan tahun laporan dengan --year, misalnya --year {year}",
        "name the report year with --year, for example --year {year}",
    ),
    "warning.csv.ambiguous-number": (
        "peringatan: angka {text!r} (baris {line}, kolom {column!r}) dibaca sebagai {reading};"
        " bila yang dimaksud {other}, gunakan --notation {notation}",
        "warning: the number {text!r} (row {line}, column {column!r}) is read as {reading};"
        " if it means {other}, use --notation {notation}",
    ),
    "note.csv.more-ambiguous": (
        "peringatan: {count} angka lain yang cara penulisannya meragukan",
        "warning: {count} more numbers whose notation is ambiguous",
    ),
    "note.csv.total-row": (
        "baris {line} ({label!r}) dilewati: baris jumlah, bukan indikator",
        "row {line} ({label!r}) skipped: a total row, not an indicator",
    ),
    "note.csv.total-agrees": (
        "baris {line}: {columns} sesuai dengan baris-baris di atasnya",
        "row {line}: {columns} agree with the rows above",
    ),
    "warning.csv.total-differs": (
        "peringatan: baris {line} ({label!r}), kolom {column!r}: tertulis {printed}, padahal"
        " jumlah {count} baris di atasnya {expected} (selisih {difference})",
        "warning: row {line} ({label!r}), column {column!r}: {printed} is written, but the"
        " {count} rows above add up to {expected} (difference {difference})",
    ),
    "warning.csv.mean-differs": (
        "peringatan: baris {line} ({label!r}), kolom {column!r}: tertulis {printed}, padahal"
        " rata-rata {count} baris di atasnya {expected} (selisih {difference})",
        "warning: row {line} ({label!r}), column {column!r}: {printed} is written, but the"
        " {count} rows above average {expected} (difference {difference})",
    ),
    # ---- issue 15 (sheets): CSV and workbook column headings (English: the CSV keys)
    "csv.column.agency": ("Instansi", "agency"),
    "csv.column.year": ("Tahun", "year"),
    "csv.column.rules": ("Aturan", "rules"),
    "csv.column.rules-version": ("Versi Aturan", "rules_version"),
    "csv.column.no": ("No", "no"),
    "csv.column.id": ("Kode", "id"),
    "csv.column.name": ("Indikator Kinerja", "name"),
    "csv.column.objective": ("Kode Sasaran", "objective"),
    "csv.column.unit": ("Satuan", "unit"),
    "csv.column.direction": ("Arah", "direction"),
    "csv.column.target": ("Target", "target"),
    "csv.column.realisasi": ("Realisasi", "realisasi"),
    "csv.column.pagu": ("Pagu Anggaran", "pagu"),
    "csv.column.realisasi-anggaran": ("Realisasi Anggaran", "realisasi_anggaran"),
    "csv.column.capaian": ("Capaian Kinerja", "capaian"),
    "csv.column.category": ("Kategori", "category"),
    "csv.column.serapan": ("Serapan Anggaran", "serapan"),
    "csv.column.efficiency-value": ("Nilai Efisiensi", "efficiency_value"),
    "csv.column.efficiency-score": ("Skor Efisiensi", "efficiency_score"),
    "csv.column.efficiency": ("Efisiensi", "efficiency"),
    "csv.column.progress": ("Tingkat Kemajuan", "progress"),
    "csv.column.verdict": ("Status Capaian", "verdict"),
    "csv.column.status": ("Status", "status"),
    "csv.column.flags": ("Tanda", "flags"),
    "csv.column.reason": ("Alasan", "reason"),
    "csv.column.renstra-target": ("Target Akhir Renstra", "renstra_target"),
    "csv.column.objective-name": ("Nama Sasaran", "objective_name"),
    "csv.column.severity": ("Tingkat Keparahan", "severity"),
    "csv.column.code": ("Kode Temuan", "code"),
    "csv.column.indicator": ("Indikator", "indicator"),
    "csv.column.budget": ("Mata Anggaran", "budget"),
    "csv.column.where": ("Letak", "where"),
    "csv.column.field": ("Isian", "field"),
    "csv.column.printed": ("Tertulis", "printed"),
    "csv.column.expected": ("Seharusnya", "expected"),
    "csv.column.difference": ("Selisih", "difference"),
    "csv.column.tolerance": ("Toleransi", "tolerance"),
    "csv.column.message": ("Pesan", "message"),
    "csv.column.evidence": ("Bukti", "evidence"),
    "csv.column.realisasi-year": ("Realisasi {year}", "realisasi_{year}"),
    "csv.direction.higher-is-better": ("Positif", "higher_is_better"),
    "csv.direction.lower-is-better": ("Negatif", "lower_is_better"),
    "csv.direction.within-range": ("Rentang", "within_range"),
    # ------------------------------------------------------------------ the command line and the API
    # `kinerja --help`: argparse's own words (usage:, options:) stay argparse's.
    "cli.help.description": (
        "Menilai dan mereviu laporan kinerja instansi pemerintah Indonesia (LKjIP / SAKIP).",
        "Evaluate and audit Indonesian government performance reports (LKjIP / SAKIP).",
    ),
    "cli.help.epilog": (
        "Kode keluar: 0 berhasil, 1 ada temuan setingkat --fail-on atau lebih berat,"
        " 2 masukan tidak dapat dipakai.",
        "Exit codes: 0 ok, 1 findings at or above --fail-on, 2 unusable input.",
    ),
    "cli.help.help": ("tampilkan bantuan ini lalu keluar", "show this help message and exit"),
    "cli.help.debug": (
        "tampilkan jejak pemanggilan (traceback) bila terjadi kesalahan",
        "show a traceback on errors",
    ),
    "cli.help.cases": (
        "berkas kasus TOML, atau folder berisi berkas kasus (setiap *.toml di dalamnya,"
        " termasuk di subfolder); - membaca satu kasus dari masukan standar",
        "case file(s) in TOML, or folder(s) of them (every *.toml inside, recursively);"
        " - reads one case from standard input",
    ),
    "cli.help.jobs": (
        "kerjakan N kasus sekaligus dalam N proses (0: satu proses per inti prosesor; bawaan 1)",
        "work on N cases at a time in N processes (0: one per core; default 1)",
    ),
    "cli.help.rules": (
        "aturan penilaian yang dipakai, menggantikan aturan yang disebut dalam kasus",
        "rule set to use instead of the case's own",
    ),
    "cli.help.format": (
        "table (bawaan); markdown atau html: Bab III LKjIP (html dengan grafik); json: kontrak"
        " keluaran; csv: satu baris per indikator (check: satu baris per temuan)",
        "table (default); markdown or html: chapter III of an LKjIP (html with"
        " charts); json: the output contract; csv: one row per indicator (check: per finding)",
    ),
    # ---- issue 15 (sheets)
    "cli.help.format-xlsx": (
        "xlsx: buku kerja Excel berisi tabel Bab III (perlu paket tambahan [xlsx] dan -o BERKAS)",
        "xlsx: an Excel workbook of the chapter III tables (needs the [xlsx] extra and -o FILE)",
    ),
    "error.cli.binary-to-terminal": (
        "format {format} adalah berkas biner dan tidak ditulis ke terminal: berikan -o BERKAS",
        "the {format} format is a binary file and is not written to a terminal: give -o FILE",
    ),
    "cli.help.lang": (
        "bahasa label dan notasi angka (bawaan: id)",
        "language of labels and notation (default: id)",
    ),
    "cli.help.output": (
        "tulis ke BERKAS (secara atomik) alih-alih ke keluaran standar",
        "write to FILE (atomically) instead of standard output",
    ),
    "cli.help.max-file-size": (
        "tolak berkas yang lebih besar dari ini, misalnya 64M"
        " (bawaan: $KINERJA_MAX_FILE_BYTES atau 64M)",
        "refuse files larger than this, e.g. 64M (default: $KINERJA_MAX_FILE_BYTES or 64M)",
    ),
    "cli.help.max-depth": (
        "tolak tabel atau larik yang bersarang lebih dalam (bawaan: $KINERJA_MAX_DEPTH atau 32)",
        "refuse tables or arrays nested deeper (default: $KINERJA_MAX_DEPTH or 32)",
    ),
    "cli.help.evaluate": (
        "menilai setiap indikator dalam kasus",
        "evaluate every indicator of a case",
    ),
    "cli.help.trace": (
        "tampilkan setiap rumus dengan nilai masukannya",
        "show each formula with its inputs substituted",
    ),
    "cli.help.check": (
        "mereviu setiap angka yang tercetak dalam kasus",
        "audit every printed figure of a case",
    ),
    "cli.help.fail-on": (
        "keluar dengan kode 1 bila ada temuan setingkat ini atau lebih berat (bawaan: error)",
        "exit 1 when a finding at or above this severity exists (default: error)",
    ),
    "cli.help.checks": (
        "tampilkan daftar pemeriksaan dalam reviu",
        "list the audit's catalogue of checks",
    ),
    "cli.help.import": (
        "buat berkas kasus dari lembar kerja (CSV atau Excel .xlsx) berisi indikator",
        "make a case file from a spreadsheet (CSV or Excel .xlsx) of indicators",
    ),
    "cli.help.import-file": (
        "CSV atau buku kerja Excel dari aplikasi pelaporan; - untuk masukan standar",
        "CSV or Excel workbook from a reporting application; - for standard input",
    ),
    "cli.help.import-output": (
        "tulis kasusnya ke sini (bawaan: keluaran standar)",
        "write the case here (default: standard output)",
    ),
    "cli.help.agency": (
        "nama instansi, bila berkas tidak memiliki kolom instansi",
        "the agency, when the file has no agency column",
    ),
    "cli.help.year": (
        "tahun laporan, bila berkas tidak menyebutkannya",
        "the report year, when the file does not name it",
    ),
    "cli.help.import-rules": (
        "aturan penilaian yang disebut dalam kasus",
        "the rule set the case names",
    ),
    "cli.help.notation": (
        "notasi angka dalam sel: id 1.234,5 (bawaan) atau en 1,234.5",
        "number notation of the cells: id 1.234,5 (default) or en 1,234.5",
    ),
    "cli.help.force": (
        "timpa berkas --output yang sudah ada",
        "replace an existing --output file",
    ),
    "cli.help.schema": (
        "cetak JSON Schema format kasus, format aturan penilaian, atau keluaran JSON",
        "print the JSON Schema of the case or rule-set format, or of the JSON output",
    ),
    "cli.help.rules-command": (
        "daftar, tampilkan, atau periksa aturan penilaian",
        "list, show or check rule sets",
    ),
    "cli.help.rules-list": (
        "tampilkan daftar aturan penilaian bawaan",
        "list the shipped rule sets",
    ),
    "cli.help.rules-show": (
        "tampilkan aturan penilaian setelah extends diterapkan",
        "show a rule set with extends applied",
    ),
    "cli.help.rules-check": (
        "periksa berkas aturan: rumus, pita kategori, extends",
        "check a rules file: formulas, bands, extends",
    ),
    # ---- issue 15 (lang2): the placeholders of the help (argparse's metavars), in words
    # of the help's language; an error naming an empty one says it the same way.
    "cli.metavar.command": ("PERINTAH", "COMMAND"),
    "cli.metavar.action": ("TINDAKAN", "ACTION"),
    "cli.metavar.case": ("KASUS", "CASE"),
    "cli.metavar.rules": ("NAMA|JALUR", "NAME|PATH"),
    "cli.metavar.file": ("BERKAS", "FILE"),
    "cli.metavar.sheet": ("BERKAS.csv|BERKAS.xlsx", "FILE.csv|FILE.xlsx"),
    "cli.metavar.case-file": ("KASUS.toml", "CASE.toml"),
    "cli.metavar.bytes": ("UKURAN", "BYTES"),
    "cli.metavar.levels": ("TINGKAT", "LEVELS"),
    "cli.metavar.agency": ("INSTANSI", "AGENCY"),
    "cli.metavar.year": ("TAHUN", "YEAR"),
    # ---- issue 15 (voice): argparse's own words, which it says through gettext; the English
    # is argparse's text exactly (cli/main.py looks each up by it), the Indonesian replaces it.
    "cli.argparse.usage": ("penggunaan: ", "usage: "),
    "cli.argparse.positionals": ("argumen posisi", "positional arguments"),
    "cli.argparse.options": ("opsi", "options"),
    "cli.argparse.error": ("%(prog)s: kesalahan: %(message)s\n", "%(prog)s: error: %(message)s\n"),
    "cli.argparse.argument": (
        "argumen %(argument_name)s: %(message)s",
        "argument %(argument_name)s: %(message)s",
    ),
    "cli.argparse.required": (
        "argumen berikut wajib diisi: %s",
        "the following arguments are required: %s",
    ),
    "cli.argparse.unrecognized": ("argumen tidak dikenal: %s", "unrecognized arguments: %s"),
    "cli.argparse.invalid-choice": (
        "pilihan tidak sah: %(value)r (pilih salah satu dari %(choices)s)",
        "invalid choice: %(value)r (choose from %(choices)s)",
    ),
    "cli.argparse.invalid-value": (
        "nilai %(type)s tidak sah: %(value)r",
        "invalid %(type)s value: %(value)r",
    ),
    "cli.argparse.one-argument": ("memerlukan satu nilai", "expected one argument"),
    "cli.argparse.at-least-one": (
        "memerlukan sedikitnya satu nilai",
        "expected at least one argument",
    ),
    "cli.argparse.ambiguous": (
        "opsi ambigu: %(option)s bisa berarti %(matches)s",
        "ambiguous option: %(option)s could match %(matches)s",
    ),
    # What the command line says about its own work.
    "cli.said": ("kinerja: {text}", "kinerja: {text}"),
    "cli.interrupted": ("dihentikan", "interrupted"),
    "cli.rules-ok": (
        "{file}: ok: aturan {name!r} ({version}), {bands} pita kategori, {flags} penanda",
        "{file}: ok: rule set {name!r} ({version}), {bands} category bands, {flags} flags",
    ),
    "cli.checks-row": (
        "{code:{width}}  {severity:10}  toleransi {tolerance:10}  {description}",
        "{code:{width}}  {severity:10}  tolerance {tolerance:10}  {description}",
    ),
    "cli.import.no-direction": (
        "tidak ada kolom arah (polaritas): {count} indikator dianggap higher_is_better"
        " (semakin tinggi semakin baik); periksa dan ubah di berkas kasus",
        "no direction column: every indicator ({count}) is taken as higher_is_better;"
        " check them and change any in the case file",
    ),
    "cli.import.wrote": (
        "{output} ditulis: {count} indikator",
        "wrote {output}: {count} indicators",
    ),
    "cli.summary.files": (
        "{files} berkas, {indicators} indikator",
        "{files} files, {indicators} indicators",
    ),
    "cli.summary.findings": (
        "{counted}, temuan: {error} kesalahan, {warning} peringatan, {info} info",
        "{counted}, findings: {error} errors, {warning} warnings, {info} info",
    ),
    "cli.summary.elapsed": ("{counted}; {seconds} dtk", "{counted}; {seconds} s"),
    # ---- issue 15 (term)
    # Progress on standard error while a long run works (a terminal only).
    "progress.loading": ("memuat", "loading"),
    "progress.evaluating": ("mengevaluasi", "evaluating"),
    "progress.checking": ("memeriksa", "checking"),
    "progress.files": ("berkas", "files"),
    "progress.rate": ("{rate}/dtk", "{rate}/s"),
    "progress.left": ("sisa {left}", "{left} left"),
    "progress.elapsed": ("sudah {elapsed}", "{elapsed} so far"),
    "error.cli.internal": (
        "kesalahan internal ({what}); ini bug: jalankan dengan --debug untuk rinciannya, lalu"
        " laporkan",
        "internal error ({what}); this is a bug, run with --debug for the traceback and report it",
    ),
    "error.cli.jobs": (
        "diharapkan bilangan bulat 0 atau lebih, bukan {text!r}",
        "expected a whole number of 0 or more, not {text!r}",
    ),
    "error.cli.overwrite-input": (
        "--output {output} akan menimpa berkas masukan {name}; pilih berkas lain",
        "--output {output} would overwrite the input file {name}; choose another file",
    ),
    "error.cli.cannot-write": (
        "tidak dapat menulis --output {output}: {reason}",
        "cannot write --output {output}: {reason}",
    ),
    "error.cli.cannot-replace": (
        "tidak dapat menulis --output {output}: {reason}; berkas sebelumnya tidak berubah",
        "cannot write --output {output}: {reason}; the previous file is unchanged",
    ),
    "error.cli.stdin-twice": (
        "masukan standar (-) hanya dapat dibaca sekali",
        "standard input (-) can be read only once",
    ),
    "error.cli.output-exists": (
        "{output} sudah ada; impor tidak menimpa berkas kasus (mungkin berisi suntingan Anda):"
        " pakai --force atau nama lain",
        "{output} exists; the import does not replace a case file (it may hold your edits):"
        " use --force or another name",
    ),
    "error.cli.empty-path": (
        "{option} kosong; beri nama berkas (variabel shell yang tidak diisi?)",
        "{option} is empty; give a file name (an unset shell variable?)",
    ),
    "cli.terminated": ("dihentikan oleh sinyal {signal}", "stopped by signal {signal}"),
    "error.load.file-size-range": (
        "{text!r} bukan batas ukuran berkas dari 1 byte sampai {most} byte",
        "{text!r} is not a file size limit from 1 byte to {most} bytes",
    ),
    "expected.load.file-size-range": (
        "jumlah byte dari 1 sampai {most}, boleh dengan k, M atau G (misalnya 64M)",
        "a number of bytes from 1 to {most}, optionally with k, M or G (e.g. 64M)",
    ),
    "error.api.empty-folder": (
        "folder ini tidak berisi berkas kasus (*.toml)",
        "the folder holds no case file (*.toml)",
    ),
    "expected.api.folder": ("folder berisi berkas kasus *.toml", "a folder with *.toml case files"),
    "error.api.too-large": (
        "{what} melebihi batas {limit} byte",
        "{what} is larger than the limit of {limit} bytes",
    ),
    "expected.api.too-large": (
        "paling banyak {limit} byte (--max-file-size)",
        "at most {limit} bytes (--max-file-size)",
    ),
    "api.stdin": ("masukan standar", "standard input"),
    # A program's misuse of the API (a ValueError, in English: its reader is a programmer).
    "error.api.jobs": (
        "jobs harus 1 atau lebih (0: satu per inti prosesor), bukan {jobs}",
        "jobs must be 1 or more (0: one per core), not {jobs}",
    ),
    "error.api.unknown-format": (
        "format {fmt!r} tidak dikenal: seharusnya salah satu dari {formats}",
        "unknown format {fmt!r}: expected one of {formats}",
    ),
    "error.api.rules-format": (
        "aturan penilaian hanya dapat ditampilkan sebagai table, bukan {fmt!r}",
        "a rule set renders as a table only, not {fmt!r}",
    ),
    "error.api.case-format": (
        "format {fmt} menampilkan kasusnya: berikan case= atau hasil dari run()",
        "the {fmt} format shows the case: give case= or items from run()",
    ),
    "error.api.not-kept": (
        "hasil ini berasal dari run(keep=False): tidak memuat kasus untuk ditampilkan",
        "this item came from run(keep=False): it holds no case to show",
    ),
    "error.api.report-needs-case": (
        "laporan memerlukan case= untuk ditampilkan dalam format ini",
        "a report needs its case= to be shown in this format",
    ),
    # ---- issue 15 (outschema): the JSON Schemas of the JSON output, beside the inputs'
    "cli.help.schema-kind": (
        "case, rules: format masukan; report, summary, compare: keluaran --format json "
        "dari evaluate/check, check --summary, dan compare",
        "case, rules: the input formats; report, summary, compare: the --format json "
        "output of evaluate/check, check --summary and compare",
    ),
    # ------------------------------------------------------------------ why a figure is not computed
    # An IndicatorResult's or ObjectiveResult's reason (English) and reason_id (Indonesian).
    "reason.no-target": ("target tahun ini tidak ditetapkan", "no target is set for the year"),
    "reason.target-not-positive": (
        "target {target} tidak di atas nol, capaian tidak terdefinisi",
        "the target {target} is not above zero, so capaian is undefined",
    ),
    "reason.no-realisasi": ("realisasi belum dilaporkan", "no realisasi has been reported"),
    "reason.no-capaian-value": (
        "rumus capaian tidak menghasilkan nilai untuk masukan ini",
        "the capaian formula has no value for these inputs",
    ),
    "reason.rollup.nothing-computed": (
        "tidak ada indikator sasaran ini yang capaiannya terhitung",
        "no indicator of the objective has a computed capaian",
    ),
    "reason.rollup.geometric-mean": (
        "rata-rata geometrik memerlukan setiap capaian di atas nol",
        "a geometric mean needs every capaian above zero",
    ),
    "reason.rollup.no-weight": (
        "indikator {id!r} tidak punya bobot dalam aturan maupun pagu",
        "indicator {id!r} has neither a weight in the rule set nor a pagu",
    ),
    "reason.rollup.zero-weights": (
        "jumlah bobot indikator sasaran ini nol",
        "the weights of the objective's indicators add up to zero",
    ),
    # ------------------------------------------------------------------ a document's shape
    # A value as a message names it (the found of "expected X, found Y").
    "value.boolean": ("boolean {value}", "the boolean {value}"),
    "value.text": ("teks {text!r}", "the text {text!r}"),
    "value.number": ("angka {number}", "the number {number}"),
    "value.array": ("larik", "an array"),
    "value.whole-number": ("bilangan bulat", "a whole number"),
    "value.true-false": ("true atau false", "true or false"),
    "value.one-of": ("salah satu dari {choices}", "one of {choices}"),
    "value.single": ("satu nilai", "a single value"),
    "value.word-text": ("teks", "text"),
    "error.shape.expected": (
        "seharusnya {expected}, tertulis {found}",
        "expected {expected}, found {found}",
    ),
    "error.shape.single-table": (
        "seharusnya larik tabel ([[{header}]]), tertulis satu tabel ([{header}])",
        "expected an array of tables ([[{header}]]), found a single table ([{header}])",
    ),
    "hint.shape.double-brackets": (
        "tulis [[{header}]] (kurung ganda) untuk setiap entri",
        "write [[{header}]] (double brackets) for each entry",
    ),
    "error.shape.tuple-length": (
        "seharusnya larik berisi {count} nilai, tertulis {found}",
        "expected an array of {count} values, found {found}",
    ),
    "expected.shape.values": ("{count} nilai", "{count} values"),
    "error.shape.not-one-of": (
        "{found} bukan salah satu dari {choices}",
        "{found} is not one of {choices}",
    ),
    "error.shape.expected-detail": (
        "seharusnya {expected} ({detail})",
        "expected {expected} ({detail})",
    ),
    "error.shape.expected-table": ("seharusnya tabel", "expected a table"),
    "error.shape.missing-key": (
        "kunci wajib {key!r} tidak ada",
        "required key {key!r} is missing",
    ),
    "expected.shape.value-for": ("nilai untuk {key!r}", "a value for {key!r}"),
    "error.shape.unknown-key": ("kunci tidak dikenal {listed}", "unknown key {listed}"),
    "error.shape.unknown-keys": ("kunci tidak dikenal {listed}", "unknown keys {listed}"),
    "error.shape.allowed-keys": (
        "{message}; kunci yang boleh di sini: {known}",
        "{message}; the keys allowed here are {known}",
    ),
    # ------------------------------------------------------------------ a case's figures and units
    "error.figure.no-value-here": (
        "'-' (tanpa nilai) tidak boleh di sini",
        "'-' (no value) is not allowed here",
    ),
    "value.a-number": ("angka", "a number"),
    "error.figure.range-ends": (
        "rentang target punya dua ujung, tertulis {count} nilai",
        "a target range has two ends, found {count} values",
    ),
    "error.figure.printed": (
        "seharusnya angka tercetak (teks atau angka), tertulis {found}",
        "expected a printed figure (text or number), found {found}",
    ),
    # `expected=` of the rule-set and case checks and the CSV importer: English in the
    # errors' data (as every `expected` is), Indonesian for a reader of the catalogue.
    "expected.rules.places": ("0 sampai {most}", "0 to {most}"),
    "expected.rules.cap": ("batas atas paling sedikit {floor}", "a cap of at least {floor}"),
    "expected.rules.check-code": (
        "kode yang tercantum di `kinerja checks`",
        "a code listed by `kinerja checks`",
    ),
    "expected.rules.below": ("di bawah {most}", "below {most}"),
    "expected.rules.zero-or-more": ("nol atau lebih", "zero or more"),
    "expected.rules.flag-code": (
        "kode seperti 'low-absorption'",
        "a code such as 'low-absorption'",
    ),
    "expected.rules.one-of": ("salah satu dari {names}", "one of {names}"),
    "expected.rules.a-band": ("paling sedikit satu rentang", "at least one band"),
    "expected.rules.label": ("label seperti 'Sangat Tinggi'", "a label such as 'Sangat Tinggi'"),
    "expected.rules.lower-upper": ("batas bawah <= batas atas", "lower <= upper"),
    "expected.rules.no-overlap": ("rentang yang tidak berbagi nilai", "bands that share no value"),
    "expected.rules.domain": (
        "[low, high] dengan low di bawah high",
        "[low, high] with low below high",
    ),
    "expected.rules.no-gap": (
        "rentang yang mencakup setiap nilai tanpa celah",
        "bands that cover every value without a gap",
    ),
    "expected.case.year": ("tahun, misalnya 2021", "a year such as 2021"),
    "expected.case.range": ("[low, high] dengan low <= high", "[low, high] with low <= high"),
    "expected.case.budget-tree": (
        "setiap baris dijumlahkan ke baris di atasnya",
        "each line summing into a line above it",
    ),
    "expected.case.decimal": ("sebuah decimal.Decimal", "a decimal.Decimal"),
    "expected.case.id": ("id seperti 'koperasi-sehat'", "an id such as 'koperasi-sehat'"),
    "expected.case.id-once": ("id yang dipakai sekali saja", "an id used once"),
    "expected.case.where": (
        "tabel atau paragrafnya, misalnya 'Tabel 3'",
        "the table or paragraph, e.g. 'Tabel 3'",
    ),
    "expected.case.amount": ("jumlah nol atau lebih", "an amount of zero or more"),
    "expected.csv.header": (
        "baris judul seperti: Indikator;Satuan;Target;Realisasi;Pagu;Realisasi Anggaran",
        "a header row such as: Indikator;Satuan;Target;Realisasi;Pagu;Realisasi Anggaran",
    ),
    "expected.csv.one-column": ("satu kolom untuk setiap angka", "one column per figure"),
    "expected.csv.column": (
        "kolom bernama, misalnya, {names}",
        "a column named, for example, {names}",
    ),
    "expected.csv.figure": (
        "angka, atau '-' bila tidak ada",
        "a figure, or '-' when there is none",
    ),
    "expected.csv.direction": (
        "positif / higher_is_better, negatif / lower_is_better, rentang / within_range",
        "positif / higher_is_better, negatif / lower_is_better, rentang / within_range",
    ),
    "expected.csv.cells": (
        "{count} sel dipisahkan {delimiter!r}",
        "{count} cells separated by {delimiter!r}",
    ),
    "expected.csv.text-file": (
        "berkas teks CSV; simpan lembar kerja sebagai CSV (UTF-8)",
        "a CSV text file; save the sheet as CSV (UTF-8)",
    ),
    "expected.csv.save-utf8": (
        "teks UTF-8; simpan lembar kerja sebagai 'CSV UTF-8'",
        "UTF-8 text; save the sheet as 'CSV UTF-8'",
    ),
    "expected.csv.unit": (
        "satuan seperti tercetak: %, Rp, orang, indeks …",
        "the unit as printed: %, Rp, orang, indeks …",
    ),
    "expected.csv.agency": ("--agency 'Dinas …'", "--agency 'Dinas …'"),
    "expected.csv.year": ("--year 2021", "--year 2021"),
    "expected.case.objective-id": ("id [[objective]]: {ids}", "an [[objective]] id: {ids}"),
    "expected.case.objective-id-none": (
        "id [[objective]] (belum ada yang dinyatakan)",
        "an [[objective]] id (none declared)",
    ),
    "expected.case.budget-id": ("id [[budget]]: {ids}", "a [[budget]] id: {ids}"),
    "expected.case.budget-id-none": (
        "id [[budget]] (belum ada yang dinyatakan)",
        "a [[budget]] id (none declared)",
    ),
    "expected.figure.number": (
        "angka dalam notasi Indonesia, misalnya 1.418.633.200,00 atau 87,08 %",
        "a number in Indonesian notation, e.g. 1.418.633.200,00 or 87,08 %",
    ),
    "expected.figure.printed": (
        "angka atau teks seperti tercetak",
        "a number or the text as printed",
    ),
    "error.figure.history": (
        "seharusnya tabel tahun, tertulis {found}",
        "expected a table of years, found {found}",
    ),
    "error.figure.history-year": (
        "kunci history {year!r} bukan tahun",
        "history key {year!r} is not a year",
    ),
    "expected.figure.year": ("tahun, misalnya 2020", "a year such as 2020"),
    "unit.minutes": ("menit", "minutes"),
    "unit.months": ("bulan", "months"),
    "error.unit.percent": (
        "{raw!r} berupa persen, padahal satuan indikator {unit!r}",
        "{raw!r} is a percentage but the indicator's unit is {unit!r}",
    ),
    "expected.unit.figure-in": ("angka dalam {unit}", "a figure in {unit}"),
    "error.unit.rupiah": (
        "{raw!r} berupa rupiah, padahal satuan indikator '%'",
        "{raw!r} is a rupiah amount but the indicator's unit is '%'",
    ),
    "expected.unit.percentage": ("persentase", "a percentage"),
    "error.unit.duration-in": ("{key} dalam {family}", "{key} in {family}"),
    "error.unit.mixed-durations": (
        "angka indikator mencampur durasi menit dan bulan ({listed})",
        "the indicator's figures mix durations in minutes and in months ({listed})",
    ),
    "expected.unit.one-family": (
        "satu keluarga durasi: detik/menit/jam/hari atau bulan/tahun",
        "one duration family: detik/menit/jam/hari or bulan/tahun",
    ),
    "error.unit.duration": (
        "{raw!r} berupa durasi, dibaca dalam {family}, padahal satuan indikator {unit!r}",
        "{raw!r} is a duration, read in {family}, but the indicator's unit is {unit!r}",
    ),
    "error.unit.and-plain": (
        "{message} dan {key} angka biasa",
        "{message} and {key} is a plain number",
    ),
    "expected.unit.figures-in": ("angka dalam {unit}", "figures in {unit}"),
    "hint.unit.one-kind": (
        "tulis semua angka sebagai angka biasa dalam {unit}, atau semuanya sebagai durasi",
        "write every figure as a plain number of {unit}, or every figure as a duration",
    ),
    # ---- issue 16 (model): bounds, counts and past years' targets in a case
    "error.figure.bounds": (
        "seharusnya dua batas [bawah, atas], tertulis {found}",
        "expected two bounds [low, high], found {found}",
    ),
    "error.figure.bounds-order": (
        "batas bawah {low} lebih besar dari batas atas {high}",
        "the lower bound {low} is above the upper bound {high}",
    ),
    "error.figure.count": (
        "seharusnya tabel {{ numerator = …, denominator = … }}, tertulis {found}",
        "expected a table {{ numerator = …, denominator = … }}, found {found}",
    ),
    "error.figure.count-negative": (
        "pembilang {value} negatif, padahal jumlah tidak mungkin kurang dari nol",
        "the numerator {value} is negative; a count cannot be below zero",
    ),
    "error.figure.count-denominator": (
        "penyebut {value} harus lebih dari nol",
        "the denominator {value} must be above zero",
    ),
    "error.figure.count-too-large": (
        "persentase dari pembilang dan penyebut ini melampaui batas angka (10^21)",
        "the percentage these counts give exceeds the bound of a figure (10^21)",
    ),
    "error.figure.count-and-figure": (
        "{figure} dan {counted} sama-sama diisi; {figure} dihitung dari {counted}",
        "both {figure} and {counted} are given; {counted} gives the {figure}",
    ),
    "expected.figure.one-of": (
        "salah satu dari {figure} dan {counted}",
        "one of {figure} and {counted}",
    ),
    "expected.figure.count-numerator": ("pembilang nol atau lebih", "a numerator of zero or more"),
    "expected.figure.count-denominator": ("penyebut lebih dari nol", "a denominator above zero"),
    # ------------------------------------------------------------------ rules files and extends
    "error.rulesfile.unknown": (
        "aturan {name!r} tidak dikenal: bukan aturan bawaan ({names}) dan bukan jalur ke berkas"
        " .toml",
        "unknown rule set {name!r}: not a shipped rule set ({names}) nor a path to a .toml file",
    ),
    "expected.rulesfile.name": (
        "aturan bawaan ({names}) atau jalur ke berkas .toml",
        "a shipped rule set ({names}) or a path to a .toml file",
    ),
    "error.rulesfile.is-folder": (
        "berkas aturan {path!r} adalah folder",
        "the rule set file {path!r} is a folder",
    ),
    "error.rulesfile.missing": (
        "berkas aturan {path!r} tidak ada",
        "the rule set file {path!r} does not exist",
    ),
    "expected.rulesfile.path": (
        "nama aturan bawaan atau jalur berkas aturan, relatif terhadap berkas ini",
        "a shipped rule set name or the path of a rules file, relative to this file",
    ),
    "error.rulesfile.extends-itself": (
        "aturan ini memperluas dirinya sendiri",
        "the rule set extends itself",
    ),
    "error.rulesfile.cycle": (
        "aturan ini menjadi bagian dari putaran: {names}",
        "the rule set is part of a cycle: {names}",
    ),
    "expected.rulesfile.chain-ends": (
        "rantai extends yang berujung",
        "a chain of extends that ends",
    ),
    "error.rulesfile.extends-type": (
        "extends harus menyebut aturan, tertulis {found}",
        "extends must name a rule set, found {found}",
    ),
    "expected.rulesfile.extends": ("nama atau jalur aturan", "a rule-set name or path"),
    "error.rulesfile.chain-length": (
        "rantai extends lebih panjang dari {most} aturan",
        "the chain of extends is longer than {most} rule sets",
    ),
    "expected.rulesfile.chain-length": (
        "paling banyak {most} aturan dalam satu rantai",
        "at most {most} rule sets in a chain",
    ),
    # ------------------------------------------------------------------ reading a file: limits, bytes, TOML
    "error.load.file-size": ("{text!r} bukan ukuran berkas", "{text!r} is not a file size"),
    "expected.load.file-size": (
        "jumlah byte positif, boleh dengan k, M atau G (misalnya 64M)",
        "a positive number of bytes, optionally with k, M or G (e.g. 64M)",
    ),
    "hint.load.file-size": ("tulis misalnya 200000 atau 64M", "write e.g. 200000 or 64M"),
    "error.load.depth": (
        "{text!r} bukan kedalaman sarang dari 1 sampai {most}",
        "{text!r} is not a nesting depth from 1 to {most}",
    ),
    "expected.load.depth": (
        "bilangan bulat dari 1 sampai {most}",
        "a whole number from 1 to {most}",
    ),
    "error.load.no-file": ("berkas tidak ditemukan", "no such file"),
    "error.load.folder": ("ini folder, bukan berkas", "is a folder, not a file"),
    "error.load.unreadable": (
        "berkas tidak bisa dibaca: {reason}",
        "cannot read the file: {reason}",
    ),
    "error.load.too-large": (
        "berkas melebihi batas {limit} byte; batas terlampaui di baris ini",
        "the file is above the limit of {limit} bytes; it passes the limit on this line",
    ),
    "expected.load.at-most-bytes": ("paling banyak {limit} byte", "at most {limit} bytes"),
    "hint.load.raise-size": (
        "naikkan batas dengan --max-file-size atau {env} bila berkasnya benar",
        "raise the limit with --max-file-size or {env} if the file is right",
    ),
    "expected.load.utf8": ("teks UTF-8", "UTF-8 text"),
    "hint.load.save-utf8": ("simpan berkas sebagai UTF-8", "save the file as UTF-8"),
    "error.load.binary": (
        "ini berkas biner, bukan teks TOML (ada byte NUL)",
        "this is a binary file, not TOML text (it contains a NUL byte)",
    ),
    "expected.load.toml-text": ("berkas teks TOML", "a TOML text file"),
    "expected.load.toml-document": ("dokumen TOML", "a TOML document"),
    "error.load.too-deep": (
        "tabel atau larik bersarang lebih dari {limit} tingkat",
        "tables or arrays nest more than {limit} levels deep",
    ),
    "expected.load.at-most-levels": ("paling banyak {limit} tingkat", "at most {limit} levels"),
    "hint.load.raise-depth": (
        "naikkan batas dengan --max-depth atau {env} bila berkasnya benar",
        "raise the limit with --max-depth or {env} if the file is right",
    ),
    "error.load.huge-number": (
        "angka di sini terdiri dari ribuan digit, terlalu banyak untuk sebuah angka",
        "a number here has thousands of digits, far too many to be a figure",
    ),
    "expected.load.figure": ("angka di bawah 10^21", "a figure below 10^21"),
    # reading a file: the library's arguments, encodings, years (issue 14)
    "hint.load.save-utf8-how": (
        "buka di editor teks, pilih Simpan Sebagai, lalu pengodean UTF-8, bukan {encoding}"
        " atau 'Unicode'",
        "open it in a text editor, choose Save As, then the encoding UTF-8 rather than"
        " {encoding} or 'Unicode'",
    ),
    "error.load.nul-in-path": (
        "nama berkas memuat karakter NUL, jadi tidak menyebut berkas apa pun",
        "the file name contains a NUL character, so it names no file",
    ),
    "expected.load.limit-bytes": (
        "bilangan bulat byte dari 1 sampai {most}",
        "a whole number of bytes from 1 to {most}",
    ),
    "error.load.argument-type": (
        "{name} harus {expected}, bukan {found}",
        "{name} must be {expected}, not {found}",
    ),
    "value.path": ("jalur berkas (str atau Path)", "a file path (str or Path)"),
    "hint.figure.year-digits": (
        'tulis tahun dengan angka 0-9, misalnya "2020"',
        'write the year in the digits 0-9, e.g. "2020"',
    ),
    "error.case.not-decimal": (
        "angka ini bukan Decimal, melainkan {found}",
        "this figure is not a Decimal but {found}",
    ),
    # tomllib's messages, made readable for someone who edits a file by hand.
    "error.toml.invalid": ("bukan TOML yang sah: {reason}", "not valid TOML: {reason}"),
    "error.toml.tomllib": ("{reason}", "{reason}"),
    "error.toml.value": (
        'ini bukan nilai TOML (teks perlu tanda kutip: "..."; desimal memakai titik: 87.5)',
        'this is not a TOML value (text needs quotes: "..."; decimals use a point: 87.5)',
    ),
    "error.toml.statement": (
        "baris ini bukan kunci = nilai dan bukan kepala [tabel]",
        "this line is neither key = value nor a [table] header",
    ),
    "error.toml.after-value": (
        "ada sesuatu setelah nilai di baris yang sama",
        "something follows the value on the same line",
    ),
    "error.toml.equals": ("seharusnya ada '=' setelah kunci", "expected '=' after the key"),
    "error.toml.key-start": (
        "kunci tidak boleh diawali karakter ini (beri tanda kutip pada kunci)",
        "a key cannot start with this character (quote the key)",
    ),
    "error.toml.table-header": (
        "kepala [tabel] tidak ditutup dengan ']'",
        "the [table] header is not closed with ']'",
    ),
    "error.toml.array-header": (
        "kepala [[larik]] tidak ditutup dengan ']]'",
        "the [[array]] header is not closed with ']]'",
    ),
    "error.toml.unclosed-array": (
        "larik tidak ditutup dengan ']'",
        "the array is not closed with ']'",
    ),
    "error.toml.unclosed-inline-table": (
        "tabel sebaris tidak ditutup dengan {close} di baris yang sama",
        "the inline table is not closed with {close} on the same line",
    ),
    "error.toml.unclosed-string": (
        "teks tidak ditutup dengan tanda kutipnya",
        "the text is not closed with its quote",
    ),
    "error.toml.backslash": (
        "'\\' dalam teks harus ditulis '\\\\' (atau pakai 'kutip tunggal')",
        "a '\\' in quoted text must be written '\\\\' (or use 'single quotes')",
    ),
    "error.toml.string-line-end": (
        "teks tidak ditutup dengan tanda kutipnya sebelum akhir baris",
        "the text is not closed with its quote before the end of the line",
    ),
    "error.toml.character-in-text": (
        "karakter {character} tidak boleh ada dalam teks",
        "the character {character} is not allowed in text",
    ),
    "error.toml.character": (
        "karakter {character} tidak boleh ada di sini",
        "the character {character} is not allowed here",
    ),
    "error.toml.expected-before-end": (
        "seharusnya ada {what} sebelum akhir berkas",
        "expected {what} before the end of the file",
    ),
    "error.toml.hex": ("escape \\u dalam teks tidak sah", "invalid \\u escape in text"),
    "error.toml.scalar": (
        "escape \\u bukan karakter yang sah",
        "the \\u escape is not a valid character",
    ),
    "error.toml.date": ("tanggal atau waktu tidak sah", "invalid date or time"),
    "error.toml.declared-twice": (
        "tabel {key} dideklarasikan dua kali",
        "the table {key} is declared twice",
    ),
    "error.toml.overwrite": ("kunci ini sudah punya nilai", "this key already has a value"),
    "error.toml.inline-key-twice": (
        "kunci {key} muncul dua kali dalam tabel sebaris",
        "the key {key} appears twice in the inline table",
    ),
    "error.toml.inline-extended": (
        "{key} sudah ditulis sebaris dan tidak bisa ditambah di sini",
        "{key} was written inline and cannot be extended here",
    ),
    "error.toml.redefined": (
        "tabel {key} sudah didefinisikan",
        "the table {key} is already defined",
    ),
    "hint.toml.decimal-point": (
        "angka TOML memakai titik desimal (56.5); atau tulis angka seperti tercetak, dengan"
        ' tanda kutip: "56,5"',
        "a TOML number uses a decimal point (56.5); or write the figure as printed, in"
        ' quotes: "56,5"',
    ),
    "hint.toml.quote-printed": (
        'untuk menulis angka seperti tercetak, beri tanda kutip: "56 %"',
        'to write a figure as printed, put it in quotes: "56 %"',
    ),
    # ------------------------------------------------------------------ the formula language
    "value.a-condition": ("kondisi", "a condition"),
    "error.formula.kind": (
        "kind harus 'number' atau 'condition', bukan {kind!r}",
        "kind must be 'number' or 'condition', not {kind!r}",
    ),
    "error.formula.result-too-large": (
        "hasil '{source}' adalah {shown}, terlalu besar untuk sebuah angka (10^{digits} atau"
        " lebih)",
        "the result of '{source}' is {shown}, too large for a figure (10^{digits} or more)",
    ),
    "expected.formula.result-below": ("hasil di bawah 10^{digits}", "a result below 10^{digits}"),
    "error.formula.division-by-zero": (
        "pembagian dengan nol dalam '{source}'",
        "division by zero in '{source}'",
    ),
    "error.formula.overflow": (
        "luapan aritmetika dalam '{source}'",
        "arithmetic overflow in '{source}'",
    ),
    "error.formula.invalid-arithmetic": (
        "operasi aritmetika tidak sah dalam '{source}'",
        "invalid arithmetic in '{source}'",
    ),
    "error.formula.too-long": (
        "rumus terlalu panjang: {length} karakter (paling banyak {most})",
        "formula is too long: {length} characters (at most {most})",
    ),
    "expected.formula.at-most-characters": (
        "paling banyak {most} karakter",
        "at most {most} characters",
    ),
    "error.formula.wrong-type": (
        "rumus harus menghasilkan {wanted}, tetapi menghasilkan {found}",
        "the formula must give {wanted}, but it gives {found}",
    ),
    "error.formula.character": ("karakter tidak dikenal {char!r}", "unexpected character {char!r}"),
    "expected.formula.token": (
        "angka, nama, operator, '(', ')' atau ','",
        "a number, a name, an operator, '(', ')' or ','",
    ),
    "error.formula.malformed-number": ("angka tidak sah '{text}'", "malformed number '{text}'"),
    "expected.formula.number": ("angka seperti 12 atau 0.5", "a number such as 12 or 0.5"),
    "error.formula.end": ("rumus berakhir terlalu cepat", "unexpected end of formula"),
    "formula.token.number": ("angka {text}", "number {text}"),
    "formula.token.name": ("nama '{text}'", "name '{text}'"),
    "error.formula.unexpected": ("{token} tidak diharapkan di sini", "unexpected {token}"),
    "error.formula.too-deep": (
        "rumus bersarang terlalu dalam (lebih dari {most} tingkat)",
        "formula is nested too deeply (more than {most} levels)",
    ),
    "expected.formula.nesting": (
        "paling banyak {most} tingkat sarang",
        "at most {most} levels of nesting",
    ),
    "error.formula.needs": (
        "{what} memerlukan {wanted}, tetapi ini {found}",
        "{what} needs {wanted}, but this is {found}",
    ),
    "error.formula.empty": ("rumus kosong", "empty formula"),
    "expected.formula.operand": ("operan", "an operand"),
    "expected.formula.operator-or-end": (
        "operator atau akhir rumus",
        "an operator or the end of the formula",
    ),
    "error.formula.chained": (
        "perbandingan tidak dapat dirangkai",
        "comparisons cannot be chained",
    ),
    "expected.formula.and-or": (
        "'and' atau 'or' di antara perbandingan",
        "'and' or 'or' between comparisons",
    ),
    "error.formula.unclosed": (
        "kurang ')' untuk menutup '(' di kolom {column}",
        "missing ')' to close the '(' at column {column}",
    ),
    "error.formula.unknown-name": ("nama tidak dikenal '{name}'", "unknown name '{name}'"),
    "expected.formula.no-inputs": (
        "angka (rumus ini tanpa masukan)",
        "a number (this formula has no inputs)",
    ),
    "error.formula.unknown-function": (
        "fungsi tidak dikenal '{name}'",
        "unknown function '{name}'",
    ),
    "error.formula.arguments-at-least": (
        "{name}() memerlukan paling sedikit {count} argumen, diberikan {got}",
        "{name}() takes at least {count} arguments, got {got}",
    ),
    "error.formula.arguments-exactly": (
        "{name}() memerlukan tepat {count} argumen, diberikan {got}",
        "{name}() takes exactly {count} arguments, got {got}",
    ),
    "error.formula.argument-exactly": (
        "{name}() memerlukan tepat {count} argumen, diberikan {got}",
        "{name}() takes exactly {count} argument, got {got}",
    ),
    "error.formula.if-arguments": (
        "{name}() memerlukan tepat {count} argumen, diberikan {got}",
        "{name}() takes exactly {count} arguments (condition, then, else), got {got}",
    ),
    "error.formula.if-condition": (
        "argumen pertama if() harus kondisi, tetapi ini angka",
        "the first argument of if() must be a condition, but this is a number",
    ),
    "expected.formula.condition": (
        "kondisi seperti 'realisasi > target'",
        "a condition such as 'realisasi > target'",
    ),
    "error.formula.if-branches": (
        "kedua cabang if() harus bertipe sama, tetapi yang pertama {first} dan ini {found}",
        "both branches of if() must have the same type, but the first is {first} and this is"
        " {found}",
    ),
    "error.formula.round-places": (
        "argumen kedua round() harus bilangan bulat jumlah angka desimal dari 0 sampai {most},"
        " ditulis sebagai angka biasa",
        "the second argument of round() must be a whole number of decimal places from 0 to"
        " {most}, written as a plain number",
    ),
    "expected.formula.whole-number": ("bilangan bulat seperti 2", "a whole number such as 2"),
    "error.formula.not-a-tree": ("bukan pohon rumus: {op!r}", "not a formula tree: {op!r}"),
    "hint.formula.name": ("{name}", "{name}"),
    "hint.formula.use": ("pakai {what}", "use {what}"),
    "hint.formula.use-either": ("pakai {a} atau {b}", "use {a} or {b}"),
    "hint.formula.compare": ("pakai {op} untuk membandingkan", "use {op} to compare"),
    "hint.formula.write": ("tulis {text}", "write {text}"),
    "hint.formula.percent": (
        "persen adalah angka biasa; tulis '* 100' atau '/ 100'",
        "a percentage is a plain number; write '* 100' or '/ 100'",
    ),
    "hint.formula.power": (
        "tidak ada operator pangkat; tulis perkaliannya",
        "there is no power operator; write the multiplication out",
    ),
    "hint.formula.exponent": (
        "eksponen tidak didukung; tulis angkanya lengkap",
        "exponents are not supported; write the number in full",
    ),
    "hint.formula.operator-between": (
        "beri operator di antara angka dan nama, misalnya '2 * target'",
        "put an operator between a number and a name, e.g. '2 * target'",
    ),
    "hint.formula.decimal-point": (
        "pemisah desimal dalam rumus adalah '.', misalnya 16.82",
        "the decimal separator is '.', e.g. 16.82",
    ),
    "hint.formula.multiply": (
        "beri '*' di antara {name} dan '(' untuk mengalikan",
        "put '*' between {name} and '(' to multiply",
    ),
    "hint.formula.chain": ("tulis 'a < b and b < c'", "write 'a < b and b < c'"),
    # The calculation trace (the JSON "trace" in English, as the contract has it; --trace in
    # a human format follows --lang, rendering/findings.py translating each step).
    "trace.step": (
        "{name} = {source} = {substituted} = {result}",
        "{name} = {source} = {substituted} = {result}",
    ),
    "trace.no-value": ("tidak ada nilai", "no value"),
    "trace.band-no-value": ("{name}: tidak ada nilai", "{name}: no value"),
    "trace.band-none": (
        "{name}: {shown} tidak masuk pita mana pun",
        "{name}: {shown} falls in no band",
    ),
    "trace.band": (
        "{name}: {shown} di {label!r} {bounds}",
        "{name}: {shown} in {label!r} {bounds}",
    ),
    "trace.bounded": (
        "capaian dibatasi menjadi {value} (batas atas {cap}, batas bawah {floor})",
        "capaian bounded to {value} (cap {cap}, floor {floor})",
    ),
    "trace.verdict": (
        "keterangan: {when} bernilai {achieved} -> {verdict}",
        "verdict: {when} is {achieved} -> {verdict}",
    ),
    "trace.efficiency-score": ("skor efisiensi", "efficiency score"),
    # ---- issue 15 (voice)
    "trace.true": ("benar", "True"),
    "trace.false": ("salah", "False"),
    # ------------------------------------------------------------------ reports
    # ---- issue 15 (voice): an optional extra that is not installed
    "error.extra.missing": (
        "pustaka {module} belum terpasang; fitur ini memerlukan paket tambahan '{extra}'",
        "the library {module} is not installed; this needs the optional extra '{extra}'",
    ),
    "hint.extra.install": (
        "pasang dengan: pip install 'kinerja-engine[{extra}]'",
        "install it with: pip install 'kinerja-engine[{extra}]'",
    ),
    # ------------------------------------------------------------------ the audit: findings (kinerja check)
    # A printed field as a finding names it: its label, never the case format's key.
    "field.target": ("target", "target"),
    "field.realisasi": ("realisasi", "realisasi"),
    "field.capaian": ("capaian", "capaian"),
    "field.pagu": ("pagu", "pagu"),
    "field.realisasi-anggaran": ("realisasi anggaran", "budget realisasi"),
    "field.serapan": ("serapan", "serapan"),
    "field.share": ("porsi anggaran", "budget share"),
    "field.progress": ("tingkat kemajuan", "progress"),
    # ---- issue 16 (model)
    "field.numerator": ("pembilang realisasi", "numerator"),
    "field.denominator": ("penyebut realisasi", "denominator"),
    "field.target-numerator": ("pembilang target", "target_numerator"),
    "field.target-denominator": ("penyebut target", "target_denominator"),
    "finding.word-for-number": (
        "{where} mencetak {text!r} di tempat angka {field}",
        "{where} prints {text!r} where the {field} figure belongs",
    ),
    "finding.unit-mismatch": (
        "{where} mencetak {what} {text!r} sebagai {field} (satuan {unit})",
        "{where} prints {what} {text!r} as {field} (unit {unit})",
    ),
    "finding.what.amount": ("jumlah rupiah", "a rupiah amount"),
    "finding.what.percent": ("persen", "a percentage"),
    "finding.percent-over-100": (
        "{where} mencetak {field} {text!r}, di atas 100 %",
        "{where} prints {field} {text!r}, above 100 %",
    ),
    "finding.capaian-implausible": (
        "capaian {value} % di luar batas wajar {low}–{high} %"
        " (realisasi {realisasi}, target {target}){hint}",
        "capaian {value} % is outside the plausible {low}–{high} %"
        " (realisasi {realisasi}, target {target}){hint}",
    ),
    "finding.capaian-implausible.scale": (
        "; bila realisasi dan target pada skala yang sama (faktor 10^{k}) capaian"
        " menjadi {rescaled} %",
        "; with realisasi and target on one scale (a factor of 10^{k}) it would be {rescaled} %",
    ),
    "finding.period-mismatch": (
        "{where} {why}; laporan ini untuk tahun {year}",
        "{where} {why}; the report is for {year}",
    ),
    "finding.period.names-year": (
        "menyebut tahun {named} untuk {fields}",
        "names the year {named} for its {fields}",
    ),
    "finding.period.figures": ("angkanya", "figures"),
    "finding.period.target-beside": (
        "menyandingkan target {named} dengan realisasi {year}",
        "sets the target of {named} beside the realisasi of {year}",
    ),
    "finding.period.only-previous": (
        "hanya memuat angka capaian untuk {named}",
        "gives achievement figures for {named} only",
    ),
    "finding.tie-out": (
        "{field} {year} dicetak dengan {count} nilai berbeda: {listed}",
        "{field} {year} is printed with {count} different values: {listed}",
    ),
    "finding.recalc": (
        "{where} mencetak {field} {text!r}; dari {how} seharusnya {shown}"
        " (selisih {diff} poin, toleransi {tol}){hint}",
        "{where} prints {field} {text!r}; {how} give {shown}"
        " (difference {diff} points, tolerance {tol}){hint}",
    ),
    "finding.recalc.scale": (
        "; cocok bila salah satu angka {scale} kali lebih besar atau kecil",
        "; it matches if a figure was {scale} times larger or smaller",
    ),
    "finding.label-unknown": (
        "{where} mencetak {field} {printed!r}, yang tidak dipakai aturan ({words})",
        "{where} prints the {field} {printed!r}, which the rule set does not use (it uses {words})",
    ),
    "finding.label-mismatch": (
        "{where} mencetak {field} {printed!r}, padahal {why} menghasilkan {derived!r}",
        "{where} prints {field} {printed!r}, but {why} gives {derived!r}",
    ),
    # What a label was held against.
    "finding.basis.capaian": ("capaian {text} ({where})", "capaian {text} ({where})"),
    "finding.basis.capaian-computed": (
        "capaian {shown} % yang dihitung dari {cited}",
        "capaian {shown} % from {cited}",
    ),
    "finding.basis.serapan": ("serapan {text} ({where})", "serapan {text} ({where})"),
    "finding.basis.serapan-case": (
        "serapan dari anggaran pada data kasus",
        "serapan from the case's budget",
    ),
    "finding.basis.both": ("{capaian} dan {serapan}", "{capaian} and {serapan}"),
    "finding.realisasi-missing": (
        "indikator {indicator!r} punya target tetapi tanpa realisasi",
        "indicator {indicator!r} has a target but no realisasi",
    ),
    "finding.comparison-missing": (
        "indikator {indicator!r} tidak punya realisasi {year} sebagai pembanding",
        "indicator {indicator!r} has no realisasi for {year} to compare with",
    ),
    "finding.budget-footing": (
        "{line}: {field} {own} bukan jumlah {count} rinciannya, {total} (selisih {diff})",
        "{line}: {field} {own} is not the sum of its {count} lines, {total} (difference {diff})",
    ),
    "finding.budget-word": (
        "{line}: {text!r} di tempat persentase",
        "{line}: {text!r} where a percentage belongs",
    ),
    "finding.budget-percent-undefined": (
        "{line}: {text!r} dicetak untuk 0 / 0, yang tidak terdefinisi (bukan 0 %)",
        "{line}: {text!r} printed for 0 / 0, which is not defined (not 0 %)",
    ),
    "finding.budget-percent": (
        "{line}: tercetak {text!r}; {realisasi} / {pagu} menghasilkan {shown}"
        " (selisih {diff} poin)",
        "{line}: prints {text!r}; {realisasi} / {pagu} gives {shown} (difference {diff} points)",
    ),
    # A check the audit could not run, and the finding's "expected" column: English in the
    # report's data (the JSON); rendering/findings.py shows them in the reader's language.
    "finding.skipped": ("{code} pada {where} ({indicator})", "{code} at {where} ({indicator})"),
    "finding.expected.at-most-100": ("paling banyak 100", "at most 100"),
    "finding.expected.between": ("{low} sampai {high}", "{low} to {high}"),
    "finding.expected.realisasi": ("realisasi tahun laporan", "the year's realisasi"),
    "finding.expected.realisasi-of": ("realisasi {year}", "the realisasi of {year}"),
    "finding.expected.undefined": ("tidak terdefinisi (-)", "not defined (-)"),
    # ---- issue 19 (evidence)
    "finding.number-notation": (
        "{where} mencetak {field} {text!r} dengan notasi Inggris (titik sebagai tanda"
        " desimal); dibaca {value}",
        "{where} prints {field} {text!r} in English notation (a point before the decimals);"
        " read as {value}",
    ),
    "finding.number-ambiguous": (
        "{where} mencetak {field} {text!r}, yang dapat dibaca dua cara: dibaca {value}"
        " (notasi Inggris, wajar untuk persentase), bukan {other} (notasi Indonesia, titik"
        " sebagai pemisah ribuan)",
        "{where} prints {field} {text!r}, which reads two ways: read as {value} (English"
        " notation, plausible for a percentage), not {other} (Indonesian notation, the point"
        " grouping thousands)",
    ),
    "finding.unit-converted": (
        "{where} mencetak {field} {text!r} dalam satuan {printed_unit}, sedangkan satuan"
        " indikatornya {unit}; dibaca sebagai {value} {unit}",
        "{where} prints {field} {text!r} in {printed_unit} where the indicator's unit is"
        " {unit}; held as {value} {unit}",
    ),
    "finding.unit-noun": (
        "{where} mencetak {field} {text!r} dengan kata satuan {printed_unit!r}, bukan"
        " {unit!r}; dibaca sebagai jumlah {value}",
        "{where} prints {field} {text!r} with the unit word {printed_unit!r}, not {unit!r};"
        " read as a count of {value}",
    ),
    "finding.unit-other": (
        "{where} mencetak {field} {text!r} dalam satuan {printed_unit}, yang tidak dapat"
        " diubah ke satuan {unit}",
        "{where} prints {field} {text!r} in {printed_unit}, which does not convert to {unit}",
    ),
    "finding.printed-undefined": (
        "{where} mencetak {field} {text!r}, padahal dari {how} tidak ada nilai yang dapat dihitung",
        "{where} prints {field} {text!r}, but {how} give no value to compute",
    ),
    "finding.recalc.rounding": (
        "; angka tercetak adalah nilai tepat {exact} yang dibulatkan {rounding}, padahal"
        " aturan membulatkan {rule}",
        "; the printed figure is the exact {exact} rounded {rounding}, where the rule set"
        " rounds {rule}",
    ),
    "finding.recalc.method": (
        "; angka tercetak sama dengan hasil rumus {formula} ({source}), bukan rumus aturan {own}",
        "; the printed figure is what {formula} gives ({source}), not the rule set's {own}",
    ),
    "finding.recalc.method-rounded": (
        "; angka tercetak sama dengan hasil rumus {formula} ({source}) yang dibulatkan"
        " {rounding}, bukan rumus aturan {own}",
        "; the printed figure is what {formula} gives ({source}) rounded {rounding}, not the"
        " rule set's {own}",
    ),
    "finding.recalc.either": ("{a} atau {b}", "{a} or {b}"),
    "rounding.half-up": ("setengah ke atas", "half up"),
    "rounding.half-even": ("setengah ke genap", "half to even"),
    "rounding.down": ("ke bawah (dipotong)", "down (truncated)"),
    # ---- issue 16 (model): bounds, negative capaian, counts, comparison once per case
    "finding.out-of-bounds": (
        "{field} {year} sebesar {text} di luar batas indikator {low}–{high}",
        "the {field} of {year}, {text}, is outside the indicator's bounds {low}–{high}",
    ),
    "finding.capaian-negative": (
        "capaian {year} bernilai negatif, {value} % (realisasi {realisasi}, target {target})",
        "capaian {year} is negative, {value} % (realisasi {realisasi}, target {target})",
    ),
    "finding.count-recalc": (
        "{where}: {field} tercetak {text!r}; {numerator} / {denominator} × 100 = {shown}"
        " (selisih {diff}, toleransi {tol})",
        "{where}: {field} prints {text!r}; {numerator} / {denominator} × 100 = {shown}"
        " (difference {diff}, tolerance {tol})",
    ),
    "finding.count-mismatch": (
        "{where}: {field} tercetak {text!r}, sedangkan data kasus {value}",
        "{where}: the {field} prints {text!r} where the case gives {value}",
    ),
    "finding.comparison-missing.many": (
        "{count} indikator tidak punya realisasi {year} sebagai pembanding: {listed}",
        "{count} indicators have no realisasi for {year} to compare with: {listed}",
    ),
    "finding.comparison-missing.more": (
        "{listed}, dan {count} lainnya",
        "{listed} and {count} more",
    ),
    # ---- issue 15 (voice): a finding as an auditor works through it (rendering/findings.py)
    "field.printed-percent": ("persentase tercetak", "printed percentage"),
    "field.renstra-target": ("target akhir Renstra", "end-of-plan (Renstra) target"),
    "field.total-pagu": ("total pagu", "total pagu"),
    "field.verdict": ("keterangan", "verdict"),
    "field.efficiency": ("efisiensi", "efficiency"),
    "field.category": ("kategori", "category"),
    "field.year": ("tahun", "year"),
    "field.with-year": ("{field} tahun {year}", "{field} of {year}"),
    "where.input": ("data kasus", "case input"),
    "where.history": ("riwayat pada data kasus", "case history"),
    "finding.cited": ("{name} {value} ({where})", "{name} {value} ({where})"),
    "finding.listed": ("{where}: {value}", "{where}: {value}"),
    "finding.short.recalc": ("dihitung dari {inputs}{hint}", "recomputed from {inputs}{hint}"),
    "finding.short.tie-out": (
        "{count} nilai berbeda: {listed}",
        "{count} different values: {listed}",
    ),
    "finding.short.label": ("menurut {why}", "following {why}"),
    "finding.short.period": ("judul {why}", "the heading {why}"),
    "finding.short.footing": (
        "bukan jumlah {count} rinciannya",
        "not the sum of its {count} lines",
    ),
    "finding.short.budget-percent": (
        "dihitung dari realisasi {realisasi} dibagi pagu {pagu}",
        "recomputed from realisasi {realisasi} divided by pagu {pagu}",
    ),
    "finding.short.implausible": (
        "dari realisasi {realisasi} dan target {target}{hint}",
        "from realisasi {realisasi} and target {target}{hint}",
    ),
    "finding.line": (
        "{field}: tercetak {printed}, seharusnya {expected}, selisih {difference}",
        "{field}: printed {printed}, expected {expected}, difference {difference}",
    ),
    "finding.line.no-difference": (
        "{field}: tercetak {printed}, seharusnya {expected}",
        "{field}: printed {printed}, expected {expected}",
    ),
    "finding.summary.indicators": (
        "{description}: {count} indikator ({names})",
        "{description}: {count} indicators ({names})",
    ),
    "finding.summary.lines": (
        "{description}: {count} baris anggaran ({names})",
        "{description}: {count} budget lines ({names})",
    ),
    "finding.summaries": ("Temuan serupa yang diringkas", "Like findings, summarised"),
    "finding.legend": ("Arti kode temuan", "What the codes mean"),
    # ------------------------------------------------------------------ the audit: its catalogue of checks (kinerja checks)
    "check.tolerance.half-unit": (
        "setengah satuan digit terakhir yang dicetak (satu satuan penuh bila aturan"
        " membulatkan ke bawah)",
        "half a unit of the last printed digit (a whole unit when the rule set rounds down)",
    ),
    "check.tolerance.sen": ("0 (sampai sen)", "0 (to the sen)"),
    "check.tolerance.bounds": ("batas [audit] pada aturan", "the rule set's [audit] bounds"),
    "check.capaian-recalc": (
        "capaian tercetak tidak sesuai dengan target dan realisasi",
        "printed capaian does not follow from the target and realisasi (the table's own, else the case's)",
    ),
    "check.serapan-recalc": (
        "serapan anggaran tercetak tidak sesuai dengan pagu dan realisasi anggaran",
        "printed budget absorption does not follow from pagu and the budget realisasi",
    ),
    "check.share-recalc": (
        "porsi anggaran tercetak tidak sesuai dengan pagu indikator dan total belanja",
        "printed budget share does not follow from the indicator's pagu and the agency's total",
    ),
    "check.progress-recalc": (
        "tingkat kemajuan tercetak tidak sesuai dengan realisasi dan target akhir Renstra",
        "printed progress does not follow from realisasi and the end-of-plan (Renstra) target",
    ),
    "check.category-label": (
        "kategori tercetak bukan pita tempat capaian berada",
        "printed category is not the band the capaian falls in",
    ),
    "check.efficiency-label": (
        "label efisiensi tercetak tidak sesuai dengan capaian dan serapan",
        "printed efficiency label is not what capaian and serapan give",
    ),
    "check.verdict-label": (
        "keterangan tercetak (Tercapai / Tidak Tercapai) bertentangan dengan capaian",
        "printed verdict (Tercapai / Tidak Tercapai) contradicts the capaian",
    ),
    "check.label-unknown": (
        "label tercetak di luar kosakata aturan",
        "a printed label outside the rule set's vocabulary",
    ),
    "check.budget-footing": (
        "pagu atau realisasi baris anggaran bukan jumlah rinciannya",
        "a budget line's pagu or realisasi is not the sum of its children",
    ),
    "check.budget-percent": (
        "persentase baris anggaran tidak sesuai dengan jumlahnya",
        "a budget line's printed percentage does not follow from its amounts",
    ),
    "check.budget-percent-undefined": (
        "persentase dicetak untuk baris tanpa pagu (0/0 tidak terdefinisi, bukan 0 %)",
        "a percentage printed for a line with no pagu (0/0 is not defined, not 0 %)",
    ),
    "check.tie-out": (
        "satu besaran dicetak dengan nilai berbeda di tempat berbeda",
        "one quantity printed with different values in different places",
    ),
    "check.word-for-number": (
        "kata dicetak di tempat angka",
        "a word printed where a number belongs",
    ),
    "check.unit-mismatch": (
        "jumlah rupiah di kolom persen, atau persen di kolom jumlah",
        "a rupiah amount in a percent column, or a percentage in an amount column",
    ),
    "check.percent-over-100": (
        "serapan atau porsi anggaran di atas 100 %",
        "serapan or budget share above 100 %",
    ),
    "check.capaian-implausible": (
        "capaian di luar batas wajar, biasanya target atau realisasi pada skala lain",
        "capaian beyond plausible bounds, usually a target or realisasi on another scale",
    ),
    "check.period-mismatch": (
        "tahun pada judul bukan tahun laporan maupun tahun pembanding",
        "a heading year that is neither the report's year nor the comparison year",
    ),
    "check.realisasi-missing": (
        "indikator dengan target tetapi tanpa realisasi",
        "an indicator with a target but no realisasi",
    ),
    "check.comparison-missing": (
        "tidak ada realisasi tahun sebelumnya sebagai pembanding",
        "no realisasi of the previous year to compare with",
    ),
    # ---- issue 19 (evidence)
    "check.number-notation": (
        "angka tercetak dengan notasi Inggris (titik desimal), dibaca sesuai notasinya",
        "a figure printed in English notation (a decimal point), read as such",
    ),
    "check.number-ambiguous": (
        "angka di kolom persen yang dapat dibaca dua cara (1.500: seribu lima ratus atau"
        " satu koma lima)",
        "a figure in a percent column that reads two ways (1.500: fifteen hundred or one"
        " and a half)",
    ),
    "check.unit-converted": (
        "angka tercetak dalam satuan lain dari satuan indikatornya, diubah ke satuan"
        " indikator lalu diperiksa",
        "a figure printed in another unit than its indicator's, converted to that unit and checked",
    ),
    "check.unit-noun": (
        "jumlah yang diikuti kata satuan lain dari satuan indikatornya",
        "a count followed by a unit word other than its indicator's",
    ),
    "check.printed-undefined": (
        "persentase dicetak padahal tidak dapat dihitung (target atau pagu nol)",
        "a percentage printed where none can be computed (a zero target or pagu)",
    ),
    # ---- issue 16 (model)
    "check.figure-out-of-bounds": (
        "target atau realisasi di luar batas yang dinyatakan indikator"
        " (misalnya persentase dari suatu keseluruhan di atas 100)",
        "a target or realisasi outside the bounds the indicator declares"
        " (a share of a whole above 100, say)",
    ),
    "check.capaian-negative": (
        "capaian negatif, tahun laporan atau tahun sebelumnya",
        "a negative capaian, of the report's year or an earlier one",
    ),
    "check.count-recalc": (
        "persentase tercetak yang tidak sesuai dengan pembilang dan penyebutnya",
        "a printed percentage that does not follow from its numerator and denominator",
    ),
    "check.count-mismatch": (
        "pembilang atau penyebut tercetak yang berbeda dari data kasus",
        "a printed numerator or denominator that differs from the case's",
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
    # ---- issue 15 (sheets): chapter III completed, and its workbook
    "chapter.comparison": (
        "Perbandingan Realisasi dengan Tahun Lalu",
        "Actual Compared with Last Year",
    ),
    "chapter.change": ("Perubahan", "Change"),
    "chapter.trend": ("Arah perubahan", "Trend"),
    "chapter.trend.better": ("membaik", "improved"),
    "chapter.trend.worse": ("memburuk", "worsened"),
    "chapter.trend.same": ("tetap", "unchanged"),
    "chapter.budget-lines": (
        "Realisasi Anggaran per Program dan Kegiatan",
        "Budget Realisation per Program and Activity",
    ),
    "chapter.program": ("Program / Kegiatan / Sub Kegiatan", "Program / activity / sub-activity"),
    "chapter.not-computed": ("tidak dapat dihitung: {reason}", "cannot be computed: {reason}"),
    "chapter.iku-sheet": ("Capaian IKU", "KPI achievement"),
    "chapter.budget-lines-sheet": ("Program dan Kegiatan", "Programs and activities"),
    "xlsx.target-high": ("Target batas atas", "Target upper bound"),
    "xlsx.subject": ("Indikator atau baris anggaran", "Indicator or budget line"),
    "xlsx.message": ("Uraian", "Description"),
    "xlsx.exact-column": ("{header} (teks persis)", "{header} (exact text)"),
    "xlsx.agency": ("Instansi pemerintah", "Government agency"),
    "xlsx.year": ("Tahun laporan", "Report year"),
    "xlsx.last-year": ("Realisasi tahun lalu", "Actual last year"),
    # ------------------------------------------------------------------ the plain table (table and markdown formats)
    # `kinerja rules show`: a rule set as a reader wants to see it.
    "rules.show.capaian": ("capaian:", "capaian:"),
    "rules.show.range": ("{direction} (rentang)", "{direction} (range)"),
    "rules.show.alternative": ("alternatif", "alternative"),
    "rules.show.none": ("tidak ada", "none"),
    "rules.show.bounds": (
        "  batas atas {cap}, batas bawah {floor}, tampil {places} angka desimal, dibulatkan"
        " {rounding}",
        "  cap {cap}, floor {floor}, display {places} places, rounded {rounding}",
    ),
    "rules.show.serapan": ("serapan: {formula}", "serapan: {formula}"),
    "rules.show.progress": (
        "kemajuan ({direction}): {formula}",
        "progress ({direction}): {formula}",
    ),
    "rules.show.categories-rounded": (
        "kategori (capaian dibandingkan setelah dibulatkan):",
        "categories (compare rounded capaian):",
    ),
    "rules.show.categories-exact": (
        "kategori (capaian dibandingkan apa adanya):",
        "categories (compare exact capaian):",
    ),
    "rules.show.efficiency": ("efisiensi: {formula}", "efficiency: {formula}"),
    "rules.show.score": ("  skor: {formula}", "  score: {formula}"),
    "rules.show.verdict": (
        "predikat: {achieved!r} bila {when}, selain itu {not_achieved!r}",
        "verdict: {achieved!r} when {when}, else {not_achieved!r}",
    ),
    "rules.show.rollup": ("agregasi sasaran: {rollup}", "objective roll-up: {rollup}"),
    "rules.show.flags": ("penanda:", "flags:"),
    "rules.show.flag": (
        "  {code:32} {severity:10} bila {when}",
        "  {code:32} {severity:10} when {when}",
    ),
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
    # ---- issue 15 (term)
    # The terminal table: columns left out at a narrow width, rupiah scale words.
    "table.columns-left-out": (
        "Kolom yang tidak muat selebar layar ini: {columns}. Lebarkan terminal, atau pakai "
        "--format markdown atau html untuk tabel lengkap.",
        "Columns that do not fit this width: {columns}. Widen the terminal, or use "
        "--format markdown or html for the full table.",
    ),
    "table.scale.million": ("jt", "mn"),
    "table.scale.billion": ("M", "bn"),
    "table.scale.trillion": ("T", "tn"),
    # The verdict column's header where width is short, as LKjIP tables abbreviate it.
    "table.verdict-short": ("Ket.", "Verdict"),
    "cli.help.ids": (
        "tampilkan juga id setiap indikator dan sasaran di tabel",
        "show each indicator's and objective's id in the table too",
    ),
    # ---- issue 15 (voice)
    "table.counts": (
        "{error} kesalahan, {warning} peringatan, {info} info",
        "{error} errors, {warning} warnings, {info} info",
    ),
    # ---- issue 16 (cascade): periods and the performance tree
    "error.case.unknown-node": (
        "{table} {id!r} menyebut {key} {value!r} yang tidak ada",
        "{table} {id!r} names {key} {value!r}, which is not declared",
    ),
    "expected.case.node-id": ("id [[{table}]]: {ids}", "a [[{table}]] id: {ids}"),
    "expected.case.node-id-none": (
        "id [[{table}]] (belum ada yang dinyatakan)",
        "a [[{table}]] id (none declared)",
    ),
    "error.case.program-objective": (
        "indikator {id!r} menyebut sasaran {objective!r}, padahal programnya {program!r}"
        " berada di bawah sasaran {other!r}",
        "indicator {id!r} names objective {objective!r}, but its program {program!r}"
        " rolls up into objective {other!r}",
    ),
    "error.case.period-annual": (
        "{key} memuat angka per periode, bukan angka setahun: tulis S1, S2 atau TW1 sampai TW4",
        "{key} holds figures per period, not the year's: write S1, S2 or TW1 to TW4",
    ),
    "expected.case.period": (
        "semester (S1, S2) atau triwulan (TW1 sampai TW4), tidak dicampur",
        "semesters (S1, S2) or quarters (TW1 to TW4), not both",
    ),
    "error.case.period-mix": (
        "angka per periode mencampur semester dan triwulan: {periods}",
        "the period figures mix semesters and quarters: {periods}",
    ),
    "error.case.period-kind": (
        "indikator {id!r} memuat angka per periode tanpa sifat indikator (kind)",
        "indicator {id!r} has period figures but no kind",
    ),
    "hint.case.period-kind": (
        'tulis kind = "cumulative" (dijumlahkan), "last" (periode terakhir),'
        ' "average", "max" atau "min"',
        'write kind = "cumulative" (added up), "last" (the latest period),'
        ' "average", "max" or "min"',
    ),
    "reason.rollup.nothing-below": (
        "tidak ada anggota di bawahnya yang capaiannya terhitung",
        "nothing under it has a computed capaian",
    ),
    "reason.rollup.no-node-weight": (
        "{id!r} tidak punya bobot dalam aturan maupun dalam kasus",
        "{id!r} has a weight neither in the rule set nor in the case",
    ),
    "level.indicator": ("indikator", "indicator"),
    "level.program": ("program", "program"),
    "level.objective": ("sasaran", "objective"),
    "level.goal": ("tujuan", "goal"),
    "method.mean": ("rata-rata", "mean"),
    "method.weighted-mean": ("rata-rata tertimbang", "weighted mean"),
    "method.geometric-mean": ("rata-rata geometrik", "geometric mean"),
    "method.weighted-geometric-mean": (
        "rata-rata geometrik tertimbang",
        "weighted geometric mean",
    ),
    "method.min": ("capaian terendah", "lowest capaian"),
    "kind.cumulative": ("jumlah kumulatif", "cumulative sum"),
    "kind.last": ("angka periode terakhir", "latest period's figure"),
    "kind.average": ("rata-rata periode", "average of the periods"),
    "kind.max": ("angka periode tertinggi", "highest period figure"),
    "kind.min": ("angka periode terendah", "lowest period figure"),
    "finding.rollup-recalc": (
        "{where} mencetak capaian {level} {node!r} {printed}; {method} anggotanya menurut"
        " aturan memberi {expected}",
        "{where} prints capaian {printed} for {level} {node!r}; the rule set's {method} of"
        " its members gives {expected}",
    ),
    "finding.rollup-printed": (
        "{where} mencetak capaian {level} {node!r} {printed}; {method} capaian yang"
        " tercetak untuk anggotanya ({figures}) adalah {exact}{how}",
        "{where} prints capaian {printed} for {level} {node!r}; the {method} of the capaian"
        " printed for its members ({figures}) is {exact}{how}",
    ),
    "finding.rollup.truncated": (
        "; angka tercetak adalah nilai itu yang dipotong, bukan dibulatkan",
        "; the printed figure is that value truncated, not rounded",
    ),
    "finding.rollup-category": (
        "{where} mencetak kategori {printed!r} untuk {level} {node!r}; capaiannya {capaian} %"
        " termasuk {expected!r}",
        "{where} prints category {printed!r} for {level} {node!r}; its capaian of {capaian} %"
        " falls in {expected!r}",
    ),
    "finding.period-rollup": (
        "{where} mencetak realisasi {period} sebesar {printed}; angka per periode"
        " ({figures}) memberi {expected} menurut sifat indikatornya ({kind})",
        "{where} prints realisasi {printed} for {period}; the period figures ({figures})"
        " give {expected} by the indicator's kind ({kind})",
    ),
    "finding.period-rollup.input": (
        "realisasi {period} pada kasus, {printed}, tidak sesuai dengan angka per periode"
        " ({figures}), yang memberi {expected} menurut sifat indikatornya ({kind})",
        "the case's realisasi {printed} for {period} is not what the period figures"
        " ({figures}) give by the indicator's kind ({kind}): {expected}",
    ),
    "check.rollup-recalc": (
        "capaian program, sasaran atau tujuan yang tercetak tidak sesuai dengan agregasi"
        " capaian anggotanya menurut aturan",
        "printed capaian of a program, objective or goal does not follow from its members"
        " under the rule set's roll-up",
    ),
    "check.rollup-printed": (
        "capaian program, sasaran atau tujuan yang tercetak tidak sesuai dengan capaian yang"
        " tercetak untuk anggotanya",
        "printed capaian of a program, objective or goal does not follow from the capaian"
        " printed for its members",
    ),
    "check.rollup-category": (
        "kategori program, sasaran atau tujuan yang tercetak tidak sesuai dengan capaiannya",
        "printed category of a program, objective or goal does not match its capaian",
    ),
    "check.period-rollup": (
        "realisasi setahun atau semester tidak sesuai dengan angka per periodenya menurut"
        " sifat indikator",
        "a realisasi for the year or a semester does not follow from the period figures by"
        " the indicator's kind",
    ),
    "period.annual": ("tahunan", "the year"),
    "period.s1": ("semester I", "semester 1"),
    "period.s2": ("s.d. semester II", "semesters 1 to 2"),
    "period.tw1": ("triwulan I", "quarter 1"),
    "period.tw2": ("s.d. triwulan II", "quarters 1 to 2"),
    "period.tw3": ("s.d. triwulan III", "quarters 1 to 3"),
    "period.tw4": ("s.d. triwulan IV", "quarters 1 to 4"),
    "chapter.tree": (
        "Pohon Kinerja: Capaian per Jenjang",
        "Performance Tree: Achievement per Level",
    ),
    "chapter.level": ("Jenjang", "Level"),
    "chapter.node": ("Uraian", "Name"),
    "chapter.parent": ("Induk", "Rolls up into"),
    "chapter.method": ("Cara agregasi", "Roll-up method"),
    "chapter.period": ("Periode laporan", "Report period"),
    "rules.show.tree-rollup": (
        "agregasi program: {program}; agregasi tujuan: {goal}",
        "program roll-up: {program}; goal roll-up: {goal}",
    ),
    "rules.show.pro-rata": (
        "target semester atau triwulan: target tahunan secara pro rata",
        "semester and quarter targets: the year's, pro rata",
    ),
    # ---- issue 17 (desk): the review across reports, years and methods
    "check.across-realisasi": (
        "realisasi tahun lalu yang dicetak laporan ini berbeda dengan laporan tahun lalu",
        "a previous year's realisasi printed in this report differs from that year's own report",
    ),
    "check.across-target": (
        "target tahun lalu yang dicetak laporan ini berbeda dengan laporan tahun lalu",
        "a previous year's target printed in this report differs from that year's own report",
    ),
    "check.across-renstra": (
        "target akhir Renstra berbeda antara dua laporan tahun berurutan",
        "the end-of-plan (Renstra) target differs between two consecutive reports",
    ),
    "check.across-dropped": (
        "indikator laporan tahun lalu tidak ada lagi dalam laporan tahun ini",
        "an indicator of last year's report is missing from this year's",
    ),
    "check.across-added": (
        "indikator baru yang tidak ada dalam laporan tahun lalu",
        "an indicator that last year's report did not have",
    ),
    "check.across-target-lowered": (
        "target diturunkan setelah tidak tercapai pada tahun sebelumnya",
        "a target made easier after it was missed the year before",
    ),
    "finding.across-realisasi": (
        "{later} mencetak realisasi {year} sebesar {printed} di {where}, sedangkan {earlier}"
        " melaporkan realisasi {year} sebesar {own}",
        "{later} prints the {year} realisasi as {printed} in {where}, but {earlier} reports"
        " {own} as its {year} realisasi",
    ),
    "finding.across-target": (
        "{later} mencetak target {year} sebesar {printed} di {where}, sedangkan {earlier}"
        " menetapkan target {year} sebesar {own}",
        "{later} prints the {year} target as {printed} in {where}, but {earlier} sets {own}"
        " as its {year} target",
    ),
    "finding.across-renstra": (
        "target akhir Renstra dalam {later} adalah {printed}, sedangkan dalam {earlier} {own}",
        "the end-of-plan target is {printed} in {later} but {own} in {earlier}",
    ),
    "finding.across-dropped": (
        "indikator {name!r} dalam {earlier} tidak ada lagi dalam {later} ({year}) tanpa penjelasan",
        "the indicator {name!r} of {earlier} is gone from {later} ({year}) without a word",
    ),
    "finding.across-added": (
        "indikator {name!r} dalam {later} tidak ada dalam {earlier} ({year})",
        "the indicator {name!r} of {later} was not in {earlier} ({year})",
    ),
    "finding.across-target-lowered": (
        "target {year} tidak tercapai menurut {earlier} (target {own}), tetapi {later}"
        " menetapkan target yang lebih ringan: {printed}",
        "the {year} target was missed per {earlier} (target {own}), yet {later} sets an"
        " easier one: {printed}",
    ),
    "error.api.compare-two": (
        "perbandingan metode memerlukan dua aturan penilaian atau lebih",
        "comparing methods needs two or more rule sets",
    ),
    "error.api.summary-keep": (
        "ringkasan yang menyimpan jumlah baris berbeda tidak dapat digabungkan",
        "summaries keeping different numbers of lines cannot combine",
    ),
    "cli.help.summary": (
        "satu halaman ringkasan untuk seluruh laporan: per instansi, temuan terberat,"
        " urutan laporan yang perlu perhatian, serta perbandingan antartahun",
        "one summary page for all the reports: per agency, the worst findings, the reports"
        " needing attention first, and the reports of consecutive years held together",
    ),
    "cli.help.compare": (
        "menilai angka yang sama dengan beberapa aturan dan menampilkan yang berubah saja",
        "evaluate the same figures under several rule sets and show only what changes",
    ),
    "cli.help.compare-rules": (
        "aturan penilaian (nama atau berkas); ulangi, sedikitnya dua kali",
        "a rule set (name or file); repeat it, at least twice",
    ),
    "cli.compare.too-few": (
        "--rules harus diberikan sedikitnya dua kali",
        "--rules must be given at least twice",
    ),
    "error.cli.desk-format": (
        "{command} menulis table, html, json atau csv, bukan markdown",
        "{command} writes table, html, json or csv, not markdown",
    ),
    "error.cli.desk-stdin": (
        "ringkasan dan perbandingan membaca berkas atau folder, bukan masukan standar",
        "the summary and the comparison read files or folders, not standard input",
    ),
    "summary.title": ("Ikhtisar Reviu Laporan Kinerja", "Performance Report Review Summary"),
    "summary.scope": (
        "{reports} laporan dari {agencies} instansi, {indicators} indikator",
        "{reports} reports of {agencies} agencies, {indicators} indicators",
    ),
    "summary.per-agency": ("Ikhtisar per instansi", "Per agency"),
    "summary.agency": ("Instansi", "Agency"),
    "summary.reports": ("Laporan", "Reports"),
    "summary.years": ("Tahun", "Years"),
    "summary.indicators": ("IKU", "Indicators"),
    "summary.achieved": ("Tercapai", "Achieved"),
    "summary.not-achieved": ("Tidak tercapai", "Not achieved"),
    "summary.verdict-short": ("Capai/Tidak", "Met/Missed"),
    "summary.short.reports": ("Lap", "Rep"),
    "summary.short.indicators": ("IKU", "KPI"),
    "summary.short.across": ("Antar-th", "Across"),
    "summary.short.year": ("Tahun", "Year"),
    "summary.lowest": ("Kategori terendah", "Lowest category"),
    "summary.across": ("Antartahun", "Across years"),
    "summary.pairs": ("Pasangan tahun", "Year pairs"),
    "summary.total": ("Jumlah", "Total"),
    "summary.worst": ("Temuan terberat", "Worst findings"),
    "summary.ranked": (
        "Laporan menurut prioritas perhatian",
        "Reports ranked by what needs attention first",
    ),
    "summary.rank": ("Urutan", "Rank"),
    "summary.report": ("Laporan (berkas)", "Report (file)"),
    "summary.none": ("(tidak ada)", "(none)"),
    "summary.chart-categories": (
        "Sebaran kategori capaian per instansi",
        "Capaian categories per agency",
    ),
    "summary.chart-severities": ("Temuan per instansi", "Findings per agency"),
    "summary.axis-indicators": ("Jumlah indikator", "Number of indicators"),
    "summary.axis-findings": ("Jumlah temuan", "Number of findings"),
    "summary.chart-more": (
        "grafik memuat {shown} dari {total} instansi (yang paling banyak temuannya)",
        "the chart shows {shown} of {total} agencies (those with the most findings)",
    ),
    "compare.title": ("Perbandingan metode penilaian", "Methods side by side"),
    "compare.scope": (
        "aturan: {rules}; {indicators} indikator dibandingkan, {changed} berubah hasilnya",
        "rule sets: {rules}; {indicators} indicators compared, {changed} change outcome",
    ),
    "compare.changed": ("Yang berubah", "What changes"),
    "compare.spread": ("Selisih capaian", "Capaian spread"),
    "compare.why": ("Sebab", "Why"),
    "compare.per-agency": (
        "Hasil yang bergantung pada metode, per instansi",
        "Outcomes that depend on the method, per agency",
    ),
    "compare.verdicts": ("Keterangan berubah", "Verdicts changed"),
    "compare.categories": ("Kategori berubah", "Categories changed"),
    "compare.efficiency": ("Efisiensi berubah", "Efficiency changed"),
    "compare.none": (
        "Tidak ada indikator yang hasilnya berubah karena metode.",
        "No indicator's outcome changes with the method.",
    ),
    "compare.formula": ("rumus", "formula"),
    "compare.band": ("pita", "band"),
    "compare.why.capaian-formula": ("rumus capaian berbeda", "capaian formula differs"),
    "compare.why.cap": ("batas atas/bawah capaian berbeda", "capaian cap or floor differs"),
    "compare.why.bands": ("pita kategori berbeda", "category bands differ"),
    "compare.why.verdict-rule": ("syarat Tercapai berbeda", "verdict rule differs"),
    "compare.why.efficiency-formula": ("rumus efisiensi berbeda", "efficiency formula differs"),
    "compare.why.efficiency-bands": ("pita efisiensi berbeda", "efficiency bands differ"),
}


@runtime_checkable
class Localised(Protocol):
    """A field that has its own words or notation in each language: a nested
    :class:`Message`, or a figure (``numbers.Figure``) that prints
    ``1.234,5`` in Indonesian and ``1,234.5`` in English."""

    def render(self, lang: str) -> str: ...


class Message(NamedTuple):
    """A message id with its fields, rendered once the reader's language is known."""

    id: str
    fields: Mapping[str, object]

    def render(self, lang: str) -> str:
        return text(self.id, lang, **self.fields)


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
    return form.format_map({k: _filled(v, lang) for k, v in fields.items()})


def _filled(value: object, lang: str) -> object:
    """A field as the text shows it: a Localised one rendered in ``lang``. Looked up as an
    attribute, as the Protocol's own check would, because ``isinstance`` against a runtime
    Protocol costs more than filling the rest of a finding's message."""
    render = getattr(value, "render", None)
    return value if render is None else render(lang)
