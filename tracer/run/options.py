"""Command-line options for tracing, shared by every command that traces (`tracer trace`, `tracer tui`).

Each option's default is read from the options object it fills (`TrailOptions`, `FetchOptions`),
so a default lives in one place.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

from tracer.platforms import oembed_endpoints as default_endpoints
from tracer.trail.options import TrailOptions
from tracer.web.addresses import host_key
from tracer.web.defaults import DEFAULT_ARCHIVE_URL
from tracer.web.options import FetchOptions

# Batches smaller than this run in the parent process: starting a worker (a fork server, the
# model loaded again) costs about as much as tracing a few articles.
AUTO_PARALLEL_MIN = 8

_TRAIL = TrailOptions()
_FETCH = FetchOptions()


@dataclass(frozen=True)
class RunOptions:
    """What a tracing command asked for: how far to follow, and how to fetch."""

    trail: TrailOptions
    fetch: FetchOptions


def non_negative_int(value: str) -> int:
    """An argparse type: 0 or more."""
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return number


def positive_int(value: str) -> int:
    """An argparse type: 1 or more."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return number


def add_cache_arguments(parser: argparse.ArgumentParser) -> None:
    """--offline and --cache-dir: where fetched pages are kept, and whether the network is used at all."""
    parser.add_argument("--offline", action="store_true", help="never touch the network; use only the HTTP cache")
    parser.add_argument(
        "--cache-dir",
        metavar="DIR",
        type=Path,
        default=_FETCH.cache_dir,
        help=f"where the HTTP cache lives (default: {_FETCH.cache_dir}/)",
    )


def add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    """Options for many inputs: where they come from, how many workers, resuming, a Dask cluster."""
    group = parser.add_argument_group("batches")
    group.add_argument(
        "--from-file",
        action="append",
        metavar="FILE",
        help="read URLs from FILE, one per line (# comments); may be repeated",
    )
    group.add_argument("-r", "--recursive", action="store_true", help="read directories' subdirectories too")
    group.add_argument(
        "-j",
        "--jobs",
        type=positive_int,
        metavar="N",
        help=f"worker processes (default: the machine's cores, {default_jobs()} here, for batches of "
        f"{AUTO_PARALLEL_MIN} inputs or more)",
    )
    group.add_argument(
        "--unordered", action="store_true", help="write results as they finish instead of in input order"
    )
    group.add_argument(
        "--resume",
        action="store_true",
        help="with -o FILE: skip the inputs already in FILE and append the rest (after a crash or Ctrl-C)",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster (e.g. tcp://10.0.0.5:8786; see `dask scheduler`, `dask worker ADDRESS`)",
    )


def batch_jobs(jobs: int | None, total: int | None) -> int:
    """The worker processes for a batch: as asked, else every core once the batch is worth starting them."""
    if jobs is not None:
        return jobs
    if total is not None and total < AUTO_PARALLEL_MIN:
        return 1
    return default_jobs()


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def add_trail_arguments(parser: argparse.ArgumentParser) -> None:
    """Options for following claims across documents, and for fetching politely and safely."""
    group = parser.add_argument_group("following the trail")
    group.add_argument(
        "--depth",
        type=non_negative_int,
        default=_TRAIL.depth,
        metavar="N",
        help=f"follow each claim N links deep into the documents it cites (default: {_TRAIL.depth}; "
        "0: this document only)",
    )
    group.add_argument("--archive", action="store_true", help="read the earliest Wayback capture of dead pages")
    group.add_argument(
        "--archive-url",
        default=_TRAIL.archive_url,
        metavar="URL",
        help=f"base URL of the Wayback-compatible archive (default: {_TRAIL.archive_url})",
    )
    for platform, endpoint in default_endpoints().items():
        group.add_argument(
            f"--oembed-{platform}",
            metavar="URL",
            default=endpoint,
            help=f"oEmbed endpoint for {platform} posts (default: {endpoint}; empty: never ask)",
        )
    group.add_argument(
        "--budget",
        type=float,
        default=_TRAIL.budget,
        metavar="SECONDS",
        help=f"most seconds one input may spend fetching the documents its claims lean on; links left "
        f"are recorded as out_of_time (default: {_TRAIL.budget:g})",
    )
    group.add_argument(
        "--allow-private",
        action="store_true",
        help="allow fetching loopback, private and link-local addresses (refused by default)",
    )
    group.add_argument("--no-robots", action="store_true", help="ignore robots.txt for the pages the tracer follows")
    group.add_argument(
        "--rate",
        type=float,
        default=_FETCH.rate,
        metavar="SECONDS",
        help=f"minimum seconds between two requests to one host (default: {_FETCH.rate})",
    )
    group.add_argument(
        "--per-host",
        type=positive_int,
        default=_FETCH.per_host,
        metavar="N",
        help=f"requests in flight per host (default: {_FETCH.per_host})",
    )
    group.add_argument(
        "--timeout",
        type=float,
        default=_FETCH.timeout[1],
        metavar="SECONDS",
        help=f"read timeout per request (default: {_FETCH.timeout[1]:g})",
    )


def run_options(args: argparse.Namespace) -> RunOptions:
    """The options objects for parsed arguments (those `add_cache_arguments` and `add_trail_arguments` added)."""
    trail = TrailOptions(
        depth=args.depth,
        archive=args.archive,
        archive_url=args.archive_url,
        oembed={p: getattr(args, f"oembed_{p}") for p in default_endpoints()},
        budget=args.budget if args.budget > 0 else None,
    )
    return RunOptions(trail=trail, fetch=_fetch_options(args, trail))


def _fetch_options(args: argparse.Namespace, trail: TrailOptions) -> FetchOptions:
    # Endpoints the user set explicitly (a local Wayback mirror, say) are exempt from the
    # private-address rule; the built-in public ones are not.
    defaults = default_endpoints()
    endpoints = [trail.archive_url] if trail.archive and trail.archive_url != DEFAULT_ARCHIVE_URL else []
    endpoints += [url for key, url in trail.oembed.items() if url and url != defaults.get(key) and "{host}" not in url]
    return FetchOptions(
        cache_dir=args.cache_dir,
        offline=args.offline,
        timeout=(min(_FETCH.timeout[0], args.timeout), args.timeout),
        allow_private=args.allow_private,
        allow_hosts=frozenset(host_key(url) for url in endpoints),
        respect_robots=not args.no_robots,
        rate=args.rate,
        per_host=args.per_host,
    )
