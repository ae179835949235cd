"""Rule files, schemas and registries: data shipped with resolint, not code."""

from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent
SCHEMA_DIR = RULES_DIR / "schema"
DATA_DIR = RULES_DIR / "data"
