"""Messages of the `ui` area: key → template per language (see `sysdesign.messages`)."""

MESSAGES: dict[str, dict[str, str]] = {
    "ui.lines.usage_nothing_stored": {
        "en": "usage: {form} (nothing stored)",
        "ko": "사용법: {form} (저장하지 않음)",
    },
    "ui.lines.unknown_command_help_lists_them": {
        "en": "unknown command :{command}{hint}; :help lists them (nothing stored)",
        "ko": "알 수 없는 명령 :{command}{hint}; :help 참고 (저장하지 않음)",
    },
    "ui.lines.the_clock_is_running": {"en": "The clock is running.", "ko": "시계가 가고 있습니다."},
    "ui.lines.help": {
        "en": "Commands:\n  ?TEXT           ask the interviewer (a line that reads as a question asks too)\n  :next           next phase (in the last phase: finish)\n  :check          re-read the design file\n  :design PATH    use another design file\n  :estimate ARGS  e.g. :estimate --dau 50M --writes-per-user 40\n  :hint           a hint (costs points)\n  :answer TEXT    answer the pending question (a plain line does too)\n  :note TEXT      a note, even while a question is pending\n  :skip           leave the pending question\n  :pause :resume  stop / restart the clock\n  :status         where you are\n  :quit           finish and write the report\n  any other line  the answer to the question it fits, else a note",
        "ko": "명령:\n  ?질문           면접관에게 질문 (질문으로 읽히는 줄도 질문이 됩니다)\n  :next           다음 단계 (마지막 단계에서는 종료)\n  :check          설계 파일 다시 읽기\n  :design PATH    다른 설계 파일 사용\n  :estimate ARGS  예: :estimate --dau 50M --writes-per-user 40\n  :hint           힌트 (감점)\n  :answer TEXT    대기 중인 질문에 답 (그냥 한 줄을 써도 답이 됩니다)\n  :note TEXT      질문이 대기 중이어도 메모로 저장\n  :skip           대기 중인 질문 건너뛰기\n  :pause :resume  시계 멈춤 / 다시 시작\n  :status         현재 상태\n  :quit           종료하고 리포트 작성\n  그 밖의 줄      맞는 질문의 답, 없으면 메모",
    },
    "ui.lines.left_elapsed": {
        "en": "{title}: {clock_text} left; {clock_text_2} elapsed; {status}",
        "ko": "{title}: {clock_text} 남음; {clock_text_2} 경과; {status}",
    },
    "ui.plain.paused": {"en": "paused", "ko": "일시정지"},
    "ui.plain.session_type_help_for_commands": {
        "en": "Session {id} — type :help for commands. Resume later: sysdesign resume {id}",
        "ko": "세션 {id} — 명령은 :help. 나중에 이어서: sysdesign resume {id}",
    },
    "ui.plain.design_file_edit_it_in": {
        "en": "Design file: {design_path} (edit it in your editor; saves are noticed)",
        "ko": "설계 파일: {design_path} (편집기로 고치세요. 저장하면 반영됩니다)",
    },
    "ui.plain.interrupted_session_paused_resume_sysdesign": {
        "en": "Interrupted: session paused. Resume: sysdesign resume {id}",
        "ko": "중단하여 세션을 멈췄습니다. 이어서: sysdesign resume {id}",
    },
    "ui.plain.end_of_input_session_paused": {
        "en": "End of input: session paused. Resume: sysdesign resume {id}",
        "ko": "입력이 끝나 세션을 멈췄습니다. 이어서: sysdesign resume {id}",
    },
    "ui.tui.interviewer": {"en": "Interviewer", "ko": "면접관"},
    "ui.tui.design": {"en": "Design", "ko": "설계"},
    "ui.tui.total_left": {"en": "total {clock_text} left", "ko": "전체 {clock_text} 남음"},
    "ui.tui.a_note_question_or_command": {
        "en": "A note, ?question or :command (:help)",
        "ko": "메모, ?질문 또는 :명령 (:help)",
    },
    "ui.tui.session_paused_resume_sysdesign_resume": {
        "en": "Session paused. Resume: sysdesign resume {id}\n",
        "ko": "세션을 멈췄습니다. 이어서: sysdesign resume {id}\n",
    },
    "ui.tui.over": {"en": "{title}: {clock_text} over", "ko": "{title}: {clock_text} 초과"},
    "ui.tui.left": {"en": "{title}: {clock_text} left", "ko": "{title}: {clock_text} 남음"},
    "ui.tui.the_session_has_finished": {
        "en": "The session has finished.",
        "ko": "세션이 끝났습니다.",
    },
    "ui.tui.your_answer_or_note_text": {
        "en": "Your answer (or :note TEXT, :skip, ?question)",
        "ko": "답변 (또는 :note 메모, :skip, ?질문)",
    },
    "ui.tui.report": {"en": "Report: {report_path} (", "ko": "리포트: {report_path} ("},
    "ui.tui.phase": {"en": "— phase {index}/{plan_size} —", "ko": "— {index}/{plan_size}단계 —"},
    "ui.tui.session_type_a_note_question": {
        "en": "Session {id}. Type a note, ?question or :command (:help). Resume later: sysdesign resume {id}",
        "ko": "세션 {id}. 메모, ?질문, :명령(:help)을 입력하세요. 나중에 이어서: sysdesign resume {id}",
    },
    "ui.tui.no_design_file_design_path": {
        "en": "No design file: :design PATH",
        "ko": "설계 파일 없음: :design PATH",
    },
    "ui.tui.sysdesign_report_press_enter_or": {
        "en": "{where}sysdesign report {id}{value}. Press Enter or ^Q to close.",
        "ko": "{where}sysdesign report {id}{value}. Enter 또는 ^Q로 닫습니다.",
    },
    "ui.tui.line": {"en": "?{text}", "ko": "?{text}"},
    "ui.tui.end_the_interview_now_finishing": {
        "en": "End the interview now? Finishing scores it and writes the report.",
        "ko": "면접을 끝낼까요? 끝내면 채점하고 리포트를 씁니다.",
    },
    "ui.tui.design_file_edit_it_in": {
        "en": "Design file: {design_path} (edit it in your editor; saves are noticed)",
        "ko": "설계 파일: {design_path} (편집기로 고치세요. 저장하면 반영됩니다)",
    },
    "ui.tui.finished": {"en": "Finished", "ko": "종료"},
    "ui.tui.paused_p_resumes": {"en": "PAUSED (^P resumes)", "ko": "일시정지 (^P 재개)"},
    "ui.tui.not_read_yet_k": {"en": "not read yet (^K)\n", "ko": "아직 읽지 않음 (^K)\n"},
    "ui.tui.components": {"en": "components: {count}\n", "ko": "구성 요소: {count}\n"},
    "ui.tui.findings": {"en": "findings: ", "ko": "지적: "},
    "ui.tui.critical": {"en": "critical {get}", "ko": "치명 {get}"},
    "ui.tui.major": {"en": "major {get}", "ko": "주요 {get}"},
    "ui.tui.minor": {"en": "minor {get}", "ko": "경미 {get}"},
    "ui.tui.waiting_for_your_answer": {
        "en": "Waiting for your answer:\n",
        "ko": "답을 기다리는 질문:\n",
    },
    "ui.tui.report_2": {"en": "Report:\n", "ko": "리포트:\n"},
    "ui.tui.close": {"en": "close", "ko": "닫기"},
    "ui.tui.resume": {"en": "resume", "ko": "재개"},
    "ui.tui.pause": {"en": "pause", "ko": "일시정지"},
    "ui.tui.finish_y": {"en": "Finish (y)", "ko": "끝내기 (y)"},
    "ui.tui.leave_resume_later_l": {"en": "Leave, resume later (l)", "ko": "나가기, 나중에 (l)"},
    "ui.tui.back_n": {"en": "Back (n)", "ko": "돌아가기 (n)"},
    "ui.tui.score": {"en": "score", "ko": "점수"},
    "ui.tui.valid": {"en": "✓ valid\n", "ko": "✓ 정상\n"},
    "ui.tui.invalid_problem_s": {
        "en": "✗ invalid: {n_problems} problem(s)\n",
        "ko": "✗ 오류: 문제 {n_problems}개\n",
    },
    "ui.tui.state_your_assumption": {"en": "State your assumption.", "ko": "가정을 말해 주세요."},
    "ui.tui.last_good_version": {"en": "last good version:\n", "ko": "마지막 정상 버전:\n"},
    "ui.tui.change_of_plan": {"en": "Change of plan: {text}", "ko": "요구사항 변경: {text}"},
}
