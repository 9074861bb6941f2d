"""Messages of the `models` area: key → template per language (see `sysdesign.messages`)."""

MESSAGES: dict[str, dict[str, str]] = {
    # The standard 60-minute plan (`models.scenario.default_phases`): a title and a goal a phase.
    "models.phase.requirements.title": {"en": "Requirements", "ko": "요구사항 정리"},
    "models.phase.requirements.goal": {
        "en": "Narrow the scope with questions; state functional and non-functional requirements and the scale.",
        "ko": "질문으로 범위를 좁히고 기능·비기능 요구사항과 규모를 정리합니다.",
    },
    "models.phase.high_level.title": {"en": "High-level design", "ko": "개략적 설계"},
    "models.phase.high_level.goal": {
        "en": "Draw the main components, the data flow, the API and the data model.",
        "ko": "주요 컴포넌트와 데이터 흐름, API와 데이터 모델을 그립니다.",
    },
    "models.phase.deep_dive.title": {"en": "Deep dive", "ko": "상세 설계"},
    "models.phase.deep_dive.goal": {
        "en": "Go deep on the one or two hardest parts and explain the trade-offs.",
        "ko": "가장 어려운 한두 부분을 깊이 파고들어 트레이드오프를 설명합니다.",
    },
    "models.phase.wrap_up.title": {"en": "Scaling and wrap-up", "ko": "확장성 논의"},
    "models.phase.wrap_up.goal": {
        "en": "Bottlenecks, failure handling, monitoring and how it scales further.",
        "ko": "병목, 장애 대응, 모니터링, 확장 계획을 정리합니다.",
    },
}
