"""Registries and rule files are parsed and validated once, then read from a cache keyed by their content."""

from __future__ import annotations

import pytest

from linter import datafile
from linter.engine import loader
from linter.engine.loader import load_rules
from linter.errors import InputError
from linter.registries import treaties
from linter.validated_cache import content_key
from rules import RULES_DIR

RULE = (RULES_DIR / "verb" / "RV141.yaml").read_text(encoding="utf-8").replace("id: RV141", "id: RV901").replace(
    "options: {case: orphan}", "options: {case: %s}")


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RESOLINT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "validated"


def _counting(monkeypatch, module, name):
    calls = []
    real = getattr(module, name)

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_an_unchanged_rule_set_is_validated_once(own_cache, monkeypatch):
    first = load_rules()
    calls = _counting(monkeypatch, loader, "load_rule")
    assert load_rules() == first and [r.options for r in load_rules()] == [r.options for r in first]
    assert calls == []


def test_a_changed_rule_file_is_read_again(own_cache, tmp_path, monkeypatch):
    house = tmp_path / "house" / "verb"
    house.mkdir(parents=True)
    (house / "RV901.yaml").write_text(RULE % "orphan", encoding="utf-8")
    assert [r.options for r in load_rules([tmp_path / "house"]) if r.id == "RV901"] == [{"case": "orphan"}]
    (house / "RV901.yaml").write_text(RULE % "sideways", encoding="utf-8")
    with pytest.raises(InputError, match="options/case"):
        load_rules([tmp_path / "house"])
    (house / "RV901.yaml").write_text(RULE % "repeat", encoding="utf-8")
    assert [r.options for r in load_rules([tmp_path / "house"]) if r.id == "RV901"] == [{"case": "repeat"}]
    calls = _counting(monkeypatch, loader, "load_rule")
    load_rules([tmp_path / "house"])
    assert calls == []
    # Only the newest entry of a rule set is kept.
    assert len(list(own_cache.glob("rules-*.pickle"))) == 1


def test_a_changed_registry_is_read_again(own_cache, tmp_path, monkeypatch):
    registry = tmp_path / "ours.yaml"
    original = treaties.REGISTRY_FILE.read_text(encoding="utf-8")
    registry.write_text(original, encoding="utf-8")
    calls = _counting(monkeypatch, datafile, "read_yaml")
    first = treaties.read_registry_file(registry)
    assert treaties.read_registry_file(registry) == first
    assert len(calls) == 1
    registry.write_text(original.replace("version: 1", "version: 2", 1), encoding="utf-8")
    with pytest.raises(InputError, match="version"):
        treaties.read_registry_file(registry)
    assert len(calls) == 2


def test_a_damaged_cache_entry_is_a_miss(own_cache):
    first = load_rules()
    for entry in own_cache.glob("rules-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert load_rules() == first


def test_the_key_follows_every_byte(tmp_path):
    a = tmp_path / "a.yaml"
    a.write_text("x: 1\n", encoding="utf-8")
    before = content_key("data", [a])
    a.write_text("x: 2\n", encoding="utf-8")
    assert content_key("data", [a]) != before
    assert content_key("data", [a], extra="other kinds") != content_key("data", [a])


class _Planted:
    """Unpickling this runs code: it touches a file."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_an_entry_others_may_write_is_rebuilt_not_unpickled(own_cache, tmp_path):
    import os
    import pickle

    from linter.validated_cache import cached

    marker = tmp_path / "ran"
    own_cache.mkdir(parents=True)
    planted = own_cache / "demo-k.pickle"
    planted.write_bytes(pickle.dumps(_Planted(marker)))
    os.chmod(planted, 0o666)  # a shared folder anyone can write into
    assert cached("demo", "k", lambda: "built") == "built"
    assert not marker.exists()
    # Written by resolint itself (0600), the entry is read back.
    assert cached("demo", "k", lambda: "built again") == "built"
