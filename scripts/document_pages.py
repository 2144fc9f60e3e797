"""Render the three documents of the demo case and of a hard case (Chinese, Arabic and Polish names, a five-line
address, a withdrawn consent, Ontario, lb) on A4 and Letter, normal and large print, as PNG pages for review.

Run from the project root: .venv/bin/python scripts/document_pages.py [OUT_FOLDER]
(default docs/screenshots/documents). Needs pdftoppm (poppler-utils)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's package, whatever the virtual environment points at

from rtw_planner.documents import render  # noqa: E402
from rtw_planner.domain.case.demo import DEMO_WRITTEN_FOR, demo_case  # noqa: E402
from rtw_planner.domain.case.jurisdiction import Jurisdiction  # noqa: E402
from rtw_planner.domain.case.model import Case, Clinic, Clinician, Consent, ConsentCategory  # noqa: E402
from rtw_planner.domain.demands.units import MassUnit  # noqa: E402
from rtw_planner.domain.issuing.disclosure import Delivery, DisclosureRequest, DocumentKind, RecipientRole  # noqa: E402
from rtw_planner.domain.issuing.options import RenderOptions  # noqa: E402

TODAY = DEMO_WRITTEN_FOR
DEMO_CLINIC = Clinic("Riverside Pain & Rehabilitation Clinic", "1 High Street\nLeeds LS1 4AP", "0113 496 0000",
                     "rtw@riverside-rehab.example", jurisdiction=Jurisdiction.UK)
HARD_CLINIC = Clinic("Centrum Rehabilitacji Bólu Przewlekłego i Powrotu do Pracy im. Św. Łukasza — Oddział Toronto "
                     "Północ", "Unit 1407, Łódź House\n2250 Yonge Street\nNorth York Medical Arts Centre\nToronto ON "
                     "M4S 2B9\nCanada", "+1 416 555 0142 ext. 221", "rehab.intake@swlukasz-rehab.example",
                     jurisdiction=Jurisdiction.CANADA_ONTARIO, mass_unit=MassUnit.LB)


def hard_case(demo: Case) -> Case:
    """The demo with names in three scripts, a longer job, a withdrawn consent and one still in force."""
    employer = "Przedsiębiorstwo Logistyczne „Świętokrzyskie” Sp. z o.o."
    consents = (Consent(ConsentCategory.FUNCTIONAL, employer, "Return to work", TODAY - timedelta(days=20)),
                Consent(ConsentCategory.DIAGNOSIS, employer, "Return to work", TODAY - timedelta(days=20),
                        withdrawn_on=TODAY - timedelta(days=3)),
                Consent(ConsentCategory.FUNCTIONAL, "WSIB", "Claim", TODAY - timedelta(days=20)),
                Consent(ConsentCategory.OUTCOME_SCORES, "WSIB", "Claim", TODAY - timedelta(days=20)))
    clinician = Clinician("فاطمة الزهراء بن عبد الله", "Occupational therapist", "COTO G0042317",
                          "+1 416 555 0199", "f.benabdallah@swlukasz-rehab.example")
    return replace(demo, patient_name="王秀英 (Wang Xiuying) Wiśniewska-Dąbrowska", employer=employer,
                   job_title="Magazynier — warehouse order picker, night shift", clinician=clinician,
                   consents=consents, workers_comp_claim=True)


def pages(pdf: bytes, out: Path, stem: str) -> int:
    """Each page as a PNG at 60 dpi, reduced to 48 colours so the set stays small enough to keep in the repo."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "document.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(out / stem)], check=True)
    written = sorted(out.glob(f"{stem}-*.png"))
    for png in written:
        with Image.open(png) as image:
            small = image.convert("RGB").quantize(48, dither=Image.Dither.NONE)
        small.save(png, optimize=True)
    return len(written)


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm (poppler-utils) is needed", file=sys.stderr)
        return 2
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots" / "documents"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    demo = demo_case(TODAY)
    cases = {"demo": (demo, DEMO_CLINIC, {}),
             "hard": (hard_case(demo), HARD_CLINIC,
                      {DocumentKind.MATCH_REPORT: DisclosureRequest("WSIB", RecipientRole.INSURER, Delivery.SENT)})}
    for name, (case, clinic, requests) in cases.items():
        for kind in DocumentKind:
            for paper in ("a4", "letter"):
                for large in (False, True):
                    options = RenderOptions(draft=False, large_print=large)
                    pdf = render(kind, case, replace(clinic, paper_size=paper), today=TODAY,
                                 request=requests.get(kind), options=options, invariant=True)
                    stem = f"{name}-{kind.value}-{paper}-{'large' if large else 'normal'}"
                    print(f"{stem}: {pages(pdf, out, stem)} pages")
    return 0


if __name__ == "__main__":
    if date.today() < TODAY:
        raise SystemExit("the clock is before the demo's day")
    raise SystemExit(main())
