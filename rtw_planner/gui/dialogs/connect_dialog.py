"""File › Connect to clinic server: host, port, database and user, checked before the dialog closes; no password."""

from __future__ import annotations

import getpass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.gui.forms.ui_connect_dialog import Ui_ConnectDialog
from rtw_planner.gui.kit.styles import ERROR_STYLE
from rtw_planner.gui.team.server import DEFAULT_PORT, ServerAddress

DEFAULT_DATABASE = "rtw_planner"


class ConnectDialog(QDialog):
    """Asks where the clinic server is; `result_address` holds the address once accepted."""

    def __init__(self, last: ServerAddress | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ConnectDialog()
        self.ui.setupUi(self)
        self.setMinimumWidth(460)
        self.result_address: ServerAddress | None = None
        self.ui.error_label.setStyleSheet(ERROR_STYLE)
        self.ui.host_edit.setText(last.host if last else "")
        self.ui.port_spin.setValue(last.port if last else DEFAULT_PORT)
        self.ui.database_edit.setText(last.database if last else DEFAULT_DATABASE)
        self.ui.user_edit.setText(last.user if last else getpass.getuser())
        connect = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        connect.setText("&Connect")
        connect.setDefault(True)
        self.ui.button_box.accepted.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.host_edit.setFocus()

    def address(self) -> ServerAddress:
        """The address as entered. Raises ValidationError naming the field."""
        return ServerAddress(self.ui.host_edit.text(), self.ui.port_spin.value(), self.ui.database_edit.text(),
                             self.ui.user_edit.text())

    def accept(self) -> None:
        """Close only with a usable address; otherwise say which field and why, and put the cursor there."""
        try:
            self.result_address = self.address()
        except ValidationError as exc:
            self.ui.error_label.setText(str(exc))
            field = {"host": self.ui.host_edit, "database": self.ui.database_edit, "user": self.ui.user_edit}
            if exc.field in field:
                field[exc.field].setFocus()
                field[exc.field].selectAll()
            return
        super().accept()
