"""Scale-out batch coding: input shards coded on Dask ``distributed``, Parquet per shard, checkpoints.

Entry point: :func:`volte.scale.batch.run_batch` (``volte batch`` on the command line). Reading a batch
output back: :func:`volte.scale.manifest.read_batch_output` and :func:`volte.scale.manifest.iter_coded`.
Names are imported lazily, so reading a batch output does not import Dask.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "DEFAULT_SHARD_SIZE": "volte.scale.shards",
    "Manifest": "volte.scale.manifest",
    "Shard": "volte.scale.shards",
    "ShardStats": "volte.scale.manifest",
    "iter_coded": "volte.scale.manifest",
    "plan_shards": "volte.scale.shards",
    "read_batch_output": "volte.scale.manifest",
    "run_batch": "volte.scale.batch",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'volte.scale' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name]), name)
