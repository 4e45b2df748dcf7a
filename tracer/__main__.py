"""`python -m tracer` runs the command line."""

from tracer.cli import run

run()
