"""Ask fontconfig (fc-match) which installed fonts have given characters, best match first."""

from __future__ import annotations

import bisect
import logging
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache

log = logging.getLogger(__name__)

FIELD_SEPARATOR = "\t"
FORMAT = FIELD_SEPARATOR.join(("%{file}", "%{index}", "%{fontformat}", "%{charset}")) + "\n"
TIMEOUT_S = 10.0


@dataclass(frozen=True)
class InstalledFont:
    """One face of an installed font file (a .ttc holds several, told apart by index) and the characters it has,
    as sorted inclusive code point ranges."""

    path: str
    index: int
    truetype: bool  # glyf outlines reportlab embeds as they are; otherwise CFF, which must be converted
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def covers(self, char: str) -> bool:
        """Whether the font has a glyph for the character."""
        code = ord(char)
        at = bisect.bisect_right(self.starts, code) - 1
        return at >= 0 and code <= self.ends[at]


def parse_charset(charset: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """fontconfig's charset text ('20-7e a0-17f 2010') as (starts, ends) of inclusive ranges."""
    starts: list[int] = []
    ends: list[int] = []
    for part in charset.split():
        first, _, last = part.partition("-")
        starts.append(int(first, 16))
        ends.append(int(last or first, 16))
    return tuple(starts), tuple(ends)


def parse_listing(output: str) -> list[InstalledFont]:
    """fc-match's output in FORMAT, one face a line, as fonts; lines it cannot read are skipped."""
    fonts = []
    for line in output.splitlines():
        fields = line.split(FIELD_SEPARATOR)
        if len(fields) != 4 or not fields[0]:
            continue
        path, index, fontformat, charset = fields
        try:
            starts, ends = parse_charset(charset)
            fonts.append(InstalledFont(path, int(index or 0), fontformat == "TrueType", starts, ends))
        except ValueError:
            continue
    return fonts


def language_of(chars: frozenset[str]) -> str:
    """A language hint so Han characters take the Japanese, Korean or Chinese forms the writer expects."""
    codes = [ord(c) for c in chars]
    if any(0x3040 <= c <= 0x30FF or 0x31F0 <= c <= 0x31FF for c in codes):
        return "ja"
    if any(0xAC00 <= c <= 0xD7AF or 0x1100 <= c <= 0x11FF or 0x3130 <= c <= 0x318F for c in codes):
        return "ko"
    if any(0x3400 <= c <= 0x9FFF or 0x20000 <= c <= 0x3FFFF for c in codes):
        return "zh-cn"
    return ""


@cache
def fc_match_available() -> bool:
    """Whether fontconfig's command-line tools are installed; warns once when they are not."""
    if shutil.which("fc-match"):
        return True
    log.warning("fontconfig's fc-match is not installed, so characters the bundled font lacks print as empty "
                "boxes; on Debian: apt-get install fontconfig fonts-noto-cjk")
    return False


@cache
def candidates(chars: frozenset[str], bold: bool) -> tuple[InstalledFont, ...]:
    """Installed sans-serif faces in fontconfig's order of preference for these characters (weight, language and
    coverage considered); empty when fontconfig is missing or fails."""
    if not chars or not fc_match_available():
        return ()
    pattern = "sans-serif"
    language = language_of(chars)
    if language:
        pattern += f":lang={language}"
    pattern += ":weight=bold" if bold else ":weight=regular"
    pattern += ":charset=" + " ".join(f"{ord(c):x}" for c in sorted(chars))
    try:
        done = subprocess.run(["fc-match", "-s", f"--format={FORMAT}", pattern], capture_output=True, text=True,
                              timeout=TIMEOUT_S, check=True)
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("fc-match failed (%s); characters the bundled font lacks print as empty boxes",
                    type(error).__name__)
        return ()
    return tuple(parse_listing(done.stdout))
