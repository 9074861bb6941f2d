"""Messages of the `check` area (the `check` command's report): key → template per language
(see `sysdesign.messages`)."""

MESSAGES: dict[str, dict[str, str]] = {
    "check.more_components": {"en": ", … {more} more", "ko": ", … 외 {more}개"},
    "check.severity.critical": {"en": "Critical", "ko": "치명적"},
    "check.severity.major": {"en": "Major", "ko": "주요"},
    "check.severity.minor": {"en": "Minor", "ko": "경미"},
    "check.scenario": {"en": "scenario", "ko": "시나리오"},
    "check.no_findings": {"en": "No findings.", "ko": "지적 사항이 없습니다."},
    "check.why": {"en": "why", "ko": "이유"},
    "check.fix": {"en": "fix", "ko": "해결"},
    "check.and_more": {
        "en": "… and {count} more ({listed}); --json lists every one",
        "ko": "… 그 밖에 {count}개 ({listed}). 전체 목록은 --json으로 보세요",
    },
    "check.no_scenario": {
        "en": "No scenario: pass --scenario ID (or add `scenario:` to the file) for a score.",
        "ko": "시나리오가 없어 점수를 매기지 않았습니다. --scenario ID를 주거나 파일에 "
        "`scenario:`를 적으세요.",
    },
    "check.score": {"en": "Score", "ko": "점수"},
    "check.column.item": {"en": "Item", "ko": "항목"},
    "check.column.points": {"en": "Points", "ko": "점수"},
    "check.column.why": {"en": "Why", "ko": "이유"},
    "check.read": {"en": "read", "ko": "참고"},
    "check.kill.killed": {"en": "Killed", "ko": "중단한 컴포넌트"},
    "check.kill.broken_journeys": {
        "en": "Broken journeys ({broken} of {total}):",
        "ko": "끊긴 사용자 흐름 ({total}개 중 {broken}개):",
    },
    "check.kill.was": {"en": "was", "ko": "기존 경로"},
    "check.kill.no_journey_breaks": {
        "en": "No journey breaks: every client still reaches every data store.",
        "ko": "끊긴 흐름이 없습니다: 모든 클라이언트가 여전히 모든 데이터 저장소에 닿습니다.",
    },
    "check.kill.availability": {
        "en": "Availability (mean over client → data store journeys): ",
        "ko": "가용성 (클라이언트 → 데이터 저장소 흐름의 평균): ",
    },
    "check.kill.in_series": {"en": "in series", "ko": "직렬"},
}
