"""The drafts a command's arguments name: files as given, folders walked the way a user expects.

A folder is searched for drafts (.txt, .md, .docx) only, leaving out what is
never a draft: hidden folders, virtual environments, node_modules, caches and
build output, whatever `.gitignore` excludes, and the configuration's
`exclude` patterns, which are read relative to the configuration file that
sets them, whatever the current directory. A file named on the command line
is always checked, whatever its extension.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from linter.config import Config
from linter.errors import InputError
from linter.read.sources import DRAFT_SUFFIXES

# Folders that hold tools and their output, not drafts (a hidden folder is skipped too).
SKIPPED_FOLDERS = frozenset({"venv", "node_modules", "__pycache__", "build", "dist", "site-packages"})


class _Ignores:
    """Gitignore-style pattern sets, each read relative to its own folder; a deeper set overrides a shallower one."""

    def __init__(self, specs: tuple[tuple[Path, object], ...] = ()):
        self.specs = specs  # (folder, pathspec.GitIgnoreSpec)

    def add(self, base: Path, lines: list[str]) -> "_Ignores":
        from pathspec import GitIgnoreSpec  # only when a folder is walked: a hook names its files

        spec = GitIgnoreSpec.from_lines(lines)
        return _Ignores(self.specs + ((base, spec),)) if len(spec) else self

    def ignored(self, path: Path, is_dir: bool) -> bool:
        verdict = False
        for base, spec in self.specs:
            try:
                rel = path.relative_to(base).as_posix()
            except ValueError:
                continue  # patterns of a configuration elsewhere do not reach here
            result = spec.check_file(rel + "/" if is_dir else rel)
            if result.include is not None:
                verdict = result.include
        return verdict


def _gitignore(folder: Path) -> list[str]:
    try:
        return (folder / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def _inherited_gitignores(top: Path) -> _Ignores:
    """The .gitignore files above `top` that apply to it: those of the enclosing git repository's folders."""
    chain = []
    for folder in top.parents:
        chain.append(folder)
        if (folder / ".git").exists():
            break
    else:
        return _Ignores()  # not in a repository: only the .gitignore files in the walked folder count
    ignores = _Ignores()
    for folder in reversed(chain):
        ignores = ignores.add(folder, _gitignore(folder))
    return ignores


def _skipped_folder(name: str) -> bool:
    return name.startswith(".") or name in SKIPPED_FOLDERS or name.endswith(".egg-info")


def walk_drafts(top: Path, config: Config) -> list[str]:
    """The drafts under the folder `top`, as paths that begin with `top` as given, sorted."""
    root = top.resolve()
    base = Path(config.path).resolve().parent if config.path else Path.cwd().resolve()
    excluded = _Ignores().add(base, list(config.exclude))  # the user's say is final: no .gitignore re-includes
    inherited = _inherited_gitignores(root)
    found: list[str] = []
    rules: dict[Path, _Ignores] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        active = rules.pop(here, inherited).add(here, _gitignore(here))

        def skip(path: Path, is_dir: bool) -> bool:
            return excluded.ignored(path, is_dir) or active.ignored(path, is_dir)

        dirnames[:] = sorted(d for d in dirnames if not _skipped_folder(d) and not skip(here / d, True))
        for d in dirnames:
            rules[here / d] = active
        for name in filenames:
            path = here / name
            if Path(name).suffix.lower() in DRAFT_SUFFIXES and not name.startswith((".", "~$")) and not skip(path, False):
                found.append(str(top / path.relative_to(root)))
    return sorted(found)


def expand_paths(paths: list[str], report: Callable[[InputError], None], config: Config) -> list[str]:
    """Files as named, folders as the drafts in them; a path that names nothing is reported."""
    out: list[str] = []
    for path in paths:
        if path == "-":
            out.append(path)
            continue
        p = Path(path)
        if p.is_dir():
            found = walk_drafts(p, config)
            if not found:
                report(InputError(path, f"no drafts in this directory (looked for {', '.join(DRAFT_SUFFIXES)})"))
            out.extend(found)
        elif not p.exists():
            report(InputError(path, "no such file or directory"))
        else:
            out.append(path)
    return out
