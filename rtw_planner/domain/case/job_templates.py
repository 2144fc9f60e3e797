"""The job catalog: generic job templates bundled in resources/jobs and a clinic's own in <data folder>/jobs.

A template's demands are a case file's `demands` object (read and written through casefile); copying one into a
case flags the demands as a generic template, so the match and every document say so."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rtw_planner.assets import bundled_resources_dir, data_dir, data_files
from rtw_planner.domain.case import casefile
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.files import DataFileProblem, checked, read_json
from rtw_planner.domain.data.validation import MAX_LONG_TEXT, text
from rtw_planner.domain.demands.job import DemandSource, JobDemands
from rtw_planner.domain.demands.strength import DEFAULT_TABLE, StrengthLevel, classify_job, job_loads, load_table

FORMAT = "rtw-planner-job-template"
VERSION = 1
JOBS_FOLDER = "jobs"
ILLUSTRATIVE_NOTE = "Illustrative values, to be checked against the actual workplace."
CLINIC_SOURCE = "Clinic template"
CLINIC_NOTE = "Saved by the clinic from a case; check it against the actual workplace before relying on it."
COMPUTED_BASIS = "computed from the loads below"
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,59}")


class CatalogError(ValueError):
    """A job template file could not be read; the message names the file, the field and the problem."""


@dataclass(frozen=True)
class JobTemplate:
    """One job of the catalog. `demands` are already flagged as a generic template named after the title;
    `clinic` is True when the template came from the clinic's data folder."""

    id: str
    title: str
    description: str
    strength_level: StrengthLevel
    strength_table: str
    strength_basis: str
    source: str | None
    illustrative: bool
    note: str
    demands: JobDemands
    clinic: bool = False


def bundled_folder() -> Path:
    """Where the shipped templates are."""
    return bundled_resources_dir() / JOBS_FOLDER


def clinic_folder() -> Path:
    """Where the clinic's own templates are (a file with a bundled template's id replaces it)."""
    return data_dir() / JOBS_FOLDER


def computed_level(demands: JobDemands, table_id: str = DEFAULT_TABLE) -> StrengthLevel:
    """The job's strength level from its heaviest lift or carry per frequency and the table's Light rules."""
    return classify_job(*job_loads(demands.profile), load_table(table_id),
                        standing_walking_most_of_day=demands.standing_walking_beyond_occasional,
                        arm_leg_controls=demands.arm_leg_controls, production_pace=demands.production_pace).level


def apply_template(template: JobTemplate) -> JobDemands:
    """Editable demands for a case, copied from the template and flagged as a generic template."""
    return replace(template.demands, source=DemandSource.GENERIC_TEMPLATE, template=template.title)


def _read_demands(data: dict[str, Any]) -> JobDemands:
    """Demands through the case-file reader, so a template obeys every rule a case file's demands do."""
    wrapper = {"format": casefile.FORMAT, "version": casefile.VERSION, "patient_name": "job template",
               "demands": data}
    return casefile.from_dict(wrapper).demands


def _demands_dict(demands: JobDemands) -> dict[str, Any]:
    """Demands in their case-file form, without the case's source and template name."""
    out = casefile.to_dict(Case(patient_name="job template", demands=demands))["demands"]
    return {k: v for k, v in out.items() if k not in ("source", "template")}


def from_dict(data: object, path: Path, *, clinic: bool = False) -> JobTemplate:
    """Build a template from decoded JSON; raises CatalogError naming the file and the field."""
    def fail(where: str, problem: str) -> CatalogError:
        return CatalogError(f"{path}: {where}: {problem}")

    try:
        data = checked(data, "a job template", FORMAT, VERSION, "job-template-v1")
    except DataFileProblem as problem:
        raise CatalogError(f"{path}: {problem}") from None
    if data["id"] != path.stem:
        raise fail("id", f"{data['id']!r} must match the file name {path.name!r}")
    if data["source"] is None and data["illustrative"] is not True:
        raise fail("illustrative", "must be true when the template gives no source")
    if data["illustrative"] and "illustrative" not in data["note"].lower():
        raise fail("note", "must say that the values are illustrative")
    try:
        title = text("title", data["title"], required=True)
        description = text("description", data.get("description", ""), max_length=MAX_LONG_TEXT)
        demands = _read_demands(data["demands"])
    except ValidationError as exc:
        raise CatalogError(f"{path}: {exc}") from None
    except casefile.CaseFileError as exc:
        raise fail("demands", str(exc)) from None
    level = data["strength_level"]
    return JobTemplate(data["id"], title, description, StrengthLevel(level["level"]), level["table"],
                       level["basis"].strip(), data["source"], data["illustrative"], data["note"].strip(),
                       replace(demands, source=DemandSource.GENERIC_TEMPLATE, template=title), clinic)


def read_template(path: Path, *, clinic: bool = False) -> JobTemplate:
    """Read one template file; raises CatalogError naming the file and the problem."""
    try:
        data = read_json(path)
    except DataFileProblem as problem:
        raise CatalogError(f"{path}: {problem}") from None
    return from_dict(data, path, clinic=clinic)


def _files() -> dict[str, tuple[Path, bool]]:
    """Template files by id; the clinic's replace bundled ones with the same id."""
    try:
        files = data_files(bundled_folder(), clinic_folder())
    except ValueError as exc:
        raise CatalogError(str(exc)) from None
    return {name: entry for name, entry in files.items() if _ID.fullmatch(entry[0].stem)}


def load_templates() -> list[JobTemplate]:
    """Every template, bundled and the clinic's, sorted by title."""
    templates = [read_template(path, clinic=clinic) for path, clinic in _files().values()]
    return sorted(templates, key=lambda t: (t.title.casefold(), t.id))


def load_template(template_id: str) -> JobTemplate:
    """One template by id (the clinic's copy wins); an unknown id raises ValidationError listing the known ids."""
    files = _files()
    if template_id not in files:
        raise ValidationError("job template", template_id, "one of " + ", ".join(sorted(files)))
    path, clinic = files[template_id]
    return read_template(path, clinic=clinic)


def slug(title: str) -> str:
    """The file id for a title: 'Nursing assistant (nights)' -> 'nursing-assistant-nights'."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    result = re.sub(r"[^a-z0-9]+", "-", ascii_title).strip("-")[:60].strip("-")
    if not result:
        raise ValidationError("template title", title, "text with at least one letter or digit")
    return result


def save_clinic_template(demands: JobDemands, title: str, description: str = "") -> Path:
    """Save demands as the clinic's own template <data folder>/jobs/<slug>.json, atomically; returns the path.
    A title whose slug is a bundled template's id replaces that template for this clinic."""
    from rtw_planner.files import write_private

    title = text("template title", title, required=True)
    description = text("template description", description, max_length=MAX_LONG_TEXT)
    template_id = slug(title)
    data = {
        "format": FORMAT, "version": VERSION, "id": template_id, "title": title, "description": description,
        "strength_level": {"level": computed_level(demands).value, "table": DEFAULT_TABLE, "basis": COMPUTED_BASIS},
        "source": CLINIC_SOURCE, "illustrative": False, "note": CLINIC_NOTE,
        "demands": _demands_dict(demands),
    }
    folder = clinic_folder()
    path = folder / f"{template_id}.json"
    from_dict(data, path, clinic=True)  # what is written must load back
    folder.mkdir(parents=True, exist_ok=True)
    write_private(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    return path
