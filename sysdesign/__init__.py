"""sysdesign: an offline system-design and behavioural interview simulator for the terminal."""

__version__ = "0.1.0"
