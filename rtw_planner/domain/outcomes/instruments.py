"""Outcome-measure instruments as data (bundled and the clinic's): exact scoring, bands, norms and change."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rtw_planner.assets import bundled_resources_dir, data_dir, data_files
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.files import DataFileProblem, checked, read_json
from rtw_planner.domain.outcomes.formula import Formula, FormulaError, parse

FORMAT = "rtw-planner-instrument"
VERSION = 1
FOLDER = "instruments"
SEXES = ("female", "male")
MAX_AGE = 120
DEFAULT_REVERSE = "min + max - answer"
FORMULA_NAMES = frozenset({"items", "answered", "n_items"})  # besides the item ids
TOLERANCE = 1e-9  # bounds and thresholds are met within this, so 5.3 - 4.0 = 1.2999999999999998 passes 1.3


class InstrumentError(ValueError):
    """An instrument file could not be used; the message names the file, the field and the problem."""


def _near(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=TOLERANCE)


def _at_least(a: float, b: float) -> bool:
    return a >= b or _near(a, b)


@dataclass(frozen=True)
class Item:
    """One question or measured value; `step` None means any value in the range."""

    id: str
    text: str
    min: float
    max: float
    step: float | None
    reverse: bool
    unit: str | None = None

    def check(self, field: str, value: object) -> float:
        """The answer as a float, or ValidationError naming the item, the value and the range."""
        allowed = f"a number from {self.min:g} to {self.max:g}{f' {self.unit}' if self.unit else ''}"
        allowed += f" in steps of {self.step:g}" if self.step else ""
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise ValidationError(field, value, allowed + ", or - for a missing answer")
        number = float(value)
        off_step = self.step is not None and not _near((number - self.min) / self.step,
                                                       round((number - self.min) / self.step))
        if not _at_least(number, self.min) or not _at_least(self.max, number) or off_step:
            raise ValidationError(field, value, allowed)
        return number


@dataclass(frozen=True)
class Band:
    """A labelled range; each bound is optional (gt/ge below, lt/le above)."""

    label: str
    gt: float | None = None
    ge: float | None = None
    lt: float | None = None
    le: float | None = None
    note: str | None = None

    def contains(self, value: float) -> bool:
        """Whether the value lies in the band (a value within TOLERANCE of a bound is on it)."""
        return ((self.gt is None or (value > self.gt and not _near(value, self.gt)))
                and (self.ge is None or _at_least(value, self.ge))
                and (self.lt is None or (value < self.lt and not _near(value, self.lt)))
                and (self.le is None or _at_least(self.le, value)))


@dataclass(frozen=True)
class NormRow:
    """The average range [low, high] for one age range and sex."""

    age_min: int
    age_max: int
    sex: str
    low: float
    high: float


@dataclass(frozen=True)
class Norms:
    """Age- and sex-specific average ranges; outside their population no band is given."""

    population: str
    below: str
    within: str
    above: str
    rows: tuple[NormRow, ...]

    def band(self, value: float, age: int | None, sex: str | None) -> tuple[str | None, str | None]:
        """(band, note): the band for this age and sex, or None with a note saying why there is none."""
        if age is None or sex is None:
            return None, f"Give age and sex for a band; the norms cover {self.population}."
        row = next((r for r in self.rows if r.sex == sex and r.age_min <= age <= r.age_max), None)
        if row is None:
            return None, f"No band for a {age}-year-old {sex}: the norms cover only {self.population}."
        label = self.below if not _at_least(value, row.low) else self.above if not _at_least(row.high, value) \
            else self.within
        return label, f"Norm for {sex}s aged {row.age_min}–{row.age_max}: average range {row.low:g}–{row.high:g}."


@dataclass(frozen=True)
class Score:
    """A scored answer set; `value` is unrounded and None when the missing-answer rule forbids a score."""

    instrument: str
    value: float | None
    band: str | None
    answered: int
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Change:
    """Baseline to follow-up: better or worse by the instrument's direction, and whether it passes MCID and MDC.
    `meaningful` is True only when it passes every threshold that is known (None when none is)."""

    baseline: float
    follow_up: float
    difference: float
    percent: float | None
    direction: str  # "better", "worse" or "no change"
    passes_mcid: bool | None
    passes_mdc: bool | None
    meaningful: bool | None
    category: str | None  # the highest percentage threshold an improvement reaches
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Instrument:
    """One instrument definition; `clinic` is True when it came from the clinic's data folder."""

    id: str
    name: str
    kind: str
    description: str
    protocol: str | None
    items: tuple[Item, ...]
    method: str
    formula: Formula | None
    reverse_as: Formula
    display_decimals: int
    min_answered: int
    missing_rule: str
    direction: str
    bands: tuple[Band, ...]
    norms: Norms | None
    mcid: tuple[float, str] | None  # (points, note)
    mdc: tuple[float, str] | None
    change_thresholds: tuple[tuple[str, float], ...]
    change_note: str | None
    licence_note: str
    may_ship: bool
    source: tuple[str, ...]
    path: Path
    clinic: bool = False

    def score(self, answers: list[float | None], age: int | None = None, sex: str | None = None) -> Score:
        """Score answers given in item order (None = missing; answers not given count as missing)."""
        if len(answers) > len(self.items):
            raise ValidationError(f"{self.id} answers", len(answers), f"at most {len(self.items)}, one per item")
        if age is not None and (isinstance(age, bool) or not isinstance(age, int) or not 0 <= age <= MAX_AGE):
            raise ValidationError("age", age, f"a whole number of years from 0 to {MAX_AGE}")
        if sex is not None and sex not in SEXES:
            raise ValidationError("sex", sex, " or ".join(SEXES))
        scored: dict[str, float] = {}
        for n, (item, answer) in enumerate(zip(self.items, answers, strict=False), start=1):
            if answer is not None:
                value = item.check(f"{self.id} item {n} ({item.id})", answer)
                scored[item.id] = self._reverse(item, value) if item.reverse else value
        notes = [f"Items {', '.join(str(n) for n, i in enumerate(self.items, 1) if i.reverse)} are reverse-scored "
                 f"({self.reverse_as.text})."] if any(i.reverse for i in self.items) else []
        needed = sorted((self.formula.names if self.formula else frozenset()) - FORMULA_NAMES - set(scored))
        if len(scored) < self.min_answered or needed:
            why = f" The scoring formula needs {', '.join(needed)}." if needed else ""
            notes.append(f"{len(scored)} of {len(self.items)} items answered: no score.{why} {self.missing_rule}")
            return Score(self.id, None, None, len(scored), tuple(notes))
        value = self._total(scored)
        band = next((b for b in self.bands if b.contains(value)), None)
        label = band.label if band else None
        notes += [band.note] if band and band.note else []
        if self.norms is not None:
            label, note = self.norms.band(value, age, sex)
            notes += [note] if note else []
        return Score(self.id, value, label, len(scored), tuple(notes))

    def _reverse(self, item: Item, value: float) -> float:
        return self._evaluate(self.reverse_as, {"answer": value, "min": item.min, "max": item.max})

    def _evaluate(self, formula: Formula, env: dict[str, Any]) -> float:
        try:
            return formula.evaluate(env)
        except FormulaError as exc:
            raise InstrumentError(f"{self.path}: scoring formula {formula.text!r}: {exc}") from None

    def _total(self, scored: dict[str, float]) -> float:
        values = list(scored.values())
        if self.method == "sum":
            return math.fsum(values)
        if self.method == "mean":
            return math.fsum(values) / len(values)
        if self.method == "percentage":  # points above each item's minimum, out of the answered items' ranges
            answered = [i for i in self.items if i.id in scored]
            return math.fsum(scored[i.id] - i.min for i in answered) * 100 / math.fsum(i.max - i.min for i in answered)
        assert self.formula is not None
        return self._evaluate(self.formula, {"items": values, "answered": values,
                                             "n_items": float(len(self.items)), **scored})

    def change(self, baseline: float, follow_up: float) -> Change:
        """Compare two scores; a change counts only when it passes both MCID and MDC where both are known."""
        for name, value in (("baseline", baseline), ("follow-up", follow_up)):
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                raise ValidationError(f"{self.id} {name}", value, "a score (a finite number)")
        difference, size = follow_up - baseline, abs(follow_up - baseline)
        improving = difference < 0 if self.direction == "higher is worse" else difference > 0
        direction = "no change" if _near(difference, 0) else "better" if improving else "worse"
        mcid, mdc = (None if t is None else _at_least(size, t[0]) for t in (self.mcid, self.mdc))
        known = [p for p in (mcid, mdc) if p is not None]
        percent = None if baseline == 0 else difference / abs(baseline) * 100
        met = max(((pct, label) for label, pct in self.change_thresholds
                   if percent is not None and direction == "better" and _at_least(abs(percent), pct)), default=None)
        notes = [t[1] for t in (self.mcid, self.mdc) if t] + ([self.change_note] if self.change_note else [])
        return Change(float(baseline), float(follow_up), difference, percent, direction, mcid, mdc,
                      all(known) if known else None, met[1] if met else None, tuple(notes))


