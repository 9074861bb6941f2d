"""Messages of the `rubric` area: key → template per language (see `sysdesign.messages`)."""

MESSAGES: dict[str, dict[str, str]] = {
    "rubric.scoring.flow_exists": {
        "en": "flow {flow} exists: {join}",
        "ko": "흐름 {flow} 있음: {join}",
    },
    "rubric.scoring.flow_is_missing": {
        "en": "flow {flow} is missing: {why}",
        "ko": "흐름 {flow} 없음: {why}",
    },
    "rubric.scoring.points_for_a_design_free": {
        "en": "points for a design free of other findings (each finding above costs some)",
        "ko": "그 밖의 지적이 없는 설계에 주는 점수 (위의 지적마다 차감)",
    },
    "rubric.scoring.finding": {
        "en": "{severity} finding: {message}",
        "ko": "{severity} 지적: {message}",
    },
    "rubric.scoring.capped_at_a_critical_finding": {
        "en": "capped at {critical_cap:g}: a critical finding ({names}) fails the design on its own",
        "ko": "치명적 지적({names})이 있어 {critical_cap:g}점으로 제한: 그것만으로 설계가 통과하지 못합니다",
    },
    "rubric.scoring.avoids": {"en": "avoids {rule}", "ko": "{rule} 없음"},
    "rubric.scoring.fired": {
        "en": "{rule} fired {times}×: {where}",
        "ko": "{rule} {times}건: {where}",
    },
}
