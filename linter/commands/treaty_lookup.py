"""The `resolint treaties` and `resolint footnote` commands: list the treaty registry, print a treaty's footnote."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from linter.config import find_config, load_config
from linter.errors import InputError
from linter.registries.treaties import CitedForm, Registry, Treaty, load_registry

_YEAR_PREFIX = re.compile(r"^(\d{4})\s?年\s?")


def _registry(args) -> Registry:
    """Built-in registry plus the `treaties` files of the configuration the other commands would use."""
    if args.no_config:
        return load_registry()
    path = Path(args.config) if args.config else find_config(Path.cwd())
    return load_registry(load_config(path).treaties)


def _registry_or_report(args) -> Registry | None:
    try:
        return _registry(args)
    except InputError as exc:
        print(f"resolint: {exc}", file=sys.stderr)
        return None


def _numbers_text(numbers: tuple[int, ...]) -> str:
    """39574; 970-973 for a run; 17512 和 17513 otherwise."""
    if len(numbers) > 2 and list(numbers) == list(range(numbers[0], numbers[0] + len(numbers))):
        return f"{numbers[0]}-{numbers[-1]}"
    return _list_text(numbers)


def _list_text(values: tuple[int, ...]) -> str:
    """2225; 2225 和 2237; 2225、2237 和 2241 — the enumeration of CONVENTIONS §4."""
    items = [str(v) for v in values]
    return items[0] if len(items) == 1 else "、".join(items[:-1]) + " 和 " + items[-1]


def canonical_footnote(treaty: Treaty, spaced: bool = True, forms: tuple[CitedForm, ...] = ()) -> str:
    """The footnote body citing `treaty`: 联合国，《条约汇编》，第 2225 卷，第 39574 号。

    Without UNTS data, the first registry form (cited_as, also_cited_as, then
    the annex of the adopting resolution as a General Assembly text writes
    it); an empty string when the registry knows none.
    """
    if treaty.volumes:
        text = f"联合国，《条约汇编》，第 {_list_text(treaty.volumes)} 卷，第 {_numbers_text(treaty.numbers)} 号。"
    else:
        seen = [f for f in forms if not f.derived] or [f for f in forms if f.by != "other-organs"]
        text = (treaty.cited_as or (seen[0].text if seen else "")).rstrip("。")
        text = text + "。" if text else ""
    if not spaced:
        text = text.replace(" ", "")
    return text


def find_treaty(registry: Registry, query: str) -> tuple[Treaty, ...]:
    """Treaties a user's query names: an id (any case), a full, variant or short title (with or without 《》
    and year), the English title or short title, or a title clipped at its start (打击跨国有组织犯罪公约:
    the convention whose title ends so, not the protocols whose titles go on past it)."""
    query = query.strip()
    by_id = registry.get(query) or registry.get(query.lower())
    if by_id:
        return (by_id,)
    year_match = _YEAR_PREFIX.match(query)
    year = int(year_match.group(1)) if year_match else None
    title = query[year_match.end():] if year_match else query
    found = registry.by_title(title.strip("《》"), year) or registry.by_full_title(query)
    if found:
        return found
    english = query.casefold()
    found = tuple(t for t in registry.treaties if english in (t.title_en.casefold(), t.short_title_en.casefold()))
    return found or registry.by_clipped_title(title.strip("《》"))


def cmd_treaties(args) -> int:
    if (registry := _registry_or_report(args)) is None:
        return 2
    rows = registry.search(args.query) if args.query else registry.treaties
    if args.format == "json":
        print(json.dumps([
            {"id": t.id, "title_zh": t.title_zh, "title_en": t.title_en, "volumes": list(t.volumes),
             "numbers": list(t.numbers), "cited_as": t.cited_as, "status": "verified" if t.verified else "unverified"}
            for t in rows
        ], ensure_ascii=False, indent=2))
    else:
        print(f"{'ID':<28} {'VOLUMES':<22} {'NUMBER':<14} {'STATUS':<10} TITLE")
        for t in rows:
            volumes = "、".join(map(str, t.volumes)) or "-"
            number = _numbers_text(t.numbers) if t.numbers else (t.cited_as or "-")
            print(f"{t.id:<28} {volumes:<22} {number:<14} {'verified' if t.verified else 'unverified':<10} {t.display_title}")
    return 0 if rows else 1


def cmd_footnote(args) -> int:
    if (registry := _registry_or_report(args)) is None:
        return 2
    # An exact title or id first; else any entry whose id or title contains the query.
    found = find_treaty(registry, args.query) or tuple(registry.search(args.query))
    if len(found) != 1:
        reason = "no treaty with this title or id" if not found else (
            f"{len(found)} treaties match: " + ", ".join(t.id for t in found[:8]) + (", ..." if len(found) > 8 else "")
            + "; give the id or the full title")
        print(f"resolint: {args.query}: {reason} (see 'resolint treaties')", file=sys.stderr)
        return 2
    treaty = found[0]
    footnote = canonical_footnote(treaty, spaced=not args.unspaced, forms=registry.cited_forms(treaty))
    if not footnote:
        reason = "UN texts name it without a footnote" if not treaty.footnoted else (
            "the registry has neither UNTS data nor a cited form for it")
        print(f"resolint: {args.query}: {treaty.id}: {reason} (see 'resolint treaties')", file=sys.stderr)
        return 1
    print(footnote)
    print(treaty.title_en)
    if not treaty.verified:
        what = "the volume and number against the UNTS" if treaty.volumes else "the citation against the adopting text"
        print(f"note: this registry row is unverified; check {what}", file=sys.stderr)
    return 0


def add_parsers(sub) -> None:
    """Add `treaties` and `footnote` to the command line's subparsers."""
    def registry_options(p):
        p.add_argument("--config", help="configuration file whose `treaties` setting adds registries")
        p.add_argument("--no-config", action="store_true", help="the built-in registry only")

    treaties = sub.add_parser("treaties", help="list the treaty registry (id, volumes, number, status, title)")
    treaties.add_argument("query", nargs="?", help="only entries whose id or title contains this")
    treaties.add_argument("--format", choices=["text", "json"], default="text")
    registry_options(treaties)
    treaties.set_defaults(func=cmd_treaties)

    footnote = sub.add_parser("footnote", help="print the footnote citing a treaty, and its English title")
    footnote.add_argument("query", help="full or short Chinese title (with or without 《》), or registry id")
    footnote.add_argument("--unspaced", action="store_true", help="no spaces between digits and Chinese (COP style)")
    registry_options(footnote)
    footnote.set_defaults(func=cmd_footnote)