def bundled_folder() -> Path:
    """Where the shipped definitions are."""
    return bundled_resources_dir() / FOLDER


def clinic_folder() -> Path:
    """Where a clinic's own (for example licensed) definitions go; one with a bundled id replaces it."""
    return data_dir() / FOLDER


def _threshold(data: dict[str, Any] | None) -> tuple[float, str] | None:
    return None if data is None else (float(data["value"]), data["note"].strip())


def from_dict(data: object, path: Path, *, clinic: bool = False) -> Instrument:
    """Build an instrument from decoded JSON; raises InstrumentError naming the file and the field."""
    def fail(where: str, problem: str) -> InstrumentError:
        return InstrumentError(f"{path}: {where}: {problem}")

    try:
        data = checked(data, "an instrument file", FORMAT, VERSION, "instrument-v1")
    except DataFileProblem as problem:
        raise InstrumentError(f"{path}: {problem}") from None
    if data["id"].casefold() != path.stem.casefold():
        raise fail("id", f"{data['id']!r} must match the file name {path.name!r} (apart from case)")
    if not clinic and not data["licence"]["may_ship"]:
        raise fail("licence/may_ship", f"false: {data['id']} may not be shipped with RTW Planner; a clinic that holds "
                                       f"a licence adds the file to its data folder ({FOLDER}/)")
    items = tuple(Item(i["id"], i["text"].strip(), float(i["min"]), float(i["max"]),
                       None if i["step"] is None else float(i["step"]), i["reverse"], i.get("unit"))
                  for i in data["items"])
    for n, item in enumerate(items):
        if item.max <= item.min:
            raise fail(f"items/{n}/max", f"{item.max:g} must be above min {item.min:g}")
        if item.id in FORMULA_NAMES or item.id in {i.id for i in items[:n]}:
            raise fail(f"items/{n}/id", f"{item.id!r} is reserved or used twice")
    scoring, missing = data["scoring"], data["missing"]
    if missing["min_answered"] > len(items):
        raise fail("missing/min_answered", f"{missing['min_answered']} is more than the {len(items)} items")
    if scoring["method"] == "sum" and missing["min_answered"] < len(items):
        raise fail("missing/min_answered", "a sum needs every item answered; use mean, percentage or a formula")
    try:
        formula = parse(scoring["formula"], FORMULA_NAMES | {i.id for i in items}) if "formula" in scoring else None
    except FormulaError as exc:
        raise fail("scoring/formula", str(exc)) from None
    try:
        reverse_as = parse(scoring.get("reverse_as", DEFAULT_REVERSE), {"answer", "min", "max"})
    except FormulaError as exc:
        raise fail("scoring/reverse_as", str(exc)) from None
    norms = data["norms"]
    rows = tuple(NormRow(**row) for row in norms["rows"]) if norms else ()
    for n, row in enumerate(rows):
        if row.age_min > row.age_max or row.low > row.high:
            raise fail(f"norms/rows/{n}", "age_min must not exceed age_max, nor low exceed high")
    return Instrument(
        data["id"], data["name"].strip(), data["kind"], data["description"].strip(), data.get("protocol"), items,
        scoring["method"], formula, reverse_as, scoring.get("display_decimals", 2), missing["min_answered"],
        missing["rule"].strip(), data["direction"], tuple(Band(**b) for b in data["bands"]),
        Norms(norms["population"], norms["below"], norms["within"], norms["above"], rows) if norms else None,
        _threshold(data["mcid"]), _threshold(data["mdc"]),
        tuple((t["label"], t["percent"]) for t in data.get("change_thresholds", [])), data.get("change_note"),
        data["licence"]["note"], data["licence"]["may_ship"], tuple(data["source"]), path, clinic)


