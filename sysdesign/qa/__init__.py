"""Technical interview questions (`sysdesign qa`): the question bank and its follow-up chains."""
