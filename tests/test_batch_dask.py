"""A batch on a real Dask cluster (a LocalCluster) writes what the local run writes, line for line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_batch import make_corpus
from tracer import cli

distributed = pytest.importorskip("distributed")


def test_dask_cluster_output_equals_the_local_run(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    make_corpus(pages, 5)
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    common = ["--offline", "--depth", "0", "-q", "--cache-dir", str(tmp_path / "cache")]
    assert cli.main(["trace", str(pages), *common, "-j", "1", "-o", str(local)]) == 0
    # Light: one worker, threads in this process (the same code runs in worker processes on a real cluster).
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster:
        assert (
            cli.main(["trace", str(pages), *common, "--scheduler", cluster.scheduler_address, "-o", str(remote)]) == 0
        )
    assert remote.read_bytes() == local.read_bytes()
    assert len(remote.read_text().splitlines()) == 5


def test_unreachable_scheduler_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages"
    make_corpus(pages, 2)
    code = cli.main(["trace", str(pages), "--offline", "-q", "--scheduler", "tcp://127.0.0.1:9"])
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot reach the Dask scheduler" in err[0]
