"""Rendering a design: diagrams (PNG/SVG/PDF), Mermaid, DOT, and Jinja2 pages (blog post, review).

`graph.build_view` turns a `Design` into a neutral `DiagramView` that every renderer draws; the
heavy libraries (diagrams, jinja2) are imported inside the functions that need them.
"""
