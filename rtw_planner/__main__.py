"""Entry point for `python -m rtw_planner` and the `rtw-planner` command."""

from __future__ import annotations

import sys


def main() -> int:
    """Parse the command line and run it (the GUI when no command is given)."""
    from rtw_planner.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
