"""Instruments as data: every shipped definition loads and scores the reference's hand-worked answer sets; missing
answers, reversed items, bands, norms and change follow the rules; a licence-holder's ODI file loads from the data
folder, and a bundled one is refused."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.outcomes import instruments
from rtw_planner.domain.outcomes.instruments import Band, InstrumentError, get_instrument, load_instruments

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "resources" / "instruments"
SCHEMA = ROOT / "resources" / "schemas" / "instrument-v1.schema.json"
DOC = ROOT / "docs" / "instruments.md"
SHIPPED = {"PEG", "NRS-PAIN", "NRS-INTERFERENCE", "PSFS", "TSK-17", "TUG", "CHAIR-STAND-30S", "6MWT"}
NOT_SHIPPED = ("ODI", "QuickDASH", "BPI", "PROMIS", "WAI")
# Reference test case 7: 13 forward items at 3 (39) and items 4, 8, 12, 16 answered 1, reversed to 4 each (16).
TSK_EXAMPLE: list[float | None] = [1 if n in (4, 8, 12, 16) else 3 for n in range(1, 18)]


def odi_definition() -> dict[str, Any]:
    """The licence-holder's ODI file exactly as docs/instruments.md shows it."""
    blocks = re.findall(r"```json\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)
    found = [json.loads(b) for b in blocks if '"id": "ODI"' in b]
    assert len(found) == 1
    data: dict[str, Any] = found[0]
    return data


def write(folder: Path, name: str, data: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def raw(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((BUNDLED / name).read_text(encoding="utf-8"))
    return data


# --- shipped files ------------------------------------------------------------------------------------------------

def test_every_shipped_instrument_loads_and_nothing_else_is_installed() -> None:
    loaded = load_instruments()
    assert {i.id for i in loaded} == SHIPPED
    assert len(list(BUNDLED.glob("*.json"))) == len(SHIPPED)
    assert not any(i.clinic for i in loaded)
    assert all(i.may_ship and i.source and i.licence_note for i in loaded)
    assert [i.id.casefold() for i in loaded] == sorted(i.id.casefold() for i in loaded)


@pytest.mark.parametrize("path", sorted(BUNDLED.glob("*.json")), ids=lambda p: p.name)
def test_shipped_files_match_the_schema_and_their_names(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(data)
    assert data["id"].casefold() == path.stem
    assert data["format"] == "rtw-planner-instrument"
    assert data["version"] == 1


@pytest.mark.parametrize("name", NOT_SHIPPED)
def test_licensed_instruments_are_not_installed_by_default(name: str) -> None:
    assert not any(p.stem.casefold() == name.casefold() for p in BUNDLED.glob("*.json"))
    with pytest.raises(ValidationError, match="installed instruments") as info:
        get_instrument(name)
    assert "PEG" in info.value.allowed
    assert "TSK-17" in info.value.allowed


def test_ids_are_matched_case_insensitively() -> None:
    assert get_instrument("peg").id == get_instrument("PEG").id == "PEG"
    assert get_instrument("chair-stand-30s").id == "CHAIR-STAND-30S"
    assert get_instrument("6mwt").kind == "performance"


def test_performance_tests_have_one_measured_value_with_a_unit() -> None:
    units = {i.id: i.items[0].unit for i in load_instruments() if i.kind == "performance"}
    assert units == {"TUG": "s", "CHAIR-STAND-30S": "repetitions", "6MWT": "m"}
    assert all(len(i.items) == 1 for i in load_instruments() if i.kind == "performance")


def test_reference_thresholds_are_in_the_files_and_absent_ones_are_null() -> None:
    psfs, walk, peg, tsk = (get_instrument(i) for i in ("PSFS", "6MWT", "PEG", "TSK-17"))
    assert psfs.mcid is not None
    assert psfs.mcid[0] == 1.3
    assert psfs.mdc is not None
    assert psfs.mdc[0] == 2
    assert walk.mdc is not None
    assert walk.mdc[0] == 86
    assert walk.mcid is None
    assert (peg.mcid, peg.mdc, tsk.mcid, tsk.mdc) == (None, None, None, None)
    assert [p for _, p in peg.change_thresholds] == [10, 30, 50]
    assert all(not get_instrument(i).bands and get_instrument(i).norms is None
               for i in ("PEG", "NRS-PAIN", "NRS-INTERFERENCE", "PSFS", "6MWT"))


# --- hand-worked scores -------------------------------------------------------------------------------------------

def test_peg_is_the_mean_of_three_items() -> None:
    peg = get_instrument("PEG")
    assert peg.score([7, 6, 8]).value == 7.0
    follow_up = peg.score([5, 4, 5])
    assert follow_up.value == pytest.approx(14 / 3, abs=1e-12)
    assert f"{follow_up.value:.2f}" == "4.67"
    assert follow_up.band is None
    assert follow_up.answered == 3


def test_peg_drop_from_7_to_4_67_is_33_percent_and_moderate() -> None:
    peg = get_instrument("PEG")
    baseline, follow_up = peg.score([7, 6, 8]).value, peg.score([5, 4, 5]).value
    assert baseline is not None
    assert follow_up is not None
    change = peg.change(baseline, follow_up)
    assert change.direction == "better"
    assert change.percent == pytest.approx(-100 / 3)
    assert change.category == "moderate"
    assert peg.change(7, 3).category == "substantial"  # a 57% drop
    assert peg.change(7, 6.3).category == "minimal"  # exactly 10%, within floating-point noise
    assert change.meaningful is None  # the reference gives the PEG no MCID or MDC
    assert peg.change(7, 9).direction == "worse"
    assert peg.change(7, 9).category is None


def test_peg_allows_no_missing_answer() -> None:
    score = get_instrument("PEG").score([7, None, 8])
    assert score.value is None
    assert score.band is None
    assert score.answered == 2
    assert any("All 3 items must be answered" in note for note in score.notes)
    assert get_instrument("PEG").score([7, 6]).value is None  # answers left off count as missing


@pytest.mark.parametrize("instrument", ["NRS-PAIN", "NRS-INTERFERENCE"])
def test_single_item_nrs_scores_the_answer(instrument: str) -> None:
    nrs = get_instrument(instrument)
    assert len(nrs.items) == 1
    assert nrs.score([6]).value == 6.0
    assert nrs.score([None]).value is None
    assert nrs.change(10, 7).category == "moderate"  # a 30% drop
    assert nrs.change(10, 9.5).category is None


def test_psfs_is_the_mean_of_the_rated_activities() -> None:
    psfs = get_instrument("PSFS")
    assert psfs.score([4, 5, 6]).value == 5.0
    assert psfs.score([3, 4, 4, 6]).value == 4.25
    assert psfs.score([2, 3, 5, 6, 9]).value == 5.0
    assert psfs.score([4, None, 6, None, 8]).value == 6.0  # the mean of the three rated
    assert psfs.score([4, 5, 6]).answered == 3


def test_psfs_needs_at_least_three_activities() -> None:
    psfs = get_instrument("PSFS")
    two = psfs.score([4, None, 6])
    assert two.value is None
    assert two.answered == 2
    assert any("fewer than 3" in note for note in two.notes)


def test_psfs_rise_of_1_3_passes_the_mid_but_not_the_mdc_so_it_does_not_count() -> None:
    psfs = get_instrument("PSFS")
    small = psfs.change(4.0, 5.3)  # 1.2999999999999998 in floating point
    assert (small.direction, small.passes_mcid, small.passes_mdc, small.meaningful) == ("better", True, False, False)
    large = psfs.change(4.0, 6.0)
    assert (large.passes_mcid, large.passes_mdc, large.meaningful) == (True, True, True)
    assert psfs.change(6.0, 3.0).direction == "worse"
    assert psfs.change(5.0, 5.0).direction == "no change"


def test_tsk17_reference_example_is_55_and_high() -> None:
    score = get_instrument("TSK-17").score(TSK_EXAMPLE)
    assert score.value == 55
    assert score.band == "high kinesiophobia"
    assert any("4, 8, 12, 16" in note for note in score.notes)


def test_tsk17_reverses_items_4_8_12_16_only() -> None:
    tsk = get_instrument("TSK-17")
    assert [n for n, item in enumerate(tsk.items, 1) if item.reverse] == [4, 8, 12, 16]
    assert tsk.score([1] * 17).value == 13 * 1 + 4 * 4
    assert tsk.score([4] * 17).value == 13 * 4 + 4 * 1
    assert tsk.score([2] * 17).value == 13 * 2 + 4 * 3


def test_tsk17_band_boundary_is_above_37() -> None:
    tsk = get_instrument("TSK-17")
    answers: list[float | None] = [2] * 17  # 26 + 12 = 38
    assert tsk.score(answers).band == "high kinesiophobia"
    answers[0] = 1  # 37
    assert tsk.score(answers).value == 37
    assert tsk.score(answers).band == "not high (37 or less)"


def test_tsk17_allows_no_missing_answer() -> None:
    answers = list(TSK_EXAMPLE)
    answers[5] = None
    score = get_instrument("TSK-17").score(answers)
    assert score.value is None
    assert score.band is None
    assert score.answered == 16


def test_tug_at_or_above_12_seconds_is_higher_fall_risk() -> None:
    tug = get_instrument("TUG")
    assert tug.score([13]).band == "higher fall risk (STEADI)"
    assert tug.score([12]).band == "higher fall risk (STEADI)"
    assert tug.score([11.99]).band == "below the STEADI fall-risk cut-off (under 12 s)"
    assert tug.score([13.4]).value == 13.4
    assert any("13.5" in note for note in tug.score([13]).notes)


def test_chair_stand_uses_the_norm_for_age_and_sex() -> None:
    chair = get_instrument("CHAIR-STAND-30S")
    assert chair.score([13], age=62, sex="female").band == "average"  # women 60–64: 12–17
    assert chair.score([11], age=62, sex="female").band == "below average"
    assert chair.score([18], age=62, sex="female").band == "above average"
    assert chair.score([13], age=62, sex="male").band == "below average"  # men 60–64: 14–19
    assert chair.score([11], age=67, sex="female").band == "average"  # women 65–69: 11–16
    assert chair.score([19], age=67, sex="male").band == "above average"  # men 65–69: 12–18


def test_chair_stand_gives_no_band_outside_the_norms_population() -> None:
    chair = get_instrument("CHAIR-STAND-30S")
    young = chair.score([13], age=40, sex="female")
    assert young.value == 13
    assert young.band is None
    assert any("40-year-old" in note and "60–69" in note for note in young.notes)
    unknown = chair.score([13])
    assert unknown.band is None
    assert any("Give age and sex" in note for note in unknown.notes)
    assert chair.score([13], age=70, sex="male").band is None


def test_chair_stand_with_the_hands_used_scores_zero() -> None:
    chair = get_instrument("CHAIR-STAND-30S")
    assert chair.protocol is not None
    assert "hands" in chair.protocol
    assert "scores 0" in chair.protocol
    score = chair.score([0], age=62, sex="female")
    assert score.value == 0
    assert score.band == "below average"
    with pytest.raises(ValidationError):
        chair.score([12.5], age=62, sex="female")  # whole stands only


def test_6mwt_change_of_90_m_passes_the_mdd_of_86() -> None:
    walk = get_instrument("6MWT")
    change = walk.change(300, 390)
    assert (change.direction, change.passes_mdc, change.passes_mcid, change.meaningful) == \
        ("better", True, None, True)
    assert walk.change(300, 380).meaningful is False
    assert walk.change(390, 300).direction == "worse"
    assert walk.score([412.5]).band is None


# --- answer validation --------------------------------------------------------------------------------------------

def test_an_out_of_range_answer_names_the_item_value_and_range() -> None:
    with pytest.raises(ValidationError) as info:
        get_instrument("PEG").score([7, 11, 8])
    assert info.value.field == "PEG item 2 (enjoyment)"
    assert info.value.value == 11
    assert "from 0 to 10" in info.value.allowed


@pytest.mark.parametrize("answer", [-1, 10.5, 7.5, float("nan"), float("inf"), True, "7"])
def test_bad_peg_answers_are_refused(answer: object) -> None:
    with pytest.raises(ValidationError, match="PEG item 1"):
        get_instrument("PEG").score([answer, 6, 8])  # type: ignore[list-item]


def test_tsk_answer_of_zero_is_out_of_range() -> None:
    answers = list(TSK_EXAMPLE)
    answers[3] = 0
    with pytest.raises(ValidationError, match=r"TSK-17 item 4 \(item_4\).*from 1 to 4"):
        get_instrument("TSK-17").score(answers)


def test_too_many_answers_and_bad_age_or_sex_are_refused() -> None:
    with pytest.raises(ValidationError, match="at most 3"):
        get_instrument("PEG").score([1, 2, 3, 4])
    chair = get_instrument("CHAIR-STAND-30S")
    with pytest.raises(ValidationError, match="age"):
        chair.score([13], age=-1, sex="female")
    with pytest.raises(ValidationError, match="sex"):
        chair.score([13], age=62, sex="other")


def test_band_bounds_are_met_within_floating_point_noise() -> None:
    band = Band("moderate", gt=20, le=40)
    assert band.contains(40.00000000000001)
    assert band.contains(20.5)
    assert not band.contains(20.000000000000004)
    assert not band.contains(40.1)


# --- a licence-holder's definition in the data folder --------------------------------------------------------------

def test_licence_holders_odi_file_loads_from_the_data_folder_and_scores_the_reference_examples(
        data_dir: Path) -> None:
    write(data_dir / "instruments", "odi.json", odi_definition())
    odi = get_instrument("odi")
    assert odi.clinic
    assert not odi.may_ship
    assert "ODI" in {i.id for i in load_instruments()}
    full = odi.score([2, 2, 2, 2, 2, 2, 1, 1, 1, 1])  # sum 16 of 50
    assert full.value == pytest.approx(32.0, abs=1e-12)
    assert full.band == "moderate"
    skipped = odi.score([2, 2, 2, 2, 2, 2, 2, 1, 1, None])  # sum 16 of 45
    assert skipped.value == pytest.approx(16 / 45 * 100, abs=1e-12)
    assert round(skipped.value, 2) == 35.56
    assert skipped.band == "moderate"
    assert odi.score([2, 2, 2, 2, 2, 2, 2, 1, None, None]).value is None
    assert odi.change(42, 30).meaningful is True
    assert odi.change(42, 35).meaningful is False


def test_percentage_method_gives_the_same_odi_score(data_dir: Path) -> None:
    data = odi_definition()
    data["scoring"] = {"method": "percentage"}
    write(data_dir / "instruments", "odi.json", data)
    assert get_instrument("ODI").score([2, 2, 2, 2, 2, 2, 2, 1, 1, None]).value == pytest.approx(16 / 45 * 100)


def test_a_licensed_definition_shipped_by_mistake_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = tmp_path / "bundled"
    shutil.copytree(BUNDLED, bundled)
    write(bundled, "odi.json", odi_definition())
    monkeypatch.setattr(instruments, "bundled_folder", lambda: bundled)
    with pytest.raises(InstrumentError, match=r"odi\.json: licence/may_ship"):
        get_instrument("ODI")
    with pytest.raises(InstrumentError, match="may not be shipped"):
        load_instruments()
    assert get_instrument("PEG").score([7, 6, 8]).value == 7.0


def test_a_clinic_file_replaces_the_bundled_one_with_the_same_id(data_dir: Path) -> None:
    data = raw("peg.json")
    data["id"] = "peg"
    data["name"] = "PEG (clinic copy)"
    write(data_dir / "instruments", "PEG.json", data)
    peg = get_instrument("PEG")
    assert peg.clinic
    assert peg.name == "PEG (clinic copy)"
    assert [i.name for i in load_instruments() if i.id.casefold() == "peg"] == ["PEG (clinic copy)"]


@pytest.mark.parametrize(("change", "field"), [
    (lambda d: d["scoring"].update(method="median"), "scoring/method"),
    (lambda d: d["scoring"].update(formula="__import__('os').system('true')"), "scoring/formula"),
    (lambda d: d["scoring"].update(formula="sum(answered) / section_11"), "scoring/formula"),
    (lambda d: d["scoring"].update(reverse_as="answer ** 2"), "scoring/reverse_as"),
    (lambda d: d["items"][0].update(max=-1), "items/0/max"),
    (lambda d: d["items"][1].update(id="section_1"), "items/1/id"),
    (lambda d: d["missing"].update(min_answered=11), "missing/min_answered"),
    (lambda d: d.update(id="OSW"), "id"),
    (lambda d: d["bands"][1].update(ge=20), "bands/1"),
    (lambda d: d.pop("licence"), "(top level)"),
    (lambda d: d.update(version=2), "version"),
])
def test_broken_clinic_files_are_named_with_the_field(data_dir: Path, change: Any, field: str) -> None:
    data = odi_definition()
    change(data)
    path = write(data_dir / "instruments", "odi.json", data)
    with pytest.raises(InstrumentError) as info:
        get_instrument("ODI")
    assert str(info.value).startswith(f"{path}: {field}")


def test_a_sum_with_missing_answers_allowed_is_refused(data_dir: Path) -> None:
    data = odi_definition()
    data["scoring"] = {"method": "sum"}
    write(data_dir / "instruments", "odi.json", data)
    with pytest.raises(InstrumentError, match="a sum needs every item answered"):
        get_instrument("ODI")


def test_invalid_json_is_named(data_dir: Path) -> None:
    folder = data_dir / "instruments"
    folder.mkdir()
    (folder / "odi.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InstrumentError, match=r"odi\.json: not valid JSON"):
        get_instrument("ODI")


def test_a_formula_naming_a_missing_item_gives_no_score(data_dir: Path) -> None:
    data = odi_definition()
    data["scoring"] = {"method": "formula", "formula": "sum(answered) + section_10 * 0"}
    write(data_dir / "instruments", "odi.json", data)
    odi = get_instrument("ODI")
    assert odi.score([1] * 10).value == 10
    missing = odi.score([1] * 9 + [None])
    assert missing.value is None
    assert any("section_10" in note for note in missing.notes)


def test_division_by_zero_while_scoring_is_a_scoring_error(data_dir: Path) -> None:
    data = odi_definition()
    data["scoring"] = {"method": "formula", "formula": "sum(answered) / (count(answered) - 10)"}
    write(data_dir / "instruments", "odi.json", data)
    with pytest.raises(InstrumentError, match="division by zero"):
        get_instrument("ODI").score([1] * 10)
