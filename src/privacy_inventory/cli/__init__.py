"""The command line: one module per command group; each parses, calls one function and renders."""

from .app import main

__all__ = ["main"]
