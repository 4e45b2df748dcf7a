"""Exceptions raised by the tracer.

The whole tree::

    TracerError                 base class; the CLI turns any of these into one line + exit code
    ├── InputError              the input itself is unusable
    │   ├── InputNotFoundError  a path that does not exist
    │   ├── UnreadableInputError  a file that cannot be opened, or is binary
    │   ├── EmptyInputError     nothing to read (empty file, blank stdin, no article text)
    │   └── UnsupportedInputError  an unsupported URL scheme or file type
    ├── FetchError              anything that went wrong getting a URL
    │   ├── NetworkError        DNS failure, refused connection, timeout, offline
    │   ├── HTTPStatusError     the server answered 4xx/5xx (carries `status_code`)
    │   │   └── RateLimitedError  429/503 asking to wait longer than the run can (carries `wait`)
    │   ├── BlockedURLError     refused by policy: private address, robots.txt
    │   ├── ResponseTooLargeError  body over the size cap
    │   ├── ContentTypeError    not HTML or text
    │   ├── NotCachedError      --offline and the URL is not in the cache
    │   └── OutOfTimeError      the input's time budget was spent before this URL was fetched
    ├── ParseError              the bytes were read but could not be understood
    └── OutputError             the results cannot be written where -o asks (checked before tracing)

Library code raises these; it never prints or exits. The CLI and TUI decide what users see.
"""

from __future__ import annotations


class TracerError(Exception):
    """Base class for every error the tracer raises on purpose."""

    exit_code = 1


class InputError(TracerError):
    """The input cannot be used as an article."""

    exit_code = 2


class InputNotFoundError(InputError):
    """A path given as input does not exist."""


class UnreadableInputError(InputError):
    """A file exists but cannot be read as text (permissions, binary content)."""


class EmptyInputError(InputError):
    """The input holds nothing to trace."""


class UnsupportedInputError(InputError):
    """An input the tracer cannot read: unsupported URL scheme or file type."""


class FetchError(TracerError):
    """Getting a URL failed."""

    exit_code = 3

    def __init__(self, message: str, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url


class NetworkError(FetchError):
    """The network is unreachable, the name does not resolve, or the server timed out."""


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, message: str, url: str | None = None, status_code: int = 0) -> None:
        super().__init__(message, url)
        self.status_code = status_code


class RateLimitedError(HTTPStatusError):
    """The server asked to be asked again later (Retry-After) than the run is willing to wait."""

    def __init__(self, message: str, url: str | None = None, status_code: int = 429, wait: float = 0.0) -> None:
        super().__init__(message, url, status_code)
        self.wait = wait


class OutOfTimeError(FetchError):
    """The input's time budget was spent; this URL was not fetched."""


class BlockedURLError(FetchError):
    """Fetching this URL is refused by policy (private address, robots.txt)."""


class ResponseTooLargeError(FetchError):
    """The response body is larger than the configured maximum."""


class ContentTypeError(FetchError):
    """The response is not a document the tracer can read."""


class NotCachedError(FetchError):
    """Offline mode, and the URL is not in the cache."""


class ParseError(TracerError):
    """The content was read but could not be parsed."""

    exit_code = 4


class OutputError(TracerError):
    """The output file cannot be written (a folder, under a file, no permission), or not resumed."""

    exit_code = 5
