"""The connect dialog: filled in from the last server, used from the keyboard alone, checked before it closes, and
without any password field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from rtw_planner.gui.dialogs.connect_dialog import ConnectDialog
from rtw_planner.gui.team.server import ServerAddress


def shown_dialog(qtbot, last: ServerAddress | None = None) -> ConnectDialog:  # type: ignore[no-untyped-def]
    dialog = ConnectDialog(last)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_dialog_is_filled_in_and_accepted_from_the_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = shown_dialog(qtbot)
    assert dialog.focusWidget() is dialog.ui.host_edit
    qtbot.keyClicks(dialog.ui.host_edit, "clinic-db")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.ui.port_spin
    dialog.ui.port_spin.selectAll()
    qtbot.keyClicks(dialog.ui.port_spin, "5433")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.ui.database_edit
    dialog.ui.database_edit.selectAll()
    qtbot.keyClicks(dialog.ui.database_edit, "rtw")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.ui.user_edit
    dialog.ui.user_edit.selectAll()
    qtbot.keyClicks(dialog.ui.user_edit, "sam")
    qtbot.keyClick(dialog.ui.user_edit, Qt.Key.Key_Return)
    assert dialog.result() == ConnectDialog.DialogCode.Accepted
    assert dialog.result_address == ServerAddress("clinic-db", 5433, "rtw", "sam")
    assert dialog.result_address.url == "postgresql://sam@clinic-db:5433/rtw"


def test_a_wrong_field_keeps_the_dialog_open_naming_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = shown_dialog(qtbot)
    qtbot.keyClicks(dialog.ui.host_edit, "clinic db")
    qtbot.keyClick(dialog.ui.host_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.result_address is None
    assert dialog.ui.error_label.text().startswith("host:")
    assert dialog.focusWidget() is dialog.ui.host_edit
    dialog.ui.host_edit.setText("clinic-db")
    dialog.ui.user_edit.setText("")
    qtbot.keyClick(dialog.ui.host_edit, Qt.Key.Key_Return)
    assert dialog.ui.error_label.text().startswith("user:")
    assert dialog.focusWidget() is dialog.ui.user_edit


def test_escape_cancels(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = shown_dialog(qtbot)
    qtbot.keyClicks(dialog.ui.host_edit, "clinic-db")
    qtbot.keyClick(dialog.ui.host_edit, Qt.Key.Key_Escape)
    assert dialog.result() == ConnectDialog.DialogCode.Rejected
    assert dialog.result_address is None


def test_the_last_server_is_offered_and_no_password_is_asked_here(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = shown_dialog(qtbot, ServerAddress("10.0.0.5", 6543, "clinic", "kim"))
    ui = dialog.ui
    assert (ui.host_edit.text(), ui.port_spin.value(), ui.database_edit.text(), ui.user_edit.text()) == \
        ("10.0.0.5", 6543, "clinic", "kim")
    assert all(edit.echoMode() == QLineEdit.EchoMode.Normal for edit in dialog.findChildren(QLineEdit))
    assert "No password is stored" in ui.password_note_label.text()
