"""pkuseg's segmentation computed from the model in memory-mapped form: no spaCy, no 69 MB feature dict to unpack.

`make install` writes the mapped form beside pkuseg's own files (see FILES and
model_install.build_mapped_form): the feature index, pkuseg's two word lists
(string_table), the CRF weights as raw doubles, and mapped.json (sizes, tags,
the feature extractor's settings). Opening it costs milliseconds; a lookup
touches a few pages, so memory grows with the text segmented, not the model.

Every step mirrors what spaCy's zh tokenizer does with spacy-pkuseg (MIT):
spacy_pkuseg/__init__.py (pkuseg.cut and _cut; the dictionaries around the
model are in pkuseg_words), feature_extractor.pyx (__get_node_features_idx), inference.pyx (getLogYY,
run_viterbi) and spacy/util.py (get_words_and_spaces): the same features in
the same order, the same floating-point sums, the same tie-breaking. So the
words are the same; tests/test_segmentation_forms.py compares both on the
seeds and the unpc-dev lines.
"""

from __future__ import annotations

import json
import os
import struct
import sys
from pathlib import Path
from typing import Iterable, Iterator

from linter.analyses.pkuseg_words import UserDictionary, get_words_and_spaces, post_process
from linter.analyses.string_table import StringTable, TableError

FORMAT = 3
META = "mapped.json"
FILES = (META, "features.table", "unigram.table", "postwords.table", "weights.f64")
SOURCES = ("features.msgpack", "weights.npz")  # what the mapped form was made from (size and mtime recorded)
NO_WORD = "**noWord"
_MEMO_LIMIT = 300_000  # lookups remembered per table before the memo starts over


class MappedFormError(ValueError):
    """The mapped form is missing, stale or damaged."""


def source_stamp(model: Path) -> list[list[int]]:
    """Size and modification time of the files the mapped form was made from: a reinstalled model changes them."""
    return [[(st := os.stat(model / name)).st_size, st.st_mtime_ns] for name in SOURCES]


def mapped_form_present(model: Path) -> bool:
    """Whether `model` has a mapped form made from its current files (and this machine can read it)."""
    if sys.byteorder != "little":
        return False
    try:
        meta = json.loads((model / META).read_text(encoding="utf-8"))
        return meta.get("format") == FORMAT and meta.get("sources") == source_stamp(model) and all(
            (model / name).is_file() for name in FILES)
    except (OSError, ValueError):
        return False


