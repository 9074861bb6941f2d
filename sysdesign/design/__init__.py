"""The candidate's design as a graph, and the rule library that explains its bottlenecks.

`sysdesign.check.check_design` is the entry point; rules live in `rules/`, one small
function each, registered by id.
"""
