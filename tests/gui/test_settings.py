"""UI settings: each key comes back with its type, a missing or wrong value reads as the default, and the units
are always ones the screens know."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from rtw_planner.domain.demands.units import ForceUnit, MassUnit
from rtw_planner.gui.settings import (
    FORCE_UNIT,
    LAST_FOLDER,
    MASS_UNIT,
    SETTINGS_VERSION,
    WINDOW_GEOMETRY,
    UiSettings,
)


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    return tmp_path / "ui.ini"


def _settings(ini: Path) -> UiSettings:
    return UiSettings(QSettings(str(ini), QSettings.Format.IniFormat))


def _raw(ini: Path) -> QSettings:
    return QSettings(str(ini), QSettings.Format.IniFormat)


def test_defaults_when_nothing_is_stored(ini: Path) -> None:
    settings = _settings(ini)
    assert settings.get(LAST_FOLDER) == ""
    assert settings.get(WINDOW_GEOMETRY) == QByteArray()
    assert settings.mass_unit() is MassUnit.KG
    assert settings.force_unit() is ForceUnit.N


def test_values_survive_a_restart(ini: Path) -> None:
    settings = _settings(ini)
    settings.set(LAST_FOLDER, "/home/ot/cases")
    settings.set(MASS_UNIT, MassUnit.LB.value)
    settings.set(FORCE_UNIT, ForceUnit.KGF.value)
    settings.set(WINDOW_GEOMETRY, QByteArray(b"\x01\x02geometry"))
    del settings
    again = _settings(ini)
    assert again.get(LAST_FOLDER) == "/home/ot/cases"
    assert again.mass_unit() is MassUnit.LB
    assert again.force_unit() is ForceUnit.KGF
    assert again.get(WINDOW_GEOMETRY) == QByteArray(b"\x01\x02geometry")


def test_a_value_of_the_wrong_type_reads_as_the_default(ini: Path) -> None:
    raw = _raw(ini)
    raw.setValue(WINDOW_GEOMETRY.name, "not bytes")
    raw.sync()
    assert _settings(ini).get(WINDOW_GEOMETRY) == QByteArray()


@pytest.mark.parametrize(("key", "read", "default"), [(MASS_UNIT, UiSettings.mass_unit, MassUnit.KG),
                                                      (FORCE_UNIT, UiSettings.force_unit, ForceUnit.N)])
def test_an_unknown_unit_reads_as_the_default(ini: Path, key, read, default) -> None:  # type: ignore[no-untyped-def]
    raw = _raw(ini)
    raw.setValue(key.name, "stone")
    raw.sync()
    assert read(_settings(ini)) is default


def test_the_version_is_written_once_and_a_bad_one_is_replaced(ini: Path) -> None:
    _settings(ini)
    assert int(_raw(ini).value("version")) == SETTINGS_VERSION
    raw = _raw(ini)
    raw.setValue("version", "banana")  # a hand-edited file must not stop the app from starting
    raw.sync()
    _settings(ini)
    assert int(_raw(ini).value("version")) == SETTINGS_VERSION


def test_a_newer_version_is_left_alone(ini: Path) -> None:
    raw = _raw(ini)
    raw.setValue("version", SETTINGS_VERSION + 1)
    raw.sync()
    _settings(ini)
    assert int(_raw(ini).value("version")) == SETTINGS_VERSION + 1
