# GENERATED from ui/case_details.ui by pyside6-uic (make forms). Do not edit by hand.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'case_details.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QWidget)

from rtw_planner.gui.kit.dates import OptionalDateEdit

class Ui_CaseDetailsForm(object):
    def setupUi(self, CaseDetailsForm):
        if not CaseDetailsForm.objectName():
            CaseDetailsForm.setObjectName(u"CaseDetailsForm")
        self.form_layout = QFormLayout(CaseDetailsForm)
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.patient_name_label = QLabel(CaseDetailsForm)
        self.patient_name_label.setObjectName(u"patient_name_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.patient_name_label)

        self.patient_name_edit = QLineEdit(CaseDetailsForm)
        self.patient_name_edit.setObjectName(u"patient_name_edit")
        self.patient_name_edit.setMaxLength(200)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.patient_name_edit)

        self.date_of_birth_label = QLabel(CaseDetailsForm)
        self.date_of_birth_label.setObjectName(u"date_of_birth_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.date_of_birth_label)

        self.date_of_birth_edit = OptionalDateEdit(CaseDetailsForm)
        self.date_of_birth_edit.setObjectName(u"date_of_birth_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.date_of_birth_edit)

        self.sex_label = QLabel(CaseDetailsForm)
        self.sex_label.setObjectName(u"sex_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sex_label)

        self.sex_combo = QComboBox(CaseDetailsForm)
        self.sex_combo.setObjectName(u"sex_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sex_combo)

        self.employer_label = QLabel(CaseDetailsForm)
        self.employer_label.setObjectName(u"employer_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.employer_label)

        self.employer_edit = QLineEdit(CaseDetailsForm)
        self.employer_edit.setObjectName(u"employer_edit")
        self.employer_edit.setMaxLength(200)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.employer_edit)

        self.job_title_label = QLabel(CaseDetailsForm)
        self.job_title_label.setObjectName(u"job_title_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.job_title_label)

        self.job_title_edit = QLineEdit(CaseDetailsForm)
        self.job_title_edit.setObjectName(u"job_title_edit")
        self.job_title_edit.setMaxLength(200)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.job_title_edit)

        self.clinician_name_label = QLabel(CaseDetailsForm)
        self.clinician_name_label.setObjectName(u"clinician_name_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.clinician_name_label)

        self.clinician_name_edit = QLineEdit(CaseDetailsForm)
        self.clinician_name_edit.setObjectName(u"clinician_name_edit")
        self.clinician_name_edit.setMaxLength(200)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.clinician_name_edit)

        self.clinician_profession_label = QLabel(CaseDetailsForm)
        self.clinician_profession_label.setObjectName(u"clinician_profession_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.clinician_profession_label)

        self.clinician_profession_edit = QLineEdit(CaseDetailsForm)
        self.clinician_profession_edit.setObjectName(u"clinician_profession_edit")
        self.clinician_profession_edit.setMaxLength(200)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.clinician_profession_edit)

        self.clinician_registration_label = QLabel(CaseDetailsForm)
        self.clinician_registration_label.setObjectName(u"clinician_registration_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.clinician_registration_label)

        self.clinician_registration_edit = QLineEdit(CaseDetailsForm)
        self.clinician_registration_edit.setObjectName(u"clinician_registration_edit")
        self.clinician_registration_edit.setMaxLength(60)

        self.form_layout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.clinician_registration_edit)

        self.clinician_phone_label = QLabel(CaseDetailsForm)
        self.clinician_phone_label.setObjectName(u"clinician_phone_label")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.clinician_phone_label)

        self.clinician_phone_edit = QLineEdit(CaseDetailsForm)
        self.clinician_phone_edit.setObjectName(u"clinician_phone_edit")
        self.clinician_phone_edit.setMaxLength(60)

        self.form_layout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.clinician_phone_edit)

        self.clinician_email_label = QLabel(CaseDetailsForm)
        self.clinician_email_label.setObjectName(u"clinician_email_label")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.clinician_email_label)

        self.clinician_email_edit = QLineEdit(CaseDetailsForm)
        self.clinician_email_edit.setObjectName(u"clinician_email_edit")
        self.clinician_email_edit.setMaxLength(200)

        self.form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.clinician_email_edit)

        self.review_date_label = QLabel(CaseDetailsForm)
        self.review_date_label.setObjectName(u"review_date_label")

        self.form_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.review_date_label)

        self.review_date_edit = OptionalDateEdit(CaseDetailsForm)
        self.review_date_edit.setObjectName(u"review_date_edit")

        self.form_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.review_date_edit)

        self.diagnosis_label = QLabel(CaseDetailsForm)
        self.diagnosis_label.setObjectName(u"diagnosis_label")

        self.form_layout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.diagnosis_label)

        self.diagnosis_edit = QPlainTextEdit(CaseDetailsForm)
        self.diagnosis_edit.setObjectName(u"diagnosis_edit")
        self.diagnosis_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(11, QFormLayout.ItemRole.FieldRole, self.diagnosis_edit)

