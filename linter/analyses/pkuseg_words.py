"""pkuseg's dictionaries, as spacy-pkuseg (MIT) applies them around its model, and spaCy's alignment of words to text.

Mirrors spacy_pkuseg/__init__.py (Preprocesser: user-dictionary words cut
out first, longest match; Postprocesser: neighbouring words merged into a
word of pkuseg's default dictionary) and spacy/util.py (get_words_and_spaces),
for pkuseg_mapped.
"""

from __future__ import annotations

from typing import Callable


class _TrieNode:
    """spacy_pkuseg.TrieNode."""

    __slots__ = ("isword", "usertag", "children")

    def __init__(self, isword: bool):
        self.isword = isword
        self.usertag = ""
        self.children: dict[str, _TrieNode] = {}


class UserDictionary:
    """Preprocesser: a trie of the user's words."""

    def __init__(self) -> None:
        self.trie = _TrieNode(False)

    def insert(self, word: str, usertag: str) -> None:
        now = self.trie
        for c in word:
            if c not in now.children:
                now.children[c] = _TrieNode(False)
            now = now.children[c]
        now.isword = True
        now.usertag = usertag

    def solve(self, txt: str) -> tuple[list[str], list[bool]]:
        """Preprocesser.solve: the pieces of `txt`, and whether each is a user-dictionary word (longest match)."""
        outlst: list[str] = []
        iswlst: list[bool] = []
        length = len(txt)
        last = 0
        i = 0
        while i < length:
            now = self.trie
            j = i
            found = False
            last_word_idx = -1
            while True:
                c = txt[j]
                if c not in now.children and last_word_idx != -1:
                    found = True
                    break
                if c not in now.children and last_word_idx == -1:
                    break
                now = now.children[c]
                if now.isword:
                    last_word_idx = j
                j += 1
                if j == length and last_word_idx == -1:
                    break
                if j == length and last_word_idx != -1:
                    j = last_word_idx + 1
                    found = True
                    break
            if found:
                if last != i:
                    outlst.append(txt[last:i])
                    iswlst.append(False)
                outlst.append(txt[i:j])
                iswlst.append(True)
                last = j
                i = j
            else:
                i += 1
        if last < length:
            outlst.append(txt[last:length])
            iswlst.append(False)
        return outlst, iswlst


def post_process(sent: list[str], known: Callable[[str], bool]) -> list[str]:
    """Postprocesser.post_process with check_seperated, no common words, and `known` telling the other words
    (pkuseg's default dictionary): a run of 2 to 7 words that makes a known word is merged, unless each is known."""
    for m in reversed(range(2, 8)):
        end = len(sent) - m
        if end < 0:
            continue
        i = 0
        while i < end + 1:
            merged_words = "".join(sent[i : i + m])
            if known(merged_words):
                do_seg = not all(known(w) for w in sent[i : i + m])
            else:
                do_seg = False
            if do_seg:
                for _ in range(m):
                    del sent[i]
                sent.insert(i, merged_words)
                i += 1
                end = len(sent) - m
            else:
                i += 1
    return sent


def get_words_and_spaces(words: list[str], text: str) -> tuple[list[str], list[bool]]:
    """spacy.util.get_words_and_spaces: the words aligned with `text`, whitespace between them kept."""
    if "".join("".join(words).split()) != "".join(text.split()):
        raise ValueError(f"words do not match the text: {text!r}")
    text_words: list[str] = []
    text_spaces: list[bool] = []
    text_pos = 0
    for word in (w for w in words if not w.isspace()):
        try:
            word_start = text[text_pos:].index(word)
        except ValueError:
            raise ValueError(f"words do not match the text: {text!r}") from None
        if word_start > 0:
            text_words.append(text[text_pos : text_pos + word_start])
            text_spaces.append(False)
            text_pos += word_start
        text_words.append(word)
        text_spaces.append(False)
        text_pos += len(word)
        if text_pos < len(text) and text[text_pos] == " ":
            text_spaces[-1] = True
            text_pos += 1
    if text_pos < len(text):
        text_words.append(text[text_pos:])
        text_spaces.append(False)
    return text_words, text_spaces
