"""The interview session: state machine, events, interviewer, report."""
