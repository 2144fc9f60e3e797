"""Frequency scales as data (N / Seldom / Occasional / Frequent / Constant bands per form), keeping the raw values."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from rtw_planner.assets import bundled_resources_dir, data_dir, resource_path
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import number_in_range
from rtw_planner.domain.demands.profile import ActivityKind, PhysicalProfile
from rtw_planner.domain.demands.units import format_number

MAX_SHIFT_HOURS = 24.0
MAX_RATE_PER_HOUR = 3600.0
MEASURES = {"share": "share of the shift", "hours": "h per shift"}
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
_DIGITS = 9  # values and band edges are compared rounded to 1e-9, so 8/3 h of 8 h is exactly 1/3


class ScaleError(ValueError):
    """A scale file is malformed, or a value lies outside every band the scale publishes."""


@dataclass(frozen=True)
class Band:
    """One band: from `low` to `high` (inclusive or not at each end; high may be infinite)."""

    code: str
    term: str
    low: float
    low_inclusive: bool
    high: float
    high_inclusive: bool
    as_published: str

    def contains(self, value: float) -> bool:
        """Whether value (already rounded) lies in the band."""
        low, high = round(self.low, _DIGITS), round(self.high, _DIGITS) if math.isfinite(self.high) else math.inf
        return (value >= low if self.low_inclusive else value > low) and (
            value <= high if self.high_inclusive else value < high)


@dataclass(frozen=True)
class FrequencyScale:
    """A named scale: `measure` 'share' compares hours / shift length, 'hours' compares hours as given;
    `rate_bands` (lifts per hour) only where the source defines them."""

    id: str
    name: str
    version: int
    sources: tuple[str, ...]
    measure: str
    bands: tuple[Band, ...]
    rate_bands: tuple[Band, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class FrequencyResult:
    """A code with the raw input kept: `value` in `unit` ('h per shift' or 'per hour'), the shift length for
    hours, and `compared` (the share, hours or rate actually looked up)."""

    code: str
    term: str
    value: float
    unit: str
    shift_hours: float | None
    compared: float
    scale_id: str


def available_scales() -> tuple[str, ...]:
    """Ids of the bundled scales and of any a clinic dropped into <data folder>/frequency-scales/."""
    folders = (bundled_resources_dir(), data_dir())
    found = {p.stem for folder in folders for p in (folder / "frequency-scales").glob("*.json")}
    return tuple(sorted(i for i in found if _ID.fullmatch(i)))


def _need(ok: bool, where: str, problem: str) -> None:
    if not ok:
        raise ScaleError(f"{where}: {problem}")


def _number(value: Any, where: str) -> float:
    """A JSON number or a fraction written as text ('1/3')."""
    try:
        if isinstance(value, str) and re.fullmatch(r"\d+/\d+", value):
            return float(Fraction(value))
    except ZeroDivisionError:
        pass
    _need(not isinstance(value, bool) and isinstance(value, int | float) and math.isfinite(value) and value >= 0,
          where, f"{value!r} is not a number >= 0 or a fraction such as '1/3'")
    return float(value)


def _bands(raw: Any, where: str, top: float) -> tuple[Band, ...]:
    _need(isinstance(raw, list) and all(isinstance(b, dict) for b in raw), where, "bands must be a list of objects")
    bands = []
    for i, item in enumerate(raw):
        at = f"{where}[{i}]"
        _need(isinstance(item.get("code"), str) and isinstance(item.get("term"), str), at, "code and term are text")
        _need(("from" in item) != ("above" in item) and not ("up_to" in item and "below" in item), at,
              "give exactly one of from/above and at most one of up_to/below")
        low = _number(item["from"] if "from" in item else item["above"], at)
        high = _number(item["up_to"] if "up_to" in item else item["below"], at) if {"up_to", "below"} & set(item) \
            else math.inf
        _need(low <= high <= top or (high == math.inf and top == math.inf), at, f"band must lie in 0 to {top:g}")
        bands.append(Band(item["code"], item["term"], low, "from" in item, high, "below" not in item,
                          str(item.get("as_published", ""))))
    for before, after in zip(bands, bands[1:], strict=False):
        _need(before.high < after.low or (before.high == after.low and not (before.high_inclusive and
                                                                             after.low_inclusive)),
              where, f"bands {before.code} and {after.code} overlap or are out of order")
    return tuple(bands)


def load_scale(scale_id: str) -> FrequencyScale:
    """Load frequency-scales/<scale_id>.json (a clinic's copy wins); an unknown id raises ValidationError."""
    known = available_scales()
    if not isinstance(scale_id, str) or scale_id not in known:
        raise ValidationError("frequency scale", scale_id, "one of " + ", ".join(known))
    path = resource_path(f"frequency-scales/{scale_id}.json")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ScaleError(f"{path}: cannot be read as JSON ({exc})") from None
    where = str(path)
    _need(isinstance(raw, dict) and raw.get("id") == scale_id, where, f"not a scale object with id {scale_id!r}")
    name, version, sources, measure = raw.get("name"), raw.get("version"), raw.get("source"), raw.get("measure")
    _need(isinstance(name, str) and bool(name.strip()), where, "name must be non-empty text")
    _need(isinstance(version, int) and not isinstance(version, bool) and version >= 1, where, "version must be >= 1")
    _need(isinstance(sources, list) and bool(sources) and all(isinstance(s, dict | str) for s in sources), where,
          "source must list at least one citation")
    _need(measure in MEASURES, where, "measure must be 'share' or 'hours'")
    notes = raw.get("notes", [])
    _need(isinstance(notes, list) and all(isinstance(n, str) for n in notes), where, "notes must list text")
    return FrequencyScale(
        scale_id, name.strip(), version,
        tuple(s if isinstance(s, str) else f"{s.get('citation', '')} ({s.get('url', '')})" for s in sources),
        measure, _bands(raw.get("bands"), f"{where}: bands", 1.0 if measure == "share" else math.inf),
        _bands(raw.get("rate_bands", []), f"{where}: rate_bands", math.inf), tuple(notes))


def _find(bands: tuple[Band, ...], value: float, scale: FrequencyScale, what: str) -> Band:
    rounded = round(value, _DIGITS)
    for band in bands:
        if band.contains(rounded):
            return band
    published = "; ".join(b.term if b.as_published in ("", b.term) else f"{b.term} {b.as_published}" for b in bands)
    raise ScaleError(f"{what} is not in any band of '{scale.name}' ({published}); the scale does not say which "
                     "applies")


def classify_hours(hours_per_shift: float, shift_hours: float, scale: FrequencyScale) -> FrequencyResult:
    """The code for time spent per shift: as a share of the shift, or in hours, as the scale measures it."""
    shift = number_in_range("shift length", shift_hours, 0, MAX_SHIFT_HOURS, "h")
    if shift == 0:
        raise ValidationError("shift length", shift_hours, f"a number above 0 and up to {MAX_SHIFT_HOURS:g} h")
    hours = number_in_range("hours per shift", hours_per_shift, 0, shift, "h")
    compared = hours / shift if scale.measure == "share" else hours
    what = f"{format_number(hours, 2)} h in a shift of {format_number(shift, 2)} h"
    if scale.measure == "share":
        what += f" ({format_number(compared * 100, 1)}%)"
    band = _find(scale.bands, compared, scale, what)
    return FrequencyResult(band.code, band.term, hours, "h per shift", shift, compared, scale.id)


def classify_rate(lifts_per_hour: float, scale: FrequencyScale) -> FrequencyResult:
    """The code for a lift or carry rate, on scales that define rate bands (WorkAbility)."""
    rate = number_in_range("lifts per hour", lifts_per_hour, 0, MAX_RATE_PER_HOUR, "per hour")
    if not scale.rate_bands:
        raise ScaleError(f"'{scale.name}' defines no lift-rate bands; use classify_hours")
    band = _find(scale.rate_bands, rate, scale, f"{format_number(rate, 2)} lifts per hour")
    return FrequencyResult(band.code, band.term, rate, "per hour", None, rate, scale.id)


_FREQUENCY_OF_CODE = {"O": "occasional", "F": "frequent", "C": "constant"}


def exposure_notes(profile: PhysicalProfile, shift_hours: float, scale_id: str = "dot") -> list[str]:
    """Where the recorded exposure (hours a shift) reads as another frequency on the scale than the frequencies the
    demands give a load or force for: one plain sentence each, so the clinician can check the entry."""
    scale = load_scale(scale_id)
    notes = []
    for activity, exposure in profile.exposure.items():
        if exposure.hours_per_shift is None or activity.kind is ActivityKind.POSTURE:
            continue
        try:
            result = classify_hours(min(exposure.hours_per_shift, shift_hours), shift_hours, scale)
        except (ScaleError, ValidationError):
            continue
        suggested = _FREQUENCY_OF_CODE.get(result.code)
        entered = {f.value for (a, f), v in profile.strength.items() if a is activity and v > 0}
        if suggested is None or not entered or suggested in entered:
            continue
        notes.append(f"{activity.label}: the recorded exposure, {format_number(exposure.hours_per_shift, 2)} h in a "
                     f"shift of {format_number(shift_hours, 2)} h, reads as {result.term.lower()} on the "
                     f"{scale.name} scale, but the demands give a value only for "
                     f"{', '.join(sorted(entered))}: check the entry.")
    return notes
