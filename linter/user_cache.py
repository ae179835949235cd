"""Where resolint keeps its caches: RESOLINT_CACHE_DIR, or the user's cache directory."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "RESOLINT_CACHE_DIR"


def cache_dir() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("resolint"))