#if QT_CONFIG(shortcut)
        self.patient_name_label.setBuddy(self.patient_name_edit)
        self.date_of_birth_label.setBuddy(self.date_of_birth_edit)
        self.sex_label.setBuddy(self.sex_combo)
        self.employer_label.setBuddy(self.employer_edit)
        self.job_title_label.setBuddy(self.job_title_edit)
        self.clinician_name_label.setBuddy(self.clinician_name_edit)
        self.clinician_profession_label.setBuddy(self.clinician_profession_edit)
        self.clinician_registration_label.setBuddy(self.clinician_registration_edit)
        self.clinician_phone_label.setBuddy(self.clinician_phone_edit)
        self.clinician_email_label.setBuddy(self.clinician_email_edit)
        self.review_date_label.setBuddy(self.review_date_edit)
        self.diagnosis_label.setBuddy(self.diagnosis_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.patient_name_edit, self.date_of_birth_edit)
        QWidget.setTabOrder(self.date_of_birth_edit, self.sex_combo)
        QWidget.setTabOrder(self.sex_combo, self.employer_edit)
        QWidget.setTabOrder(self.employer_edit, self.job_title_edit)
        QWidget.setTabOrder(self.job_title_edit, self.clinician_name_edit)
        QWidget.setTabOrder(self.clinician_name_edit, self.clinician_profession_edit)
        QWidget.setTabOrder(self.clinician_profession_edit, self.clinician_registration_edit)
        QWidget.setTabOrder(self.clinician_registration_edit, self.clinician_phone_edit)
        QWidget.setTabOrder(self.clinician_phone_edit, self.clinician_email_edit)
        QWidget.setTabOrder(self.clinician_email_edit, self.review_date_edit)
        QWidget.setTabOrder(self.review_date_edit, self.diagnosis_edit)

        self.retranslateUi(CaseDetailsForm)

        QMetaObject.connectSlotsByName(CaseDetailsForm)
    # setupUi

    def retranslateUi(self, CaseDetailsForm):
        self.patient_name_label.setText(QCoreApplication.translate("CaseDetailsForm", u"Patient &name", None))
        self.date_of_birth_label.setText(QCoreApplication.translate("CaseDetailsForm", u"Date of &birth", None))
        self.sex_label.setText(QCoreApplication.translate("CaseDetailsForm", u"&Sex (for norms)", None))
        self.employer_label.setText(QCoreApplication.translate("CaseDetailsForm", u"Emp&loyer", None))
        self.job_title_label.setText(QCoreApplication.translate("CaseDetailsForm", u"&Job title", None))
        self.clinician_name_label.setText(QCoreApplication.translate("CaseDetailsForm", u"Cl&inician", None))
        self.clinician_profession_label.setText(QCoreApplication.translate("CaseDetailsForm", u"&Profession", None))
        self.clinician_registration_label.setText(QCoreApplication.translate("CaseDetailsForm", u"Re&gistration no.", None))
        self.clinician_phone_label.setText(QCoreApplication.translate("CaseDetailsForm", u"Direct ph&one", None))
        self.clinician_email_label.setText(QCoreApplication.translate("CaseDetailsForm", u"Direct e-&mail", None))
        self.review_date_label.setText(QCoreApplication.translate("CaseDetailsForm", u"Review da&te", None))
        self.diagnosis_label.setText(QCoreApplication.translate("CaseDetailsForm", u"Di&agnosis", None))
        pass
    # retranslateUi

