"""The one lazy chart base: a widget whose pyqtgraph plot is made on the first draw, coloured from the palette."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from rtw_planner.gui.kit.styles import is_dark

# Series colours by meaning, for a light and for a dark plot background: each reads against its background.
SERIES_LIGHT = {"primary": "#1f4e79", "good": "#2e7d32", "bad": "#c0392b", "caution": "#8c7a2e", "neutral": "#666666"}
SERIES_DARK = {"primary": "#7fb2e5", "good": "#7fd18b", "bad": "#ff8f87", "caution": "#e0c86a", "neutral": "#b0b0b0"}


def chart_library() -> ModuleType:
    """pyqtgraph, imported on first use: it takes about 0.6 s and pulls in numpy, so never at startup."""
    import pyqtgraph

    return pyqtgraph


class LazyChart(QWidget):
    """An empty area until the first draw, which makes the plot (see `fresh_plot`); later draws reuse it.
    Subclasses set the minimum height and legend offset, and may give axis items or configure the plot."""

    MIN_HEIGHT = 200
    LEGEND_OFFSET: tuple[int, int] | None = None  # where the legend sits (pyqtgraph's offset); None: no legend

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.plot: Any = None  # the pyqtgraph PlotWidget, once drawn

    @property
    def pg(self) -> ModuleType:
        """pyqtgraph, for the pens, brushes and items a draw needs."""
        return chart_library()

    def foreground(self) -> str:
        """The palette's text colour: axes, labels and neutral lines (the demand, a baseline) read in any theme."""
        return self.palette().color(QPalette.ColorRole.Text).name()

    def background(self) -> str:
        """The palette's base colour, the plot's background."""
        return self.palette().color(QPalette.ColorRole.Base).name()

    def colour(self, meaning: str) -> str:
        """A series colour by meaning ('primary', 'good', 'bad', 'caution', 'neutral') that reads on the plot's
        background in this palette."""
        return (SERIES_DARK if is_dark(self.palette()) else SERIES_LIGHT)[meaning]

    def axis_items(self, pg: ModuleType) -> dict[str, Any]:
        """Axis items the plot is made with (a date axis, say); none by default."""
        return {}

    def configure(self, plot: Any) -> None:
        """Set up a newly made plot once (labels, grid, ranges); nothing by default."""

    def fresh_plot(self) -> Any:
        """The plot, made on the first call and cleared on later ones, ready for a draw."""
        if self.plot is None:
            pg = self.pg
            self.plot = pg.PlotWidget(background=self.background(), axisItems=self.axis_items(pg))
            self.plot.setMinimumHeight(self.MIN_HEIGHT)
            if self.LEGEND_OFFSET is not None:
                self.plot.addLegend(offset=self.LEGEND_OFFSET, labelTextColor=self.foreground())
            self._colour_frame()
            self.configure(self.plot)
            self._layout.addWidget(self.plot)
        self.plot.clear()
        return self.plot

    def _colour_frame(self) -> None:
        """Background, axes, their labels and the legend's text in the palette's colours."""
        self.plot.setBackground(self.background())
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(self.foreground())
            axis.setTextPen(self.foreground())
        legend = self.plot.getPlotItem().legend
        if legend is not None:
            legend.setLabelTextColor(self.foreground())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """A new palette (dark mode switched on, say) recolours the frame at once; series on their next draw."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.plot is not None:
            self._colour_frame()
