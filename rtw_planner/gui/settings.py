"""UI state kept in QSettings, each key declared once with its type and default (nothing clinical here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from rtw_planner.domain.demands.units import ForceUnit, MassUnit

SETTINGS_VERSION = 1
T = TypeVar("T")


@dataclass(frozen=True)
class Key(Generic[T]):
    """A settings key with its default."""

    name: str
    default: T


WINDOW_GEOMETRY: Key[QByteArray] = Key("window/geometry", QByteArray())
WINDOW_STATE: Key[QByteArray] = Key("window/state", QByteArray())
SPLITTER_STATE: Key[QByteArray] = Key("window/splitter", QByteArray())
MASS_UNIT: Key[str] = Key("display/mass_unit", MassUnit.KG.value)
FORCE_UNIT: Key[str] = Key("display/force_unit", ForceUnit.N.value)
LAST_FOLDER: Key[str] = Key("files/last_folder", "")
LAST_SERVER: Key[str] = Key("server/last", "")  # postgresql://USER@HOST:PORT/DBNAME: an address, never a password


class UiSettings:
    """Typed access to QSettings for the keys above."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()
        if self._stored_version() < SETTINGS_VERSION:
            self._settings.setValue("version", SETTINGS_VERSION)

    def _stored_version(self) -> int:
        """The version the settings were written by; 0 when missing or unreadable (a hand-edited file)."""
        try:
            return int(str(self._settings.value("version", 0) or 0))
        except ValueError:
            return 0

    def get(self, key: Key[T]) -> T:
        """The stored value, or the default if missing or of the wrong type."""
        value = self._settings.value(key.name, key.default)
        return value if isinstance(value, type(key.default)) else key.default

    def set(self, key: Key[T], value: T) -> None:
        """Store a value."""
        self._settings.setValue(key.name, value)

    def mass_unit(self) -> MassUnit:
        """Display unit for masses."""
        value = self.get(MASS_UNIT)
        return MassUnit(value) if value in {u.value for u in MassUnit} else MassUnit.KG

    def force_unit(self) -> ForceUnit:
        """Display unit for forces."""
        value = self.get(FORCE_UNIT)
        return ForceUnit(value) if value in {u.value for u in ForceUnit} else ForceUnit.N
