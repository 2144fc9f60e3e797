# GENERATED from ui/connect_dialog.ui by pyside6-uic (make forms). Do not edit by hand.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'connect_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_ConnectDialog(object):
    def setupUi(self, ConnectDialog):
        if not ConnectDialog.objectName():
            ConnectDialog.setObjectName(u"ConnectDialog")
        self.main_layout = QVBoxLayout(ConnectDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(ConnectDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.host_label = QLabel(ConnectDialog)
        self.host_label.setObjectName(u"host_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.host_label)

        self.host_edit = QLineEdit(ConnectDialog)
        self.host_edit.setObjectName(u"host_edit")
        self.host_edit.setMaxLength(253)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.host_edit)

        self.port_label = QLabel(ConnectDialog)
        self.port_label.setObjectName(u"port_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.port_label)

        self.port_spin = QSpinBox(ConnectDialog)
        self.port_spin.setObjectName(u"port_spin")
        self.port_spin.setMinimum(1)
        self.port_spin.setMaximum(65535)
        self.port_spin.setValue(5432)
        self.port_spin.setGroupSeparatorShown(False)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.port_spin)

        self.database_label = QLabel(ConnectDialog)
        self.database_label.setObjectName(u"database_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.database_label)

        self.database_edit = QLineEdit(ConnectDialog)
        self.database_edit.setObjectName(u"database_edit")
        self.database_edit.setMaxLength(63)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.database_edit)

        self.user_label = QLabel(ConnectDialog)
        self.user_label.setObjectName(u"user_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.user_label)

        self.user_edit = QLineEdit(ConnectDialog)
        self.user_edit.setObjectName(u"user_edit")
        self.user_edit.setMaxLength(63)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.user_edit)


        self.main_layout.addLayout(self.form_layout)

        self.password_note_label = QLabel(ConnectDialog)
        self.password_note_label.setObjectName(u"password_note_label")
        self.password_note_label.setWordWrap(True)

        self.main_layout.addWidget(self.password_note_label)

        self.error_label = QLabel(ConnectDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(ConnectDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.host_label.setBuddy(self.host_edit)
        self.port_label.setBuddy(self.port_spin)
        self.database_label.setBuddy(self.database_edit)
        self.user_label.setBuddy(self.user_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.host_edit, self.port_spin)
        QWidget.setTabOrder(self.port_spin, self.database_edit)
        QWidget.setTabOrder(self.database_edit, self.user_edit)

        self.retranslateUi(ConnectDialog)

        QMetaObject.connectSlotsByName(ConnectDialog)
    # setupUi

    def retranslateUi(self, ConnectDialog):
        ConnectDialog.setWindowTitle(QCoreApplication.translate("ConnectDialog", u"Connect to clinic server", None))
        self.intro_label.setText(QCoreApplication.translate("ConnectDialog", u"The clinic's shared database on its PostgreSQL server. Ask whoever set the server up for these details.", None))
        self.host_label.setText(QCoreApplication.translate("ConnectDialog", u"&Server", None))
        self.host_edit.setPlaceholderText(QCoreApplication.translate("ConnectDialog", u"clinic-db or 10.0.0.5", None))
        self.port_label.setText(QCoreApplication.translate("ConnectDialog", u"&Port", None))
        self.database_label.setText(QCoreApplication.translate("ConnectDialog", u"&Database", None))
        self.user_label.setText(QCoreApplication.translate("ConnectDialog", u"&User", None))
        self.password_note_label.setText(QCoreApplication.translate("ConnectDialog", u"No password is stored here: it comes from your PostgreSQL password file (~/.pgpass), or you are asked for it once and it is kept only until RTW Planner closes.", None))
    # retranslateUi

