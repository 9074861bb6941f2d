"""Messages of the `star` area: key → template per language (see `sysdesign.messages`)."""

MESSAGES: dict[str, dict[str, str]] = {
    "star.checks.situation": {"en": "Situation", "ko": "상황"},
    "star.checks.task": {"en": "Task", "ko": "과제"},
    "star.checks.action": {"en": "Action", "ko": "행동"},
    "star.checks.result": {"en": "Result", "ko": "결과"},
    "star.checks.lesson": {"en": "Lesson", "ko": "배운 점"},
    "star.checks.state_the_outcome_as_a": {
        "en": "State the outcome as a number with a unit and a baseline: '500 ms → 50 ms (p99)', 'errors down 80%', 'saved 3 engineer-days a week', '₩20M a month'.",
        "ko": "결과를 단위와 기준이 있는 숫자로 말하세요: '500ms에서 50ms로(p99)', '오류 80% 감소', '주당 3인일 절약', '월 2천만 원 절감'.",
    },
    "star.checks.say_what_you_did_yourself": {
        "en": "Say what you did yourself: 'I profiled…', 'I proposed…', 'I wrote…'. Keep 'we' for the team's context, and name your part in every team step.",
        "ko": "본인이 한 일을 주어로 말하세요: '제가 프로파일링했고…', '제가 제안해서…'. '우리/저희'는 배경 설명에만 쓰고, 팀이 한 일에서도 본인의 몫을 밝히세요.",
    },
    "star.checks.give_each_section_at_least": {
        "en": "Give each section at least a sentence. In typed answers, start sections with markers such as 'Situation:', 'Task:', 'Action:', 'Result:' (or 'S:' … 'R:').",
        "ko": "각 부분을 한 문장 이상으로 채우세요. 직접 입력할 때는 '상황:', '과제:', '행동:', '결과:' (또는 'S:' … 'R:') 같은 표시로 부분을 시작하세요.",
    },
    "star.checks.syllables": {"en": "syllables", "ko": "음절"},
    "star.checks.words": {"en": "words", "ko": "단어"},
    "star.checks.syllables_min": {
        "en": "{syllables_per_minute_ko} syllables/min",
        "ko": "분당 {syllables_per_minute_ko}음절",
    },
    "star.checks.words_min": {
        "en": "{words_per_minute_en} words/min",
        "ko": "분당 {words_per_minute_en}단어",
    },
    "star.checks.the_result_has_no_numbers": {
        "en": "The result has no numbers: no percentage, no before → after, no time or money.",
        "ko": "결과에 숫자가 없습니다. 비율, 전후 비교, 시간이나 비용이 보이지 않습니다.",
    },
    "star.checks.i_is_of_first_person": {
        "en": "'I' is {pct}% of first-person words ({mine} I / {ours} we) in task, action and result; interviewers assess you, not the team (aim for ≥ {ownership_pass}%).",
        "ko": "과제·행동·결과에서 1인칭 중 '저/제가'의 비율이 {pct}%입니다 (저 {mine} / 우리 {ours}). 면접관은 팀이 아니라 지원자를 평가합니다 ({ownership_pass}% 이상 권장).",
    },
    "star.checks.the_action_is_of_the": {
        "en": "The action is {pct}% of the {unit}; it should carry about half the answer (the situation and task are set-up, the action is what you are hired for).",
        "ko": "행동 부분이 전체 {unit}의 {pct}%입니다. 답변의 절반가량은 행동이어야 합니다 (상황과 과제는 배경이고, 평가받는 것은 행동입니다).",
    },
    "star.checks.trim_the_situation_and_task": {
        "en": "Trim the situation and task to a sentence or two each; expand the action into the concrete steps you took, the options you weighed and why you chose one.",
        "ko": "상황과 과제는 한두 문장으로 줄이고, 행동에 구체적인 단계, 검토한 대안, 선택한 이유를 더하세요.",
    },
    "star.checks.about_when_spoken_at_the": {
        "en": "About {said} when spoken (at {rate_text}); the target is {span}. Long answers lose the interviewer and leave no time for follow-ups.",
        "ko": "말하면 약 {said}입니다 ({rate_text} 기준). 목표는 {span}입니다. 답이 길면 핵심이 흐려지고 후속 질문 시간이 줄어듭니다.",
    },
    "star.checks.cut_the_situation_to_one": {
        "en": "Cut the situation to one or two sentences, drop side plots, keep the action steps and the result's numbers; details can come in follow-up answers.",
        "ko": "상황은 한두 문장으로 줄이고 곁가지를 빼세요. 행동 단계와 결과 수치만 남기고 세부 사항은 후속 질문에서 말하면 됩니다.",
    },
    "star.checks.vague_or_filler_words_they": {
        "en": "Vague or filler words: {listed}. They make a specific story sound unsure.",
        "ko": "모호하거나 군더더기인 표현: {listed}. 구체적인 경험도 자신 없게 들리게 합니다.",
    },
    "star.checks.replace_each_with_the_specific": {
        "en": "Replace each with the specific thing: which service, which metric, which change; drop hedges such as 'kind of' and 'basically'.",
        "ko": "각 표현을 구체적인 대상(어떤 서비스, 어떤 지표, 어떤 변경)으로 바꾸고, '좀', '그냥', '~것 같습니다' 같은 얼버무림은 빼세요.",
    },
    "star.checks.no_lesson_learned_the_answer": {
        "en": "No lesson learned: the answer stops at the result, and 'what did you learn?' is the most common follow-up.",
        "ko": "배운 점이 없습니다. 답변이 결과에서 끝나는데, '무엇을 배웠나요?'는 가장 흔한 후속 질문입니다.",
    },
    "star.checks.close_with_one_or_two": {
        "en": "Close with one or two sentences on what you do differently since, e.g. 'Since then I add a race-detector run to every CI build.'",
        "ko": "그 뒤로 무엇을 다르게 하는지 한두 문장으로 마무리하세요. 예: '이후로는 모든 CI 빌드에 레이스 디텍터를 돌립니다.'",
    },
    "star.checks.the_result_has_a_number": {
        "en": "The result has a number or an adjective of size but no unit, percentage or before → after; the interviewer cannot tell how big the change was.",
        "ko": "결과에 숫자나 '크게' 같은 표현은 있지만 단위, 비율, 전후 비교가 없어 변화의 크기를 알 수 없습니다.",
    },
    "star.checks.task_action_and_result_never": {
        "en": "Task, action and result never say 'I' or 'we': it is unclear who did what (passive voice hides the actor).",
        "ko": "과제·행동·결과에 '저/제가'도 '우리'도 없어 누가 무엇을 했는지 불분명합니다.",
    },
    "star.checks.about_when_spoken_at_the_2": {
        "en": "About {said} when spoken (at {rate_text}); the target is {span}. Too short to show what you did.",
        "ko": "말하면 약 {said}입니다 ({rate_text} 기준). 목표는 {span}입니다. 본인의 행동을 보여 주기에 너무 짧습니다.",
    },
    "star.checks.add_the_concrete_steps_of": {
        "en": "Add the concrete steps of the action and the numbers of the result.",
        "ko": "행동의 구체적인 단계와 결과의 수치를 더하세요.",
    },
    "star.practice.context_in_one_or_two": {
        "en": "context in one or two sentences",
        "ko": "배경을 한두 문장으로",
    },
    "star.practice.your_responsibility_briefly": {
        "en": "your responsibility, briefly",
        "ko": "본인의 책임을 짧게",
    },
    "star.practice.what_you_did_step_by": {
        "en": "what you did, step by step — the longest part",
        "ko": "본인이 한 일을 단계별로 — 가장 길게",
    },
    "star.practice.the_outcome_with_numbers_before": {
        "en": "the outcome with numbers: before → after",
        "ko": "숫자로 된 결과: 전 → 후",
    },
    "star.practice.what_you_do_differently_since": {
        "en": "what you do differently since",
        "ko": "그 뒤로 달라진 점",
    },
    "star.drafts.prompt.title": {"en": "Title (one line)", "ko": "제목 (한 줄)"},
    "star.drafts.prompt.id": {
        "en": "Id (lower-case letters, digits, -)",
        "ko": "id (영문 소문자, 숫자, -)",
    },
    "star.drafts.prompt.language": {
        "en": "Language you tell it in (ko/en)",
        "ko": "이야기하는 언어 (ko/en)",
    },
    "star.drafts.prompt.situation": {
        "en": "Situation — the context, 1–2 sentences",
        "ko": "상황 — 배경을 한두 문장으로",
    },
    "star.drafts.prompt.task": {
        "en": "Task — what you were responsible for",
        "ko": "과제 — 본인이 맡은 책임",
    },
    "star.drafts.prompt.action": {
        "en": "Action — what YOU did, step by step",
        "ko": "행동 — '제가' 한 일을 단계별로",
    },
    "star.drafts.prompt.result": {
        "en": "Result — with numbers (before → after)",
        "ko": "결과 — 숫자로 (전 → 후)",
    },
    "star.drafts.prompt.learned": {
        "en": "Learned — what you do differently since (optional)",
        "ko": "배운 점 — 그 뒤로 달라진 점 (선택)",
    },
    "star.drafts.prompt.competencies": {
        "en": "Competencies, comma-separated (e.g. ownership, failure)",
        "ko": "역량 태그, 쉼표로 구분 (예: ownership, failure)",
    },
    "star.drafts.prompt.companies": {
        "en": "Companies, comma-separated (optional)",
        "ko": "회사, 쉼표로 구분 (선택)",
    },
    "star.drafts.id_taken": {
        "en": "a story {id!r} already exists; choose another id",
        "ko": "{id!r} 스토리가 이미 있습니다. 다른 id를 고르세요",
    },
    "star.checks.missing_sections": {
        "en": "Missing or too thin: {sections}. A STAR answer needs all four sections.",
        "ko": "빠졌거나 너무 짧은 부분: {sections}. STAR 답변에는 네 부분이 모두 필요합니다.",
    },
}
