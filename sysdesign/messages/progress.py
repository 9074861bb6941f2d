"""Messages of the `progress` area: key → template per language (see `sysdesign.messages`)."""

MESSAGES: dict[str, dict[str, str]] = {
    "progress.chart.streak_day_s_result_s": {
        "en": "{span} · streak {streak} day(s) · {results} result(s)",
        "ko": "{span} · 연속 {streak}일 · 결과 {results}회",
    },
    "progress.chart.no_results_yet": {"en": "no results yet", "ko": "아직 결과가 없습니다"},
    "progress.chart.scenario": {"en": "Scenario: {sid}", "ko": "시나리오: {sid}"},
    "progress.chart.sysdesign_progress": {"en": "sysdesign progress", "ko": "sysdesign 연습 현황"},
    "progress.chart.no_data": {"en": "no data", "ko": "데이터 없음"},
}
