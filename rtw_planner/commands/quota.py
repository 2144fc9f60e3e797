"""`quota --trials T1 T2 ... --goal G [--start-percent P] [--weekly-percent W] [--json]`: graded-activity quotas."""

from __future__ import annotations

import argparse
import json
from typing import Any

from rtw_planner.domain.plan.quota import MAX_WEEKS, QuotaActivity, QuotaUnit

# Which option each domain field came from, so an error names what the user typed.
OPTIONS = {"trials": "--trials", "goal": "--goal", "start percent": "--start-percent",
           "weekly percent": "--weekly-percent", "target weeks": "--target-weeks", "unit": "--unit"}
UNITS = ", ".join(u.value for u in QuotaUnit)


def add_parser(subparsers: Any) -> None:
    """Register the command."""
    p = subparsers.add_parser(
        "quota", help="weekly graded-activity quotas from tolerance trials up to a goal",
        description="The baseline is the mean of the trials. Week 1 is a percentage of it; each later week rises by "
                    "a percentage of the week before (compounding), or in equal steps with --target-weeks. The last "
                    f"week is the goal itself. A goal not reached within {MAX_WEEKS} weeks is refused. "
                    "Percentages are plain numbers: 80 means 80%.")
    p.add_argument("--trials", nargs="+", required=True, metavar="T", help="tolerance trial results, in the unit")
    p.add_argument("--goal", required=True, metavar="G", help="the goal, in the unit")
    p.add_argument("--start-percent", default="80", metavar="P",
                   help="week 1 as a percentage of the baseline (default 80; Dutch graded activity uses 70)")
    p.add_argument("--weekly-percent", metavar="W", help="rise each week, compounding (default 10)")
    p.add_argument("--target-weeks", metavar="N", help="instead of --weekly-percent: equal steps, reaching the goal in "
                                                       "week N")
    p.add_argument("--unit", default="min", metavar="|".join(u.value for u in QuotaUnit),
                   help="what the trials and goal count: minutes, metres, repetitions or kg (default min)")
    p.add_argument("--json", action="store_true", help="print one JSON object with the unrounded weekly quotas")


def _number(option: str, typed: str, allowed: str) -> float:
    from rtw_planner.commands._support import number_argument

    return number_argument(option, typed, allowed)


def to_json(activity: QuotaActivity, weeks: tuple[float, ...]) -> dict[str, Any]:
    """The plan as one JSON object; `weeks` are unrounded, `shown` as printed."""
    return {"unit": activity.unit.value, "trials": list(activity.trials), "baseline": activity.baseline,
            "start_percent": activity.start_percent, "progression": activity.progression.value,
            "weekly_percent": activity.weekly_percent, "target_weeks": activity.target_weeks,
            "weekly_step": activity.weekly_step, "goal": activity.goal, "weeks": list(weeks),
            "shown": [activity.unit.display(w) for w in weeks]}


def run(args: argparse.Namespace) -> int:
    """Print the weekly quotas, or exit 2 through UsageError on bad input."""
    from rtw_planner.commands._support import UsageError, shown, whole_argument
    from rtw_planner.domain.data.errors import ValidationError, describe

    if args.unit not in [u.value for u in QuotaUnit]:
        raise UsageError(f"--unit: {shown(args.unit)} is not allowed; expected one of {UNITS}")
    unit = QuotaUnit(args.unit)
    trials = tuple(_number("--trials", t, f"numbers of 0 or more ({unit.value})") for t in args.trials)
    goal = _number("--goal", args.goal, f"a number above 0 ({unit.value})")
    start = _number("--start-percent", args.start_percent, "a percentage above 0 and up to 100")
    target_weeks: int | None = None
    if args.target_weeks is not None:
        if args.weekly_percent is not None:
            raise UsageError("--target-weeks: cannot be combined with --weekly-percent; give one or the other")
        target_weeks = whole_argument("--target-weeks", args.target_weeks,
                                      f"a whole number of weeks from 1 to {MAX_WEEKS}")
    weekly = None if target_weeks is not None else _number(
        "--weekly-percent", "10" if args.weekly_percent is None else args.weekly_percent, "a percentage above 0")
    try:
        activity = QuotaActivity("quota", unit, trials, goal, start, weekly, target_weeks)
        weeks = activity.weeks()
    except ValidationError as exc:
        value = f"{exc.value:g}" if isinstance(exc.value, float) else describe(exc.value, private=False)
        option = OPTIONS.get(exc.field, exc.field)
        raise UsageError(f"{option}: {value} is not allowed; expected {exc.allowed}") from None
    if args.json:
        print(json.dumps(to_json(activity, weeks), ensure_ascii=False))
        return 0
    rise = (f"then +{activity.weekly_percent:g}% a week, compounding" if activity.weekly_percent is not None
            else f"then equal steps to the goal in week {activity.target_weeks}")
    print(f"Baseline {unit.display(activity.baseline)} (mean of {len(trials)} trial{'s' * (len(trials) != 1)}); "
          f"week 1 is {activity.start_percent:g}% of it, {rise}; goal {unit.display(goal)}.")
    print("Week  Quota")
    for number, quota in enumerate(weeks, start=1):
        print(f"{number:>4}  {unit.display(quota)}{'  (goal)' if number == len(weeks) else ''}")
    print("Quotas are shown rounded (minutes to 0.5 below 10, whole from 10; metres whole below 100, to 10 from 100; "
          "repetitions whole; kg to 0.5). --json gives the unrounded values.")
    return 0
