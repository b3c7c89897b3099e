"""The HTML report: chapter III tables and SVG charts in one self-contained page, and the
same page opened in a real browser (headless Chromium) and looked at."""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import SEED

import kinerja_engine as ke
from kinerja_engine.api import rules_for
from kinerja_engine.cli.main import main
from kinerja_engine.rendering.html import render_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def seed_html() -> str:
    case = ke.load_case(SEED)
    rules = rules_for(case)
    return render_html(case, ke.check(case, rules), rules, "id")


@pytest.fixture(scope="module")
def seed_html_en() -> str:
    case = ke.load_case(SEED)
    rules = rules_for(case)
    return render_html(case, ke.check(case, rules), rules, "en")


class _Tags(HTMLParser):
    """Counts start tags and collects attributes, to look at a page without a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


# ---------------------------------------------------------------- the page itself


def test_page_is_self_contained_no_script_no_network(seed_html: str) -> None:
    tags = _tags(seed_html)
    names = {t for t, _ in tags}
    assert "script" not in names and "iframe" not in names and "link" not in names
    assert "img" not in names  # the pictures are inline SVG
    for _, attributes in tags:
        for key in ("src", "href"):
            value = attributes.get(key)
            # Only in-page links (a related finding) are allowed.
            assert value is None or value.startswith("#"), (key, value)
    assert "@import" not in seed_html and "url(" not in seed_html
    assert "@media print" in seed_html and "@page" in seed_html


def test_iku_table_has_the_lkjip_columns_and_rows(seed_html: str) -> None:
    head = re.search(r'<table class="iku">.*?<thead><tr>(.*?)</tr>', seed_html, re.S)
    assert head is not None
    columns = re.findall(r"<th>(.*?)</th>", head.group(1))
    assert columns == [
        "No",
        "Indikator Kinerja Utama",
        "Realisasi 2020",
        "Target 2021",
        "Realisasi 2021",
        "Capaian",
        "Kategori",
        "Keterangan",
    ]
    row = re.search(r'<tr id="iku-skm">(.*?)</tr>', seed_html, re.S)
    assert row is not None
    cells = [
        re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td.*?</td>", row.group(1), re.S)
    ]
    assert cells == [
        "1",
        "Survei Kepuasan Masyarakat (SKM)",
        "81,55 %",
        "87,07 %",
        "87,08 %",
        "100,01 %",
        "Sangat Tinggi",
        "Tercapai",
    ]
    assert len(re.findall(r'<tr id="iku-', seed_html)) == 8


def test_indonesian_notation_and_budget_tables(seed_html: str) -> None:
    section = re.search(
        r'<section class="indicator" id="indicator-skm">(.*?)</section>', seed_html, re.S
    )
    assert section is not None
    text = section.group(1)
    assert "Pencapaian Kinerja dan Anggaran" in text and "Efisiensi Penggunaan Sumber Daya" in text
    assert "Rp 1.418.633.200,00" in text and "Rp 1.324.391.015,00" in text
    assert "93,36 %" in text and "100,01 %" in text and "Efisien" in text
    assert "6,65" in text  # capaian - serapan under permendagri-86-2017
    assert "106,85 %" in text  # tingkat kemajuan toward the Renstra target 81,5 %


def test_english_labels_and_notation(seed_html_en: str) -> None:
    assert '<html lang="en">' in seed_html_en
    assert "Chapter III Performance Accountability" in seed_html_en
    assert "Rp 1,418,633,200.00" in seed_html_en and "100.01%" in seed_html_en
    assert "6,942,055.82%" in seed_html_en
    # The rule set's own labels are not translated.
    assert "Sangat Tinggi" in seed_html_en and "Tercapai" in seed_html_en


def test_findings_carry_their_evidence(seed_html: str) -> None:
    assert "Hasil Reviu" in seed_html
    assert "82 temuan" in seed_html
    # Tabel 9 prints a serapan of 93,08 where its own amounts give 93,36.
    rows = re.findall(r'<tr id="finding-\d+">(.*?)</tr>', seed_html, re.S)
    serapan = [r for r in rows if "serapan-recalc" in r and ">Tabel 9<" in r]
    assert len(serapan) == 1
    row = serapan[0]
    assert "93,08" in row and "93,36" in row and "-0,28" in row
    # The evidence once, in the sentence: the field by its label, never its key.
    assert "dihitung dari realisasi anggaran 1.324.391.015,00 (Tabel 9)" in row
    assert "pagu 1.418.633.200,00 (Tabel 9)" in row and "realisasi_anggaran" not in row
    assert row.count("93,08") == 1
    # Tabel 4 marks koperasi sehat "Tidak Tercapai" at 56 % of a 56 % target.
    assert any("verdict-label" in r and "Tidak Tercapai" in r for r in rows)


def test_charts_are_inline_svg_and_clip_huge_capaian(seed_html: str) -> None:
    svgs = re.findall(r"<svg .*?</svg>", seed_html, re.S)
    assert len(svgs) == 2
    for svg in svgs:
        ET.fromstring(svg)  # well-formed XML
    category, efficiency = svgs
    # Five category bands, each its own colour.
    band_fills = re.findall(r'<g class="bands">(.*?)</g>', category, re.S)[0]
    assert len(set(re.findall(r'fill="(#[0-9a-f]{6})"', band_fills))) == 5
    # Eight rows: five bars, three indicators said not drawn.
    assert len(re.findall(r'class="bar"', category)) == 5
    assert category.count("tidak digambar") == 3
    # The 6.942.055,82 % and 845,01 % bars are cut at the axis end with a marker and a note.
    assert len(re.findall(r'class="clipped"', category)) == 2
    assert "6.942.055,82 %" in category
    assert "6.942.055,82 % di luar batas grafik (120 %)" in seed_html
    # The efficiency chart: the boundary where capaian equals serapan, three points, two
    # clipped markers.
    assert 'class="boundary"' in efficiency and "batas efisiensi" in efficiency
    assert len(re.findall(r"<circle ", efficiency)) == 3
    assert len(re.findall(r'class="clipped"', efficiency)) == 2


def test_text_is_escaped(tmp_path: Path) -> None:
    case_file = tmp_path / "c.toml"
    case_file.write_text(
        'format = "kinerja-case/1"\n'
        '[report]\nagency = "<script>alert(1)</script> & Co"\nyear = 2021\n'
        '[[indicator]]\nid = "a"\nname = "A <b>bold</b>"\nunit = "%"\n'
        'direction = "higher_is_better"\ntarget = 50\nrealisasi = 40\n',
        encoding="utf-8",
    )
    case = ke.load_case(case_file)
    rules = rules_for(case)
    html = render_html(case, ke.evaluate(case, rules), rules, "en")
    assert "<script>" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "A &lt;b&gt;bold&lt;/b&gt;" in html


def test_cli_html_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    code = main(["check", str(SEED), "--format", "html", "--lang", "en", "--output", str(out)])
    assert code == 1  # the seed has error findings; the report is written all the same
    assert capsys.readouterr().out == ""
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "Review Findings" in html


def test_several_cases_in_one_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["evaluate", str(SEED), str(SEED), "--format", "html"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.count("<article ") == 2 and out.count("<html") == 1


# ---------------------------------------------------------------- in a real browser


def _chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (Debian: apt-get install chromium); .ci/run installs it",
)

# Added to a copy of the page only: the report has no script. It measures what the
# browser laid out and writes it into the DOM, which --dump-dom then prints.
_PROBE = """
<script>
(function () {
  var out = {};
  var sel = {
    category: '#chart-category', efficiency: '#chart-efficiency', iku: 'table.iku',
    budget: 'table.budget', efficiencyTable: 'table.efficiency', findings: 'table.findings',
    bars: '#chart-category .bar', boundary: '#chart-efficiency .boundary', main: 'main'
  };
  for (var k in sel) {
    var el = document.querySelector(sel[k]);
    if (!el) { out[k] = null; continue; }
    var r = el.getBoundingClientRect(), s = getComputedStyle(el);
    out[k] = {w: r.width, h: r.height, x: r.left, y: r.top + window.scrollY,
              visible: s.visibility === 'visible' && s.display !== 'none' && s.opacity !== '0'};
  }
  out.docWidth = document.documentElement.scrollWidth;
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def _png_rows(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the filtered scanlines of an 8-bit PNG, checking its structure."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    height = depth = colour = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert zlib.crc32(kind + body) == crc, f"bad CRC in {kind!r}"
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert depth == 8 and colour in (2, 6), (depth, colour)
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = 1 + width * channels
    assert len(raw) == stride * height
    return width, height, [raw[i : i + stride] for i in range(0, len(raw), stride)]


@pytest.fixture(scope="module")
def browser_dir(tmp_path_factory: pytest.TempPathFactory, seed_html: str) -> Path:
    folder = tmp_path_factory.mktemp("browser")
    (folder / "report.html").write_text(seed_html, encoding="utf-8")
    return folder


@needs_chromium
def test_browser_lays_out_charts_and_tables_visibly(browser_dir: Path, seed_html: str) -> None:
    probe = browser_dir / "probe.html"
    probe.write_text(seed_html.replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    done = _chromium(
        browser_dir / "profile-dom",
        "--window-size=1280,2000",
        "--dump-dom",
        probe.as_uri(),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert dom.count("<svg") == 2 and '<table class="iku">' in dom
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert found is not None, "the probe did not run"
    layout = json.loads(found.group(1).replace("&quot;", '"'))
    for key in ("category", "efficiency", "iku", "budget", "efficiencyTable", "findings", "bars"):
        box = layout[key]
        assert box is not None, f"{key} missing"
        assert box["visible"] and box["w"] > 100 and box["h"] > 10, (key, box)
    assert layout["boundary"] is not None and layout["boundary"]["w"] > 100
    # Charts sit below the IKU table and inside the page's width: nothing runs off the side.
    assert layout["category"]["y"] > layout["iku"]["y"]
    assert layout["category"]["x"] + layout["category"]["w"] <= 1280
    assert layout["docWidth"] <= 1280
    right = layout["main"]["x"] + layout["main"]["w"]
    for key in ("category", "efficiency", "iku", "budget", "efficiencyTable", "findings"):
        assert layout[key]["x"] + layout[key]["w"] <= right + 1, f"{key} overflows the page"


@needs_chromium
def test_browser_screenshot_is_a_real_picture(browser_dir: Path, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"  # kept with the test's files, to look at
    done = _chromium(
        tmp_path / "profile",
        f"--screenshot={shot}",
        "--window-size=1280,2000",
        (browser_dir / "report.html").as_uri(),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.is_file() and shot.stat().st_size > 50_000
    width, height, rows = _png_rows(shot.read_bytes())
    assert (width, height) == (1280, 2000)
    # A blank page filters to the same scanline over and over; a report does not.
    assert len(set(rows)) > 500


@needs_chromium
def test_browser_prints_to_pdf(browser_dir: Path) -> None:
    pdf = browser_dir / "report.pdf"
    done = _chromium(
        browser_dir / "profile-pdf",
        f"--print-to-pdf={pdf}",
        "--no-pdf-header-footer",
        (browser_dir / "report.html").as_uri(),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 3  # tables, charts and findings over several A4 pages


# ---- issue 15 (sheets): chapter III completed


def test_budget_lines_as_an_indented_tree_and_last_year_compared(seed_html: str) -> None:
    case = ke.load_case(SEED)
    section = seed_html[seed_html.index('<section id="budget-lines">') :]
    section = section[: section.index("</section>")]
    rows = re.findall(r'<tr id="budget-([^"]+)" class="depth-(\d)">', section)
    assert [r[0] for r in rows] == [b.id for b in _tree_order(case)]
    depth = dict(rows)
    assert depth["belanja"] == "0" and depth["p01-perencanaan"] == "1"
    assert depth["p01-perencanaan-s01"] == "2"
    assert "Realisasi Anggaran per Program dan Kegiatan" in section
    assert "Rp 15.534.464.918,61" in section and "75,72 %" in section
    comparison = seed_html[seed_html.index('<section id="comparison">') :]
    comparison = comparison[: comparison.index("</section>")]
    assert "Perbandingan Realisasi dengan Tahun Lalu" in comparison
    assert comparison.count("<tr><td") == 5  # the five indicators with a 2020 realisasi
    assert "membaik" in comparison and "memburuk" in comparison


def _tree_order(case: ke.Case) -> list[object]:
    """Each budget line after its parent, siblings in the case's order."""
    ids = {b.id for b in case.budget}
    kids: dict[str | None, list[object]] = {}
    for b in case.budget:
        kids.setdefault(b.parent if b.parent in ids else None, []).append(b)

    def walk(parent: str | None) -> list[object]:
        return [x for b in kids.get(parent, []) for x in [b, *walk(b.id)]]  # type: ignore[attr-defined]

    return walk(None)


def test_an_indicator_not_computed_is_one_line_not_empty_tables(seed_html_en: str) -> None:
    section = seed_html_en[seed_html_en.index('id="indicator-koperasi-aktif"') :]
    section = section[: section.index("</section>")]
    assert '<p class="unavailable">cannot be computed:' in section
    assert "<table" not in section
