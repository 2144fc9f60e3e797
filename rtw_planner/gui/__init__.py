"""The desktop application: the only code that imports PySide6 or pyqtgraph."""
