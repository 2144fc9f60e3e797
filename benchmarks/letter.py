"""Letter benchmark: median time to render the demo employer letter against a bare reportlab document of the
same words, in the same run (interleaved)."""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from rtw_planner.domain.case import casefile
from rtw_planner.domain.case.model import Clinic
from rtw_planner.reports.employer_letter import render_employer_letter
from rtw_planner.reports.letter_blocks import build_letter
from rtw_planner.reports.styles import FONT, register_fonts

DEMO = Path(__file__).resolve().parent.parent / "resources" / "cases" / "demo-warehouse-picker.json"
CLINIC = Clinic(name="Riverside Pain & Rehabilitation Clinic", address="12 Mill Lane\nLeeds LS1 4AB",
                phone="0113 496 0000")
TARGET_RATIO = 1.3


def letter_words(case: casefile.Case, today: date) -> list[str]:  # type: ignore[name-defined]
    """Every string the letter prints, in order."""
    return [w for w in build_letter(case, CLINIC, today).texts() if w]


def bare_document(words: list[str]) -> bytes:
    """The same words as plain paragraphs in the same embedded font: the floor for any letter."""
    register_fonts()
    style = ParagraphStyle("plain", fontName=FONT, fontSize=10.5, leading=14)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, initialFontName=FONT).build([Paragraph(escape(w), style) for w in words])
    return buffer.getvalue()


def main() -> int:
    """Print name: value lines."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = max(parser.parse_args().runs, 5)
    case = casefile.parse(DEMO.read_text(encoding="utf-8"))
    today = date(2026, 11, 27)
    words = letter_words(case, today)
    render_employer_letter(case, CLINIC, today)  # warm-up: fonts registered, wording files read once
    bare_document(words)
    letter_times, bare_times = [], []
    for _ in range(runs):
        start = time.perf_counter()
        render_employer_letter(case, CLINIC, today)
        letter_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        bare_document(words)
        bare_times.append(time.perf_counter() - start)
    letter_ms = statistics.median(letter_times) * 1000
    bare_ms = statistics.median(bare_times) * 1000
    print(f"letter_runs: {runs}")
    print(f"letter_ms: {letter_ms:.1f}")
    print(f"letter_bare_ms: {bare_ms:.1f}")
    print(f"letter_ratio: {letter_ms / bare_ms:.2f}")
    print(f"letter_target_met: {'yes' if letter_ms / bare_ms <= TARGET_RATIO else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
