"""Shared PDF checks for the report tests."""

from __future__ import annotations

import io

import pypdf


def embedded_font_names(pdf: bytes) -> list[str]:
    """Every font's BaseFont name across the pages; fails if any font (or descendant font) is not embedded."""
    names = []
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            names.append(str(font["/BaseFont"]))
            for descendant in font.get("/DescendantFonts", []):
                assert "/FontFile2" in descendant.get_object()["/FontDescriptor"]
            if "/FontDescriptor" in font:
                assert "/FontFile2" in font["/FontDescriptor"].get_object()
    return names
