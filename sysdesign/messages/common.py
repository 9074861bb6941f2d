"""Messages every area uses: key → template per language (see `sysdesign.messages`)."""

MESSAGES: dict[str, dict[str, str]] = {
    # A text whose languages come with it (data files, stored results): shown as it is.
    "common.text": {"en": "{text}", "ko": "{text}"},
    # Severity of a finding, as the checker and the session show it.
    "common.severity.critical": {"en": "critical", "ko": "치명"},
    "common.severity.major": {"en": "major", "ko": "주요"},
    "common.severity.minor": {"en": "minor", "ko": "경미"},
}
