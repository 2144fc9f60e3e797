"""niosh --task SPEC --task SPEC prints the composite lifting index (CLI) of a multi-task job."""

from __future__ import annotations

import pytest
from command_support import bind

from rtw_planner.commands import niosh

parse, run_json, usage_error = bind(niosh, "niosh", one_line=True)

# The reference's worked example TV4 (job-demands-and-capacity.md), US units, long duration, V 30 in (VM 1, the
# V >= 30 in columns of Table 5), D 10 in (DM .82 + 1.8/10 = 1.00), good coupling (CM 1):
#   A: H 20 in (HM 10/20 = .50), A 67.5° (AM 1 - .0032 × 67.5 = .784): FIRWL 51 × .5 × .784 = 19.99 ≈ 20 lb;
#      2/min long: FM .65, STRWL 13.0, FILI 15/20 = .75, STLI 15/13 = 1.154.
#   B: H 17 in (HM 10/17 = .588), A 0: FIRWL 51 × .588 = 30 lb; 3/min long: FM .55, STRWL 16.5,
#      FILI 12/30 = .40, STLI 12/16.5 = .727.
#   Order by STLI: A, then B. Summed frequency 2 + 3 = 5/min long: FM .35.
#   CLI = 1.154 + .40 × (1/.35 - 1/.65) = 1.154 + .40 × 1.3187 = 1.154 + .527 = 1.68.
TV4 = ["--units", "us", "--duration", "long", "--coupling", "good",
       "--task", "load=15,h=20,v=30,d=10,a=67.5,freq=2,name=A", "--task", "load=12,h=17,v=30,d=10,a=0,freq=3,name=B"]

# A metric job worked by hand, short duration, V 75 cm (VM 1), D 25 cm (DM .82 + 4.5/25 = 1), A 0, good coupling:
#   1: 10 kg, H 25 cm (HM 1): FIRWL 23 kg; 1/min short: FM .94; FILI 10/23 = .4348; STLI 10/21.62 = .4625.
#   2: 12 kg, H 50 cm (HM .5): FIRWL 11.5 kg; 2/min short: FM .91; STRWL 10.465; STLI 12/10.465 = 1.1467.
#   Order: task 2, then task 1 (summed 3/min short: FM .88).
#   CLI = 1.1467 + .4348 × (1/.88 - 1/.91) = 1.1467 + .4348 × .03746 = 1.1467 + .0163 = 1.1630.
METRIC = ["--duration", "short", "--coupling", "good",
          "--task", "load=10,h=25,v=75,d=25,a=0,freq=1", "--task", "load=12,h=50,v=75,d=25,a=0,freq=2"]


def test_tv4_composite_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(TV4, capsys)
    assert data["cli"] == pytest.approx(1.68, abs=0.005)
    a, b = data["tasks"]
    assert (a["name"], a["firwl_lb"], a["fm"], a["fili"], a["stli"]) == \
        ("A", pytest.approx(20, abs=0.01), 0.65, pytest.approx(0.75, abs=0.001), pytest.approx(1.154, abs=0.001))
    assert (b["firwl_lb"], b["strwl_lb"], b["fili"], b["stli"]) == pytest.approx((30, 16.5, 0.40, 0.727), abs=0.001)
    assert data["order"] == [0, 1]
    assert [s["summed_frequency_per_min"] for s in data["steps"]] == [2, 5]
    assert data["steps"][1]["fm"] == 0.35
    assert data["warnings"] == ["Composite lifting index above 1.0: increased risk for some workers."]


def test_tv4_composite_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert niosh.run(parse(TV4)) == 0
    out = capsys.readouterr().out
    assert "Task 1 (A): F 2/min, FIRWL 20.0 lb, FM 0.65, STRWL 13.0 lb, FILI 0.75, STLI 1.15" in out
    assert "FM 0.35 at the summed frequency 5/min; FILI 0.40 × (1/0.35 − 1/0.65) = 0.53" in out
    assert "CLI 1.68\n" in out


