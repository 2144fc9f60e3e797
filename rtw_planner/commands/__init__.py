"""Headless commands, one module per command group; rtw_planner.cli wires them in."""
