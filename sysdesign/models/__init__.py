"""pydantic models for every file a user or the bundle provides.

Importing this package costs pydantic (~100 ms): CLI modules import it inside commands only.
"""