def test_metric_job_worked_by_hand(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(METRIC, capsys)
    assert data["order"] == [1, 0]
    assert data["tasks"][0]["firwl_kg"] == pytest.approx(23)
    assert data["tasks"][1]["stli"] == pytest.approx(1.1467, abs=0.0001)
    assert data["steps"][1]["fm"] == 0.88
    assert data["cli"] == pytest.approx(1.1630, abs=0.0001)


def test_per_task_coupling_and_destination(capsys: pytest.CaptureFixture[str]) -> None:
    # Task 2 is now poor coupling (CM .90 at V 75): FIRWL 11.5 × .9 = 10.35 kg; FM .91 -> STRWL 9.4185,
    # STLI 12/9.4185 = 1.2741. Task 1 with its destination at H 50, V 75 (HM .5): FIRWL 11.5, FILI 10/11.5 = .8696.
    # CLI = 1.2741 + .8696 × (1/.88 - 1/.91) = 1.2741 + .0326 = 1.3067.
    argv = ["--duration", "short", "--coupling", "good",
            "--task", "load=10,h=25,v=75,d=25,a=0,freq=1,h_dest=50,v_dest=75",
            "--task", "load=12,h=50,v=75,d=25,a=0,freq=2,coupling=poor"]
    data = run_json(argv, capsys)
    assert data["tasks"][0]["firwl_kg"] == pytest.approx(11.5)
    assert data["tasks"][1]["firwl_kg"] == pytest.approx(10.35)
    assert data["cli"] == pytest.approx(1.3067, abs=0.0001)


def test_max_load_sets_the_fili(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json([*METRIC[:-2], "--task", "load=12,max_load=23,h=50,v=75,d=25,a=0,freq=2"], capsys)
    assert data["tasks"][1]["fili"] == pytest.approx(2.0)  # 23 / 11.5
    assert data["tasks"][1]["stli"] == pytest.approx(1.1467, abs=0.0001)  # the average load


@pytest.mark.parametrize(("argv", "message"), [
    (["--duration", "short", "--coupling", "good", "--task", "load=10,h=25,v=75,d=25,a=0"],
     "--task 1: freq is missing; expected freq=N, a number of lifts per minute from 0 to 100"),
    (["--duration", "short", "--coupling", "good", "--task", "load=10,h=25,v=75,d=25,a=0,freq=1,weight=3"],
     "--task 1: 'weight=3' is not allowed; expected key=value with a key among load, h, v, d, a, freq, max_load, "
     "h_dest, v_dest, a_dest, coupling, name"),
    (["--duration", "short", "--coupling", "good", "--task", "load=10,h=25,v=75,d=25,a=0,freq=1",
      "--task", "load=x,h=25,v=75,d=25,a=0,freq=1"],
     "--task 2: load: 'x' is not allowed; expected a number from 0 to 500 kg"),
    (["--units", "us", "--duration", "short", "--coupling", "good", "--task", "load=10,h=0,v=30,d=10,a=0,freq=1"],
     "--task 1: h: '0' is not allowed; expected a number greater than 0 and at most 78 in"),
    (["--duration", "short", "--task", "load=10,h=25,v=75,d=25,a=0,freq=1"],
     "--task 1: coupling missing (and no --coupling); expected one of good, fair, poor"),
    (["--coupling", "good", "--task", "load=10,h=25,v=75,d=25,a=0,freq=1"],
     "--duration: missing; expected one of short, moderate, long (one duration for the job)"),
    (["--duration", "short", "--coupling", "good", "--load-kg", "5", "--task", "load=10,h=25,v=75,d=25,a=0,freq=1"],
     "--load-kg: '5' is not allowed with --task; give each task's figures in its SPEC"),
    (["--duration", "short", "--coupling", "good", "--task", "load=10,h=25,v=75,d=25,a=0,freq=1,h_dest=30"],
     "--task 1: h_dest is given alone; expected both h_dest and v_dest to assess the destination"),
    (["--duration", "short", "--coupling", "good", "--task", "load=10,load=11,h=25,v=75,d=25,a=0,freq=1"],
     "--task 1: load is given twice; expected each key once"),
])
def test_bad_specs_are_refused_in_one_line(argv: list[str], message: str) -> None:
    assert usage_error(argv) == message


def test_composite_outside_the_equation(capsys: pytest.CaptureFixture[str]) -> None:
    # H 70 cm is beyond 63 cm: HM = 0, so FIRWL = 0 and the CLI is undefined.
    data = run_json(["--duration", "short", "--coupling", "good", "--task", "load=10,h=70,v=75,d=25,a=0,freq=1",
                     "--task", "load=10,h=25,v=75,d=25,a=0,freq=1"], capsys)
    assert data["cli"] is None
    assert data["outside_equation"] == "task 1: FIRWL = 0 (outside the equation)"


def test_a_bad_spec_exits_2_with_one_line_and_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    from rtw_planner.cli import main

    assert main(["niosh", "--duration", "short", "--coupling", "good", "--task", "load=10,h=25,v=75,d=25,a=0,freq=1",
                 "--task", "load=10,h=25,v=75,d=25,a=0,freq=" + "9" * 60]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err == ("rtw-planner niosh: --task 2: freq: '" + "9" * 39 + "…' is not allowed; expected a "
                            "number of lifts per minute from 0 to 100 written with at most 24 digits\n")
