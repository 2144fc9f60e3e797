# GENERATED from ui/clinic_dialog.ui by pyside6-uic (make forms). Do not edit by hand.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'clinic_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_ClinicDialog(object):
    def setupUi(self, ClinicDialog):
        if not ClinicDialog.objectName():
            ClinicDialog.setObjectName(u"ClinicDialog")
        self.main_layout = QVBoxLayout(ClinicDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.name_label = QLabel(ClinicDialog)
        self.name_label.setObjectName(u"name_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(ClinicDialog)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(200)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.address_label = QLabel(ClinicDialog)
        self.address_label.setObjectName(u"address_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address_edit = QPlainTextEdit(ClinicDialog)
        self.address_edit.setObjectName(u"address_edit")
        self.address_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.address_edit)

        self.phone_label = QLabel(ClinicDialog)
        self.phone_label.setObjectName(u"phone_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_edit = QLineEdit(ClinicDialog)
        self.phone_edit.setObjectName(u"phone_edit")
        self.phone_edit.setMaxLength(60)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.phone_edit)

        self.email_label = QLabel(ClinicDialog)
        self.email_label.setObjectName(u"email_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email_edit = QLineEdit(ClinicDialog)
        self.email_edit.setObjectName(u"email_edit")
        self.email_edit.setMaxLength(200)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.email_edit)

        self.paper_size_label = QLabel(ClinicDialog)
        self.paper_size_label.setObjectName(u"paper_size_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.paper_size_label)

        self.paper_size_combo = QComboBox(ClinicDialog)
        self.paper_size_combo.setObjectName(u"paper_size_combo")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.paper_size_combo)

        self.jurisdiction_label = QLabel(ClinicDialog)
        self.jurisdiction_label.setObjectName(u"jurisdiction_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.jurisdiction_label)

        self.jurisdiction_combo = QComboBox(ClinicDialog)
        self.jurisdiction_combo.setObjectName(u"jurisdiction_combo")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.jurisdiction_combo)

        self.units_label = QLabel(ClinicDialog)
        self.units_label.setObjectName(u"units_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.units_label)

        self.units_combo = QComboBox(ClinicDialog)
        self.units_combo.setObjectName(u"units_combo")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.units_combo)

        self.quarter_hours_label = QLabel(ClinicDialog)
        self.quarter_hours_label.setObjectName(u"quarter_hours_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.quarter_hours_label)

        self.quarter_hours_box = QCheckBox(ClinicDialog)
        self.quarter_hours_box.setObjectName(u"quarter_hours_box")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.quarter_hours_box)

        self.retention_label = QLabel(ClinicDialog)
        self.retention_label.setObjectName(u"retention_label")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.retention_label)

        self.retention_spin = QSpinBox(ClinicDialog)
        self.retention_spin.setObjectName(u"retention_spin")
        self.retention_spin.setMaximum(365)

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.retention_spin)

        self.backup_retention_label = QLabel(ClinicDialog)
        self.backup_retention_label.setObjectName(u"backup_retention_label")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.backup_retention_label)

        self.backup_retention_spin = QSpinBox(ClinicDialog)
        self.backup_retention_spin.setObjectName(u"backup_retention_spin")
        self.backup_retention_spin.setMaximum(3650)

        self.form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.backup_retention_spin)

        self.logo_label = QLabel(ClinicDialog)
        self.logo_label.setObjectName(u"logo_label")

        self.form_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.logo_label)

        self.logo_layout = QHBoxLayout()
        self.logo_layout.setObjectName(u"logo_layout")
        self.logo_status_label = QLabel(ClinicDialog)
        self.logo_status_label.setObjectName(u"logo_status_label")

        self.logo_layout.addWidget(self.logo_status_label)

        self.logo_choose_button = QPushButton(ClinicDialog)
        self.logo_choose_button.setObjectName(u"logo_choose_button")

        self.logo_layout.addWidget(self.logo_choose_button)

        self.logo_clear_button = QPushButton(ClinicDialog)
        self.logo_clear_button.setObjectName(u"logo_clear_button")

        self.logo_layout.addWidget(self.logo_clear_button)


        self.form_layout.setLayout(10, QFormLayout.ItemRole.FieldRole, self.logo_layout)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(ClinicDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(ClinicDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.address_label.setBuddy(self.address_edit)
        self.phone_label.setBuddy(self.phone_edit)
        self.email_label.setBuddy(self.email_edit)
        self.paper_size_label.setBuddy(self.paper_size_combo)
        self.jurisdiction_label.setBuddy(self.jurisdiction_combo)
        self.units_label.setBuddy(self.units_combo)
        self.retention_label.setBuddy(self.retention_spin)
        self.backup_retention_label.setBuddy(self.backup_retention_spin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name_edit, self.address_edit)
        QWidget.setTabOrder(self.address_edit, self.phone_edit)
        QWidget.setTabOrder(self.phone_edit, self.email_edit)
        QWidget.setTabOrder(self.email_edit, self.paper_size_combo)
        QWidget.setTabOrder(self.paper_size_combo, self.jurisdiction_combo)
        QWidget.setTabOrder(self.jurisdiction_combo, self.units_combo)
        QWidget.setTabOrder(self.units_combo, self.quarter_hours_box)
        QWidget.setTabOrder(self.quarter_hours_box, self.retention_spin)
        QWidget.setTabOrder(self.retention_spin, self.backup_retention_spin)
        QWidget.setTabOrder(self.backup_retention_spin, self.logo_choose_button)
        QWidget.setTabOrder(self.logo_choose_button, self.logo_clear_button)

        self.retranslateUi(ClinicDialog)

        QMetaObject.connectSlotsByName(ClinicDialog)
    # setupUi

    def retranslateUi(self, ClinicDialog):
        ClinicDialog.setWindowTitle(QCoreApplication.translate("ClinicDialog", u"Clinic details", None))
        self.name_label.setText(QCoreApplication.translate("ClinicDialog", u"Clinic &name", None))
        self.address_label.setText(QCoreApplication.translate("ClinicDialog", u"&Address", None))
        self.phone_label.setText(QCoreApplication.translate("ClinicDialog", u"&Phone", None))
        self.email_label.setText(QCoreApplication.translate("ClinicDialog", u"&Email", None))
        self.paper_size_label.setText(QCoreApplication.translate("ClinicDialog", u"Paper si&ze", None))
        self.jurisdiction_label.setText(QCoreApplication.translate("ClinicDialog", u"&Jurisdiction", None))
        self.units_label.setText(QCoreApplication.translate("ClinicDialog", u"&Units in documents", None))
        self.quarter_hours_label.setText(QCoreApplication.translate("ClinicDialog", u"Hours a day", None))
        self.quarter_hours_box.setText(QCoreApplication.translate("ClinicDialog", u"Round to &quarter hours (4:48 is printed 4:45)", None))
        self.retention_label.setText(QCoreApplication.translate("ClinicDialog", u"&Keep drafts for", None))
        self.retention_spin.setSuffix(QCoreApplication.translate("ClinicDialog", u" days", None))
        self.backup_retention_label.setText(QCoreApplication.translate("ClinicDialog", u"Keep daily &backups for", None))
#if QT_CONFIG(accessibility)
        self.backup_retention_spin.setAccessibleName(QCoreApplication.translate("ClinicDialog", u"Keep daily backups for", None))
#endif // QT_CONFIG(accessibility)
        self.backup_retention_spin.setSuffix(QCoreApplication.translate("ClinicDialog", u" days", None))
        self.logo_label.setText(QCoreApplication.translate("ClinicDialog", u"Logo", None))
        self.logo_choose_button.setText(QCoreApplication.translate("ClinicDialog", u"C&hoose PNG\u2026", None))
        self.logo_clear_button.setText(QCoreApplication.translate("ClinicDialog", u"&Remove", None))
    # retranslateUi

