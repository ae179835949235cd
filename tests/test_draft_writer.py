"""A user's file is sacred: `fix` writes it back as it came (bytes, endings, mode, owner), follows
symbolic links, refuses read-only files, and never overwrites or recreates what changed since it was read."""

from __future__ import annotations

import codecs
import os
import stat

import pytest

import linter.commands.cli as cli
from linter.commands.cli import main
from linter.draft_writer import ChangedOnDisk, write_draft
from linter.errors import InputError
from linter.read.line_endings import find_endings, restore
from linter.read.sources import read_path

# One fix (the half-width comma, RP501), on line 3.
DRAFT = ["大会，", "", "回顾其决议,并注意到报告，", "", "1. 请秘书长提交报告。", ""]
FIXED = [line.replace(",", "，") for line in DRAFT]


def fix_file(capsys, *args):
    code = main(["fix", "--no-config", "--select", "RP501", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def meanwhile(monkeypatch, happen) -> None:
    """`happen()` runs after `fix` has computed its fixes and before they are written (another user's edit)."""
    real_fix = cli.fix

    def fix_then(source, rules, **kwargs):
        result = real_fix(source, rules, **kwargs)
        happen()
        return result

    monkeypatch.setattr(cli, "fix", fix_then)


def test_fix_keeps_mode_owner_and_group(capsys, tmp_path):
    draft = tmp_path / "r.txt"
    draft.write_text("\n".join(DRAFT), encoding="utf-8")
    draft.chmod(0o640)
    if os.geteuid() == 0:  # only root can give the file to someone else for the test
        os.chown(draft, 65534, 65534)
    before = draft.stat()
    code, _, err = fix_file(capsys, draft)
    after = draft.stat()
    assert code == 0 and "1 fix applied" in err
    assert draft.read_text(encoding="utf-8") == "\n".join(FIXED)
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)


def test_fix_refuses_a_read_only_file_with_one_line(capsys, tmp_path):
    draft = tmp_path / "r.txt"
    draft.write_text("\n".join(DRAFT), encoding="utf-8")
    draft.chmod(0o444)
    code, _, err = fix_file(capsys, draft)
    assert code == 2
    assert err.strip() == f"resolint: {draft}: not fixed: the file is read-only; not overwritten"
    assert draft.read_text(encoding="utf-8") == "\n".join(DRAFT)
    assert stat.S_IMODE(draft.stat().st_mode) == 0o444


def test_fix_through_a_symbolic_link_fixes_the_file_it_points_to(capsys, tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("\n".join(DRAFT), encoding="utf-8")
    alias = tmp_path / "alias.txt"
    alias.symlink_to(real.name)
    assert fix_file(capsys, alias)[0] == 0
    assert alias.is_symlink() and os.readlink(alias) == real.name
    assert real.read_text(encoding="utf-8") == "\n".join(FIXED)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alias.txt", "real.txt"]


@pytest.mark.parametrize("ending", ["\r\n", "\n", "\r"], ids=["crlf", "lf", "cr"])
def test_fix_keeps_the_line_endings(capsys, tmp_path, ending):
    draft = tmp_path / "r.txt"
    draft.write_bytes(ending.join(DRAFT).encode())
    assert fix_file(capsys, draft)[0] == 0
    assert draft.read_bytes() == ending.join(FIXED).encode()


def test_fix_keeps_a_mix_of_line_endings_line_by_line(capsys, tmp_path):
    endings = ["\r\n", "\n", "\r\n", "\r", "\n"]
    draft = tmp_path / "r.txt"
    draft.write_bytes("".join(line + end for line, end in zip(DRAFT, endings)).encode() + DRAFT[-1].encode())
    assert fix_file(capsys, draft)[0] == 0
    assert draft.read_bytes() == "".join(line + end for line, end in zip(FIXED, endings)).encode() + FIXED[-1].encode()


def test_fix_diff_shows_the_lines_as_they_are_in_the_file(capsys, tmp_path):
    draft = tmp_path / "r.txt"
    draft.write_bytes("\r\n".join(DRAFT).encode())
    code, out, _ = fix_file(capsys, "--diff", draft)
    assert code == 0
    assert f"-{DRAFT[2]}\r\n" in out and f"+{FIXED[2]}\r\n" in out
    assert draft.read_bytes() == "\r\n".join(DRAFT).encode()


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""),
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b""),
])
def test_fix_keeps_encoding_and_byte_order_mark(capsys, tmp_path, encoding, bom):
    draft = tmp_path / "r.txt"
    draft.write_bytes(bom + "\r\n".join(DRAFT).encode(encoding))
    assert fix_file(capsys, draft)[0] == 0
    assert draft.read_bytes() == bom + "\r\n".join(FIXED).encode(encoding)


