"""The few inline styles the screens share: one for errors, one for warnings."""

ERROR_STYLE = "color: #a31515; font-weight: bold;"
WARNING_STYLE = "color: #8a4b00; font-weight: bold;"
