"""Messages of the `session` area: key → template per language (see `sysdesign.messages`)."""

MESSAGES: dict[str, dict[str, str]] = {
    "session.engine.state_your_assumption_your_next": {
        "en": "State your assumption (your next line).",
        "ko": "가정을 말해 주세요 (다음 줄).",
    },
    "session.engine.paused_the_clock_has_stopped": {
        "en": "Paused; the clock has stopped. :resume to go on.",
        "ko": "일시정지했습니다. 시계가 멈췄습니다. :resume으로 계속하세요.",
    },
    "session.engine.time_is_up_for_wrap": {
        "en": "Time is up for {title}. Wrap it up and move on (:next); the overrun is recorded.",
        "ko": "{title} 시간이 끝났습니다. 정리하고 넘어가세요 (:next). 초과 시간은 기록됩니다.",
    },
    "session.engine.change_of_plan": {
        "en": "Change of plan: {text}",
        "ko": "요구사항 변경: {text}",
    },
    "session.engine.your_next_line_answers_it": {
        "en": "Your next line answers it; update your design file too.",
        "ko": "다음 줄이 답이 됩니다. 설계 파일도 고치세요.",
    },
    "session.engine.phase": {
        "en": "Phase {index}/{n_plan}: {title} ({minutes}).",
        "ko": "{index}/{n_plan}단계: {title} ({minutes}).",
    },
    "session.engine.session_finished_score_100": {
        "en": "Session finished. Score: {score:g}/100.",
        "ko": "세션이 끝났습니다. 점수: {score:g}/100.",
    },
    "session.engine.noted": {"en": "noted (#{n})", "ko": "메모 저장 (#{n})"},
    "session.engine.skipped": {"en": "skipped", "ko": "건너뜀"},
    "session.engine.estimate_committed": {
        "en": "estimate committed: {shown}",
        "ko": "추정 저장: {shown}",
    },
    "session.engine.hint_points": {
        "en": "Hint (−{hint_cost:g} points): {text}",
        "ko": "힌트 (−{hint_cost:g}점): {text}",
    },
    "session.engine.the_session_has_finished_see": {
        "en": "The session has finished; see its report.",
        "ko": "세션이 끝났습니다. 리포트를 보세요.",
    },
    "session.engine.paused_resume_to_go_on": {
        "en": "Paused: :resume to go on (only notes are taken while paused).",
        "ko": "일시정지 상태입니다: :resume으로 계속하세요 (일시정지 중에는 메모만 받습니다).",
    },
    "session.engine.the_session_has_not_begun": {
        "en": "The session has not begun.",
        "ko": "세션이 시작되지 않았습니다.",
    },
    "session.engine.ran_over": {
        "en": "{title} ran {clock_text} over.",
        "ko": "{title} 단계가 {clock_text} 초과했습니다.",
    },
    "session.engine.ask_a_question_after": {
        "en": "Ask a question after '?'.",
        "ko": "'?' 뒤에 질문을 쓰세요.",
    },
    "session.engine.noted_while_paused": {
        "en": "noted while paused (#{n})",
        "ko": "일시정지 중 메모 저장 (#{n})",
    },
    "session.engine.assumption_recorded": {"en": "assumption recorded", "ko": "가정 저장"},
    "session.engine.no_question_is_waiting_for": {
        "en": "No question is waiting for an answer; that line was not stored.",
        "ko": "답을 기다리는 질문이 없습니다. 저장하지 않았습니다.",
    },
    "session.engine.no_such_file": {"en": "No such file: {path}", "ko": "파일이 없습니다: {path}"},
    "session.engine.no_hint_right_now_you": {
        "en": "No hint right now: you are covering what I would ask. (No points taken.)",
        "ko": "지금은 드릴 힌트가 없습니다. 잘 진행하고 있습니다. (감점 없음)",
    },
    "session.engine.your_design_has": {
        "en": "(Your design has {rules}.) {question}",
        "ko": "(설계에서 {rules} 지적이 나왔습니다.) {question}",
    },
    "session.engine.i_can_t_tell_you": {
        "en": "I can't tell you that: state your assumption (your next line) and go on.",
        "ko": "그건 알려 드릴 수 없습니다. 가정을 말하고 (다음 줄) 진행하세요.",
    },
    "session.design.more_sysdesign_check": {
        "en": "  … {more} more: sysdesign check {design_path}",
        "ko": "  … {more}개 더: sysdesign check {design_path}",
    },
    "session.design.the_design_file_does_not": {
        "en": "The design file does not load (the last good version is kept):",
        "ko": "설계 파일을 읽을 수 없습니다 (마지막 정상 버전을 씁니다):",
    },
    "session.design.no_file_yet": {
        "en": "No design file yet: :design PATH.",
        "ko": "설계 파일이 아직 없습니다: :design PATH.",
    },
    "session.design.problems": {
        "en": "The design has {n} problem(s); the last good version is kept.",
        "ko": "설계 파일에 문제가 {n}개 있습니다. 마지막 정상 버전을 씁니다.",
    },
    "session.design.findings": {
        "en": "Design: {total} finding(s) — critical {critical}, major {major}, minor {minor}.",
        "ko": "설계: 지적 {total}개 — 치명 {critical}, 주요 {major}, 경미 {minor}.",
    },
    "session.design.saved": {"en": "Design saved. {line}", "ko": "설계 저장. {line}"},
    "session.engine.resumed_at_into_the_session": {
        "en": "Resumed at {elapsed} into the session; {remaining} left in {title}.",
        "ko": "{elapsed} 지점에서 재개합니다. {title} {remaining} 남음.",
    },
    "session.engine.minute_left": {
        "en": "{minutes} minute left in {title}.",
        "ko": "{title} {minutes}분 남았습니다.",
    },
    "session.engine.minutes_left": {
        "en": "{minutes} minutes left in {title}.",
        "ko": "{title} {minutes}분 남았습니다.",
    },
    "session.design.finding": {
        "en": "  [{severity}] {rule}{where}: {message} Why: {why} Fix: {fix}",
        "ko": "  [{severity}] {rule}{where}: {message} 이유: {why} 해결: {fix}",
    },
    "session.engine.which_of_two": {
        "en": "Do you mean {a} or {b}? Ask again with the one you mean.",
        "ko": "{a} 말씀인가요, 아니면 {b} 말씀인가요? 궁금한 쪽으로 다시 물어봐 주세요.",
    },
    "session.engine.answer_recorded": {
        "en": "answer recorded (to: {question})",
        "ko": "답변 저장 (질문: {question})",
    },
    # next steps of a session report
    "session.report.next.clarify": {
        "en": "Clarify before you design",
        "ko": "설계 전에 범위를 좁히기",
    },
    "session.report.next.questions_not_asked": {
        "en": "Questions you did not ask: {questions}",
        "ko": "묻지 않은 질문: {questions}",
    },
    "session.report.next.state_requirements": {
        "en": "State the requirements out loud",
        "ko": "요구사항을 명시적으로 말하기",
    },
    "session.report.next.not_stated": {
        "en": "Not stated: {requirements}",
        "ko": "언급하지 않음: {requirements}",
    },
    "session.report.next.missed_concepts": {
        "en": "Missed: {concepts}",
        "ko": "빠진 개념: {concepts}",
    },
    "session.report.next.estimation": {
        "en": "Back-of-the-envelope estimation",
        "ko": "개략적 규모 추정",
    },
    "session.report.next.practise_estimation": {
        "en": "Practise with `sysdesign estimate` until QPS and storage come out within ×2.",
        "ko": "`sysdesign estimate`로 QPS와 저장 용량이 ×2 이내로 나오도록 연습하세요.",
    },
    "session.report.next.absorb_change": {
        "en": "Absorb a requirement change",
        "ko": "요구사항 변경 반영하기",
    },
    "session.report.next.curveball_missing": {
        "en": "{change} Missing: {missing}",
        "ko": "{change} 빠진 것: {missing}",
    },
    "session.report.next.further_reading": {
        "en": "Further reading for this problem",
        "ko": "이 문제를 위한 참고 자료",
    },
}
