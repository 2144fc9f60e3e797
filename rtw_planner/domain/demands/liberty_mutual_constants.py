"""The LM-MMH equations as data: reference loads, CVs, scale-factor terms and input ranges (Potvin et al. 2021)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """One of the seven task kinds, each with a female and a male equation."""

    LIFT = "lift"
    LOWER = "lower"
    PUSH_INITIAL = "push initial"
    PUSH_SUSTAINED = "push sustained"
    PULL_INITIAL = "pull initial"
    PULL_SUSTAINED = "pull sustained"
    CARRY = "carry"

    @property
    def is_lift_or_lower(self) -> bool:
        """Lift and lower take H, VRM and DV; the others take V and DH."""
        return self in (Kind.LIFT, Kind.LOWER)

    @property
    def is_force(self) -> bool:
        """Push and pull give a force (kgf), the others a load (kg)."""
        return self.value.startswith(("push", "pull"))


class Sex(StrEnum):
    """The population the equation describes."""

    FEMALE = "female"
    MALE = "male"


@dataclass(frozen=True)
class Term:
    """One scale factor as printed: constant + t/linear + t²/square, t being the input or its natural log.

    The divisors keep the paper's signs (a printed "− H/0.7686" is linear = −0.7686); square is None when the
    paper prints no squared term.
    """

    variable: str  # h, vrm, dv, v, dh or f
    log: bool
    constant: float
    linear: float
    square: float | None = None

    def value(self, x: float) -> float:
        """The scale factor at x (x > 0 when log)."""
        t = math.log(x) if self.log else x
        return self.constant + t / self.linear + (t * t / self.square if self.square is not None else 0.0)


@dataclass(frozen=True)
class Equation:
    """RL (kg or kgf, the 50th-percentile maximum when every factor is 1) and CV of one equation, with its terms."""

    rl: float
    cv: float
    terms: tuple[Term, ...]


def _lift(sex: Sex, rl: float, cv: float, f: Term) -> Equation:
    """Lift and lower share H, VRM and DV terms by sex (the paper repeats them in full)."""
    if sex is Sex.FEMALE:
        shape = (Term("h", False, 1.2602, -0.7686), Term("vrm", False, 0.9877, 13.69, -9.221),
                 Term("dv", True, 0.8199, -7.696))
    else:
        shape = (Term("h", False, 1.3532, -0.7079), Term("vrm", False, 0.7746, 1.912, -3.296),
                 Term("dv", True, 0.8695, -10.62))
    return Equation(rl, cv, (*shape, f))


F, M = Sex.FEMALE, Sex.MALE
_F_LIFT_F = Term("f", True, 0.6767, -12.59, -228.2)
_PUSH_F_INITIAL = (Term("v", False, -0.5304, 0.3361, -0.6915), Term("dh", False, 1.0286, -72.22, 9782),
                   Term("f", True, 0.7251, -13.19, -197.3))
_PUSH_F_SUSTAINED = (Term("v", False, -0.6539, 0.2941, -0.5722), Term("dh", False, 1.0391, -52.91, 7975),
                     Term("f", True, 0.6086, -11.95, -304.4))
_M_INITIAL_DH_F = (Term("dh", True, 1.0790, -9.392), Term("f", True, 0.6281, -13.07, -379.5))
_M_SUSTAINED_DH_F = (Term("dh", True, 1.1035, -7.170), Term("f", True, 0.4896, -10.20, -403.9))

# Sections 3.1–3.3: the female push equations serve pull too, with the pull CVs. ln(F)² is read as [ln F]²,
# the square of the log (section 2.3 fits polynomials to ln F); the worked example (F = 1) cannot tell them apart.
EQUATIONS: dict[tuple[Kind, Sex], Equation] = {
    (Kind.LIFT, F): _lift(F, 34.9, 0.260, _F_LIFT_F),
    (Kind.LIFT, M): _lift(M, 82.6, 0.276, Term("f", True, 0.6259, -9.092, -125.0)),
    (Kind.LOWER, F): _lift(F, 37.0, 0.307, _F_LIFT_F),
    (Kind.LOWER, M): _lift(M, 95.9, 0.304, Term("f", True, 0.5773, -10.80, -255.9)),
    (Kind.PUSH_INITIAL, F): Equation(36.9, 0.214, _PUSH_F_INITIAL),
    (Kind.PULL_INITIAL, F): Equation(36.9, 0.234, _PUSH_F_INITIAL),
    (Kind.PUSH_SUSTAINED, F): Equation(25.5, 0.286, _PUSH_F_SUSTAINED),
    (Kind.PULL_SUSTAINED, F): Equation(25.5, 0.298, _PUSH_F_SUSTAINED),
    (Kind.PUSH_INITIAL, M): Equation(70.3, 0.231, (Term("v", False, 1.2737, -1.335, 2.576), *_M_INITIAL_DH_F)),
    (Kind.PUSH_SUSTAINED, M): Equation(65.3, 0.267, (Term("v", False, 2.2940, -0.3345, 0.6887), *_M_SUSTAINED_DH_F)),
    (Kind.PULL_INITIAL, M): Equation(69.8, 0.238, (Term("v", False, 1.7186, -0.6888, 2.025), *_M_INITIAL_DH_F)),
    (Kind.PULL_SUSTAINED, M): Equation(61.0, 0.257, (Term("v", False, 2.1977, -0.3850, 0.9047), *_M_SUSTAINED_DH_F)),
    (Kind.CARRY, F): Equation(28.6, 0.231, (Term("v", False, 1.1645, -4.437), Term("dh", False, 1.0101, -207.8),
                                            Term("f", True, 0.6224, -16.33))),
    (Kind.CARRY, M): Equation(74.9, 0.278, (Term("v", False, 1.5505, -1.417), Term("dh", True, 1.1172, -6.332),
                                            Term("f", True, 0.5149, -7.958, -131.1))),
}

NAMES = {"h": "horizontal reach H", "vrm": "vertical range middle VRM", "dv": "vertical travel DV",
         "v": "hand height V", "dh": "horizontal distance DH", "f": "frequency F"}
HANDLES = {"yes": 1.0, "poor": 0.925, "none": 0.84}  # lift and lower coupling scale factor (section 4.3)