def test_a_file_changed_while_fix_runs_is_not_overwritten(capsys, tmp_path, monkeypatch):
    draft = tmp_path / "r.txt"
    draft.write_text("\n".join(DRAFT), encoding="utf-8")
    # Same moment, other editor.
    meanwhile(monkeypatch, lambda: draft.write_text("someone else's edit\n", encoding="utf-8"))
    code, _, err = fix_file(capsys, draft)
    assert code == 2
    assert err.strip() == f"resolint: {draft}: not fixed: the file changed on disk since it was read; nothing written"
    assert draft.read_text(encoding="utf-8") == "someone else's edit\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.txt"]


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(tmp_path):
    draft = tmp_path / "r.txt"
    draft.write_text("\n".join(DRAFT), encoding="utf-8")
    source = read_path(str(draft))
    st = draft.stat()
    draft.write_text("\n".join(DRAFT).replace("大会", "理事"), encoding="utf-8")  # same length in bytes
    os.utime(draft, ns=(st.st_atime_ns, st.st_mtime_ns))
    with pytest.raises(ChangedOnDisk):
        write_draft(source, "\n".join(FIXED))
    assert "理事" in draft.read_text(encoding="utf-8")
    write_draft(source, "\n".join(FIXED), overwrite=True)  # the user chose to overwrite
    assert draft.read_text(encoding="utf-8") == "\n".join(FIXED)


def test_a_file_deleted_while_fix_runs_is_not_recreated(capsys, tmp_path, monkeypatch):
    draft = tmp_path / "r.txt"
    draft.write_text("\n".join(DRAFT), encoding="utf-8")
    meanwhile(monkeypatch, draft.unlink)
    code, _, err = fix_file(capsys, draft)
    assert code == 2 and "was deleted since it was read; not recreated" in err
    assert list(tmp_path.iterdir()) == []


def test_a_deleted_file_is_not_recreated_even_when_overwriting(tmp_path):
    draft = tmp_path / "r.txt"
    draft.write_text("\n".join(DRAFT), encoding="utf-8")
    source = read_path(str(draft))
    draft.unlink()
    with pytest.raises(ChangedOnDisk) as caught:
        write_draft(source, "\n".join(FIXED), overwrite=True)
    assert caught.value.deleted and not draft.exists()


def test_text_not_read_from_a_file_is_not_written(tmp_path):
    source = read_path(str(_write(tmp_path, "\n".join(DRAFT))))
    from dataclasses import replace

    with pytest.raises(InputError, match="not read from a file"):
        write_draft(replace(source, stamp=None), "x")


def _write(tmp_path, text):
    path = tmp_path / "d.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_restoring_mixed_endings_after_lines_are_inserted_and_removed():
    raw = "a\r\nb\nc\rd"
    endings = find_endings(raw)
    assert endings == ("\r\n", "\n", "\r")
    read = "a\nb\nc\nd"
    assert restore(read, endings, read) == raw
    # A line inserted after b takes b's ending; the others keep their own.
    assert restore("a\nb\nnew\nc\nd", endings, read) == "a\r\nb\nnew\nc\rd"
    # b removed: a and c keep theirs.
    assert restore("a\nc\nd", endings, read) == "a\r\nc\rd"
    assert find_endings("no newline") == "\n" and find_endings("x\r\ny\r\n") == "\r\n"