def read_instrument(path: Path, *, clinic: bool = False) -> Instrument:
    """Read one definition file; raises InstrumentError naming the file and the problem."""
    try:
        data = read_json(path)
    except DataFileProblem as problem:
        raise InstrumentError(f"{path}: {problem}") from None
    return from_dict(data, path, clinic=clinic)


def _files() -> dict[str, tuple[Path, bool]]:
    """Definition files by case-folded file name; the clinic's replace bundled ones with the same id."""
    try:
        return data_files(bundled_folder(), clinic_folder())
    except ValueError as exc:
        raise InstrumentError(str(exc)) from None


def load_instruments() -> list[Instrument]:
    """Every installed instrument, bundled and the clinic's, sorted by id."""
    return sorted((read_instrument(path, clinic=clinic) for path, clinic in _files().values()),
                  key=lambda i: i.id.casefold())


def get_instrument(instrument_id: str) -> Instrument:
    """One instrument by id, in any case; an unknown id raises ValidationError listing the installed ones."""
    files = _files()
    key = instrument_id.strip().casefold()
    if key not in files:
        installed = ", ".join(sorted(stem.upper() for stem in files)) or "none"
        raise ValidationError("instrument", instrument_id, f"one of the installed instruments ({installed}); a "
                              f"licensed instrument is installed by adding its definition file to {clinic_folder()}")
    path, clinic = files[key]
    return read_instrument(path, clinic=clinic)
