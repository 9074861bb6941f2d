"""Messages of the `qa` area: key → template per language (see `sysdesign.messages`)."""

MESSAGES: dict[str, dict[str, str]] = {
    "qa.round.round_minutes_answer_in_one": {
        "en": "Round {id}: {join}, {minutes:g} minutes. Answer in one or more lines; an empty line or :done ends the answer. :hint, :skip, :pause, :quit.",
        "ko": "라운드 {id}: {join}, {minutes:g}분. 답은 여러 줄로 써도 되고, 빈 줄이나 :done으로 끝냅니다. :hint, :skip, :pause, :quit.",
    },
    "qa.round.skipped_0_points": {"en": "Skipped (0 points).", "ko": "건너뛰었습니다(0점)."},
    "qa.round.paused_the_clock_has_stopped": {
        "en": "Paused; the clock has stopped. :resume",
        "ko": "일시 정지했습니다. :resume",
    },
    "qa.round.resumed": {"en": "Resumed.", "ko": "다시 시작합니다."},
    "qa.round.the_round_is_over": {"en": "The round is over.", "ko": "라운드가 끝났습니다."},
    "qa.round.paused_resume_first": {
        "en": "Paused: :resume first.",
        "ko": "일시 정지 중입니다. 먼저 :resume.",
    },
    "qa.round.empty_answer_type_it_or": {
        "en": "Empty answer: type it, or :skip.",
        "ko": "답이 비었습니다. 답을 쓰거나 :skip.",
    },
    "qa.round.no_question_is_waiting": {
        "en": "No question is waiting.",
        "ko": "대기 중인 질문이 없습니다.",
    },
    "qa.round.no_hints_left_here": {
        "en": "No hints left here.",
        "ko": "이 질문의 힌트를 다 썼습니다.",
    },
    "qa.round.not_paused": {"en": "Not paused.", "ko": "일시 정지 상태가 아닙니다."},
    "qa.ui.type_your_answer_several_lines": {
        "en": "Type your answer (several lines are fine); an empty line or :done sends it. :hint (costs points), :skip, :pause, :resume, :status, :quit.",
        "ko": "답을 쓰세요(여러 줄 가능). 빈 줄이나 :done으로 보냅니다. :hint(감점), :skip, :pause, :resume, :status, :quit.",
    },
    "qa.ui.left_answered_score_so_far": {
        "en": "{left}:{left_2:02d} left, {answered} answered, score so far {score:g}.",
        "ko": "남은 시간 {left}:{left_2:02d}, 답한 질문 {answered}개, 지금까지 점수 {score:g}.",
    },
    "qa.ui.unknown_command_help": {
        "en": "Unknown command {cmd}. :help",
        "ko": "모르는 명령 {cmd}. :help",
    },
    "qa.ui.paused_resume_first": {
        "en": "Paused: :resume first.",
        "ko": "일시 정지 중입니다. 먼저 :resume.",
    },
    "qa.ui.interrupted_round_paused_resume_sysdesign": {
        "en": "Interrupted: round paused. Resume: sysdesign qa resume {id}",
        "ko": "중단하여 라운드를 멈췄습니다. 이어서: sysdesign qa resume {id}",
    },
    "qa.ui.end_of_input_round_paused": {
        "en": "End of input: round paused. Resume: sysdesign qa resume {id}",
        "ko": "입력이 끝나 라운드를 멈췄습니다. 이어서: sysdesign qa resume {id}",
    },
    "qa.round.ask": {"en": "[{topic}] {question}", "ko": "[{topic}] {question}"},
    "qa.round.ask_followup": {
        "en": "[{topic}] {question} (follow-up, depth {depth})",
        "ko": "[{topic}] {question} (꼬리 질문, 깊이 {depth})",
    },
    "qa.round.answer_stored": {
        "en": "Answer stored: {score:g}/100 — explained {explained}, listed {listed}, wrong {wrong}, missed {missed}.",
        "ko": "답을 저장했습니다: {score:g}/100 — 설명 {explained}, 나열만 {listed}, 틀림 {wrong}, 빠짐 {missed}.",
    },
    "qa.round.hint": {
        "en": "Hint (-{cost:g} points): think about {keywords}.",
        "ko": "힌트(-{cost:g}점): {keywords} 쪽을 생각해 보세요.",
    },
    "qa.round.ended.time": {"en": "Time is up.", "ko": "시간이 다 됐습니다."},
    "qa.round.ended.exhausted": {"en": "No questions left.", "ko": "남은 질문이 없습니다."},
    "qa.round.ended.other": {"en": "Round ended.", "ko": "라운드를 끝냈습니다."},
    "qa.round.round_score": {
        "en": "{why} Round score: {score:g}/100. `sysdesign qa report {id}`",
        "ko": "{why} 라운드 점수: {score:g}/100. `sysdesign qa report {id}`",
    },
}
