"""Progress of a batch on stderr: a bar on a terminal, a plain line every few seconds in a log, or nothing.

The bar (tqdm) shows done / total, the rate, the time left and the failures so far; when
stderr is a file or a pipe (a cluster job's log), a bar's carriage returns would be noise, so
a plain line is written every `LINE_SECONDS` instead. Per-input error lines go through here
too, so that they never tear the bar.
"""

from __future__ import annotations

import time
from typing import TextIO

from tqdm import tqdm

from tracer.run.batch import Outcome

# tqdm's monitor thread would make this process multi-threaded, and a batch forks its workers
# only from a single-threaded process (tracer.run.parallel); the bar updates on every input anyway.
tqdm.monitor_interval = 0

# A log line this often: frequent enough to show a long run is alive, rare enough to read.
LINE_SECONDS = 10.0


class BatchProgress:
    """Reports a batch's progress to a stream.

    Args:
        stream: Where to write (stderr).
        total: Inputs to trace in this run, if known.
        mode: "bar", "lines" or "off".
    """

    def __init__(self, stream: TextIO, total: int | None, mode: str) -> None:
        self.stream = stream
        self.total = total
        self.mode = mode
        self.done = 0
        self.failed = 0
        self.started = time.monotonic()
        self._last_line = self.started
        self._bar = tqdm(total=total, file=stream, unit="input", dynamic_ncols=True) if mode == "bar" else None

    def update(self, outcome: Outcome) -> None:
        """Count one finished input (and show its error, if it failed)."""
        self.done += 1
        if outcome.error:
            self.failed += 1
            self.message(f"tracer: error: {outcome.label}: {outcome.error}")
        if self._bar is not None:
            self._bar.update(1)
            if outcome.error:
                self._bar.set_postfix_str(f"{self.failed} failed", refresh=False)
        elif self.mode == "lines" and time.monotonic() - self._last_line >= LINE_SECONDS:
            self._line()

    def message(self, text: str) -> None:
        """Write a line without breaking the bar."""
        if self._bar is not None:
            self._bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream, flush=True)

    def close(self) -> None:
        """Finish the bar, or write the last plain line."""
        if self._bar is not None:
            self._bar.close()
        elif self.mode == "lines" and self.done:
            self._line()

    def _line(self) -> None:
        self._last_line = time.monotonic()
        elapsed = self._last_line - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        of = f"/{self.total}" if self.total is not None else ""
        left = ""
        if self.total and rate > 0 and self.done < self.total:
            left = f", about {_duration((self.total - self.done) / rate)} left"
        print(f"tracer: {self.done}{of} inputs, {self.failed} failed, {rate:.2f}/s{left}", file=self.stream, flush=True)


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"