class MappedPkuseg:
    """Segments like spaCy's zh tokenizer with pkuseg and `user_words` as its user dictionary."""

    def __init__(self, model: Path, user_words: Iterable[str]):
        if not mapped_form_present(model):
            raise MappedFormError(f"{model}: no current mapped form")
        meta = json.loads((model / META).read_text(encoding="utf-8"))
        try:
            self.features = StringTable(model / "features.table")
            self.unigram = StringTable(model / "unigram.table")
            self.postwords = StringTable(model / "postwords.table")
        except TableError as exc:
            raise MappedFormError(str(exc)) from None
        self.n_tag = meta["n_tag"]
        self.n_feature = meta["n_feature"]
        # The weights are read where needed (positioned reads, remembered per feature), never mapped or loaded
        # whole: a mapping would bring 64 KB of the file into the process for every weight touched.
        self._weights_fd = os.open(model / "weights.f64", os.O_RDONLY)
        if os.fstat(self._weights_fd).st_size != 8 * self.n_tag * (self.n_feature + self.n_tag):
            raise MappedFormError(f"{model}: weights.f64 does not match the model's sizes")
        self._row = struct.Struct(f"<{self.n_tag}d")
        self.word_max, self.word_min = meta["word_max"], meta["word_min"]
        self.word_feature, self.num_letter_norm = meta["word_feature"], meta["num_letter_norm"]
        self._rename = str.maketrans(meta["keywords"], meta["keyword_replacement"])
        self._num, self._letter = set(meta["num"]), set(meta["letter"])
        idx_to_tag = {idx: tag for tag, idx in meta["tag_to_idx"].items()}
        self._starts_word = [("B" in idx_to_tag[t]) for t in range(self.n_tag)]
        # getLogYY: edge_score starts at ones, then edge_score[s_pre, s] += w[backoff + s * n_tag + s_pre] * 1.0.
        t = self.n_tag
        edges = [self._weights(self.n_feature + s) for s in range(t)]  # w[backoff + s * t : backoff + s * t + t]
        self._edge = [[1.0 + edges[s][s_pre] for s in range(t)] for s_pre in range(t)]
        self._start_feature = self._weights(0)  # "$$", which every node has (pkuseg appends index 0 itself)
        self.user_dictionary = UserDictionary()
        for word in user_words:  # ChineseTokenizer.pkuseg_update_user_dict
            self.user_dictionary.insert(word.strip(), "")
        self._feature_weights: dict[str, tuple[float, ...] | None] = {}
        self._in_unigram: dict[str, bool] = {}
        self._in_postwords: dict[str, bool] = {}

    # --- spaCy's side -----------------------------------------------------------------------------

    def pipe(self, texts: Iterable[str]) -> Iterator[tuple[str, ...]]:
        for text in texts:
            yield self.tokens(text)

    def tokens(self, text: str) -> tuple[str, ...]:
        """The tokens' text_with_ws of spaCy's Doc for `text`."""
        words, spaces = get_words_and_spaces(self.cut(text), text)
        return tuple(w + " " if space else w for w, space in zip(words, spaces))

    def __del__(self, _close=os.close) -> None:
        fd = getattr(self, "_weights_fd", None)
        if fd is not None:
            _close(fd)

    def _weights(self, feature: int) -> tuple[float, ...]:
        """w[feature * n_tag : feature * n_tag + n_tag]."""
        return self._row.unpack(os.pread(self._weights_fd, self._row.size, feature * self._row.size))

    def in_vocabulary(self, word: str) -> bool:
        """Whether pkuseg was trained on `word` (its unigram list)."""
        return self._unigram(word)

    # --- spacy_pkuseg.pkuseg ------------------------------------------------------------------------

    def cut(self, txt: str) -> list[str]:
        txt = txt.strip()
        ret: list[str] = []
        if not txt:
            return ret
        for w0 in txt.split():
            if not w0:
                continue
            for w, isw in zip(*self.user_dictionary.solve(w0)):
                if isw:
                    ret.append(w)
                    continue
                ret.extend(post_process(self._cut(w), self._postword))
        return ret

    def _cut(self, text: str) -> list[str]:
        nodes = self._normalize(text)
        length = len(nodes)
        t = self.n_tag
        windows = self._windows(nodes, length)
        scores = []
        # getLogYY: node_score[i, s] += w[f * n_tag + s] * 1.0 over the node's features f in order (x * 1.0 is x).
        for idx in range(length):
            features = self._node_features(idx, nodes, length, windows)
            if t == 5:  # pkuseg's five tags, unrolled: each sum still runs over the features in the same order
                s0 = s1 = s2 = s3 = s4 = 0.0
                for row in features:
                    s0 += row[0]
                    s1 += row[1]
                    s2 += row[2]
                    s3 += row[3]
                    s4 += row[4]
                scores.append([s0, s1, s2, s3, s4])
                continue
            score = [0.0] * t
            for row in features:
                for s in range(t):
                    score[s] += row[s]
            scores.append(score)
        tags = self._viterbi(scores)
        words: list[str] = []
        current = ""
        is_start = True
        for tag, char in zip(tags, text):
            if is_start:
                current = char
                is_start = False
            elif self._starts_word[tag]:
                words.append(current)
                current = char
            else:
                current += char
        if current:
            words.append(current)
        return words

    def _normalize(self, text: str) -> list[str]:
        """FeatureExtractor.normalize_text."""
        text = text.translate(self._rename)
        if not self.num_letter_norm:
            return list(text)
        num, letter = self._num, self._letter
        return ["**Num" if ch in num else "**Letter" if ch in letter else ch for ch in text]

    # --- feature_extractor.pyx ----------------------------------------------------------------------

    def _postword(self, word: str) -> bool:
        return _member(self._in_postwords, word, self.postwords)

    def _unigram(self, word: str) -> bool:
        return _member(self._in_unigram, word, self.unigram)

    def _windows(self, nodes: list[str], all_len: int) -> dict[int, list[tuple[str, bool]]]:
        """For every word length n (word_max down to word_min), get_slice_str(nodes, start, n, all_len) for
        start from -word_max to all_len, with whether pkuseg knows it as a word: windows[n][start + word_max]."""
        known, offset = self._unigram, self.word_max
        windows = {}
        for n in range(self.word_max, self.word_min - 1, -1):
            row = []
            for start in range(-offset, all_len + 1):
                if start < 0 or start >= all_len or start + n >= all_len + 1:
                    tmp = ""
                else:
                    tmp = "".join(nodes[start : start + n])
                row.append((tmp, known(tmp)))
            windows[n] = row
        return windows

    def _node_features(self, i: int, nodes: list[str], length: int, windows: dict) -> list[tuple[float, ...]]:
        """__get_node_features_idx: node i's features, in the order pkuseg appends them; each as its weights."""
        c = nodes[i]
        keys = ["c." + c]
        if i > 0:
            prev_c = nodes[i - 1]
            keys += ("c-1." + prev_c, "c-1c." + prev_c + "." + c)
        if i + 1 < length:
            next_c = nodes[i + 1]
            keys += ("c1." + next_c, "cc1." + c + "." + next_c)
        if i > 1:
            prepre_char = nodes[i - 2]
            keys += ("c-2." + prepre_char, "c-2c-1." + prepre_char + "." + nodes[i - 1])
        if i + 2 < length:
            keys.append("c2." + nodes[i + 2])
        if self.word_feature:
            at = i + self.word_max
            ending = [windows[n][at - n + 1] for n in windows]  # prefix including the character
            starting = [windows[n][at] for n in windows]  # suffix from the character
            keys += ["w-1." + tmp for tmp, known in ending if known]
            keys += ["w1." + tmp for tmp, known in starting if known]
            prelst_in = [tmp if known else NO_WORD for tmp, known in ending]
            postlst_in = [tmp if known else NO_WORD for tmp, known in starting]
            prelst_ex = [tmp if known else NO_WORD for tmp, known in (windows[n][at - n] for n in windows)]
            postlst_ex = [tmp if known else NO_WORD for tmp, known in (windows[n][at + 1] for n in windows)]
            keys += ["ww.l." + pre + "*" + post for pre in prelst_ex for post in postlst_in]
            keys += ["ww.r." + pre + "*" + post for pre in prelst_in for post in postlst_ex]
        flist = [self._start_feature]
        memo = self._feature_weights
        for key in keys:
            if key in memo:
                row = memo[key]
            else:
                if len(memo) > _MEMO_LIMIT:
                    memo.clear()
                index = self.features.get(key, -1)
                row = memo[key] = self._weights(index) if index >= 0 else None
            if row is not None:
                flist.append(row)
        return flist

    # --- inference.pyx ------------------------------------------------------------------------------

    def _viterbi(self, node_score: list[list[float]]) -> list[int]:
        """run_viterbi: the best tag of every node, ties going to the later previous tag as pkuseg's `>=` does."""
        w, h = len(node_score), self.n_tag
        edge = self._edge  # edge[y][y_pre] is edge_score[y, y_pre]
        max_score = [[0.0] * h for _ in range(w)]
        pre_tag = [[0] * h for _ in range(w)]
        max_score[w - 1] = list(node_score[w - 1])
        for i in range(w - 2, -1, -1):
            after, here, best_row, pre_row = max_score[i + 1], node_score[i], max_score[i], pre_tag[i]
            for y in range(h):
                edge_y = edge[y]
                best = after[0] + here[y] + edge_y[0]
                best_pre = 0
                for y_pre in range(1, h):
                    sc = after[y_pre] + here[y] + edge_y[y_pre]
                    if sc >= best:
                        best, best_pre = sc, y_pre
                best_row[y], pre_row[y] = best, best_pre
        ma, tag = max_score[0][0], 0
        for y in range(1, h):
            if ma < max_score[0][y]:
                ma, tag = max_score[0][y], y
        states = [tag]
        for i in range(1, w):
            tag = pre_tag[i - 1][tag]
            states.append(tag)
        return states


def _member(memo: dict[str, bool], word: str, table) -> bool:
    """`word in table` (a look-up in the mapped string table), remembered in `memo`, which is emptied when full."""
    found = memo.get(word)
    if found is None:
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        found = memo[word] = word in table
    return found
