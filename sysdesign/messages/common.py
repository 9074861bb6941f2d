"""Messages every area uses: key → template per language (see `sysdesign.messages`)."""

MESSAGES: dict[str, dict[str, str]] = {
    # A text whose languages come with it (data files, stored results): shown as it is.
    "common.text": {"en": "{text}", "ko": "{text}"},
}
