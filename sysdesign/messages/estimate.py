"""Messages of the `estimate` area: key → template per language (see `sysdesign.messages`)."""

MESSAGES: dict[str, dict[str, str]] = {
    # The conventions a candidate states before calculating (`Conventions.describe`).
    "estimate.conventions.quick": {"en": "quick interview shorthand", "ko": "면접용 어림값"},
    "estimate.conventions.day": {"en": "1 day = {day} s", "ko": "하루 = {day}초"},
    "estimate.conventions.month": {"en": "1 month = {month} s", "ko": "한 달 = {month}초"},
    "estimate.conventions.volumes": {
        "en": "volumes: month = 30 days, year = 365 days (or 12 months)",
        "ko": "양: 한 달 = 30일, 1년 = 365일 (또는 12개월)",
    },
    "estimate.conventions.binary": {
        "en": "sizes: binary (1 KiB = 1,024 B)",
        "ko": "크기: 2진 (1 KiB = 1,024 B)",
    },
    "estimate.conventions.decimal": {
        "en": "sizes: decimal (1 KB = 1,000 B)",
        "ko": "크기: 10진 (1 KB = 1,000 B)",
    },
}
