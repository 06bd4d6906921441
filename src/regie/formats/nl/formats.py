"""Dutch formats on top of Django's own: dates with leading zeros (31-12-2026), 1.234,56."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d-m-Y"
DATETIME_FORMAT = "j F Y H:i"
SHORT_DATETIME_FORMAT = "d-m-Y H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
