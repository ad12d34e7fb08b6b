"""Theme and sentiment tagging of customer remarks with an editable lexicon (词典法), jieba for Chinese.

The method is deliberately transparent, so that a customer manager can read and change it:

1. **Words.** A remark is cut into words: Chinese with jieba (结巴分词; every lexicon term is added
   to jieba's dictionary first, so that it stays one word), English at spaces and punctuation.
   Everything is lower-cased.
2. **Matches.** A lexicon term matches when its words appear together, in order, among the
   remark's words. An English word also matches its plural (``invoice`` matches ``invoices``).
   Every term of the lexicon is tried on every remark (remarks mix languages).
3. **Theme.** Each theme scores the sum of the weights of its matched terms; the highest score
   wins. A tie goes to the theme listed first in :data:`THEMES` (an artefact, reported by
   ``theme_tie``). No match at all gives ``unmatched``.
4. **Sentiment.** Positive terms add their weight, negative terms subtract it; a positive term
   right after a negation (rows of kind ``negation``: 不, 没, not ...) counts as negative. Above 0 is positive, below 0
   negative, 0 neutral.

A Chinese term also counts inside a longer lexicon term that jieba kept whole (没人 inside 没人接).
Rows of kind ``word`` only keep a Chinese word whole (贵公司 "your company" is not 贵 "expensive").

The lexicon is a table (:func:`default_lexicon`, read from ``data/lexicon.csv``); add terms with
:func:`add_terms` or edit the CSV.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from importlib import resources

import pandas as pd

from .. import _validate as v
from .. import i18n

__all__ = [
    "THEMES",
    "SENTIMENTS",
    "default_lexicon",
    "add_terms",
    "words",
    "tag_remarks",
    "tagging_accuracy",
    "confusion",
]

#: Theme keys of ``feedback.csv`` (the human tags), in tie-break order, plus ``unmatched``.
THEMES = i18n.define_names(
    "feedback_theme",
    {
        "delivery": "Delivery and logistics",
        "quality": "Quality of goods",
        "invoicing": "Invoices and statements",
        "ordering": "Ordering",
        "product range": "Product range",
        "price": "Price and terms",
        "service": "Service and support",
        "praise": "General praise",
        "unmatched": "No theme found",
    },
    column="theme",
)
#: Sentiment keys of ``feedback.csv``.
SENTIMENTS = i18n.define_names(
    "sentiment",
    {"negative": "Negative", "neutral": "Neutral", "positive": "Positive"},
    column="sentiment",
)
#: Where a remark of ``feedback.csv`` came from (passive channels of the voice of the customer).
SOURCES = i18n.define_names(
    "feedback_source",
    {
        "ticket": "Service ticket",
        "WeChat": "WeChat message",
        "sales visit": "Sales visit note",
        "survey comment": "Survey comment",
    },
    column="source",
)

LEXICON_COLUMNS = ["kind", "tag", "language", "term", "weight"]
_EN_WORD = re.compile(r"[a-z0-9]+(?:['’\-][a-z0-9]+)*|[^\sa-z0-9]")
_HAS_CJK = re.compile(r"[\u4e00-\u9fff]")


def default_lexicon() -> pd.DataFrame:
    """The course's lexicon: one row per term, with the theme or sentiment it points to.

    Returns
    -------
    DataFrame
        Columns ``kind`` (``theme``, ``sentiment``, or ``word``: a Chinese word jieba must keep whole,
        such as 贵公司, that points to nothing), ``tag`` (a theme key of :data:`THEMES`, a sentiment key
        ``positive``/``negative``, or ``none`` for a word; ``negation``: a word such as 不 or not
        that turns the positive term right after it negative, tag ``none``), ``language`` (``zh``/``en``, for reading only:
        every term is tried on every remark), ``term`` and ``weight`` (default 1).

    Examples
    --------
    >>> lex = default_lexicon()
    >>> list(lex.columns)
    ['kind', 'tag', 'language', 'term', 'weight']
    >>> sorted(lex.loc[lex["kind"] == "theme", "tag"].unique())[:3]
    ['delivery', 'invoicing', 'ordering']
    """
    with resources.files("coursekit.voc").joinpath("data/lexicon.csv").open(encoding="utf-8") as f:
        lexicon = pd.read_csv(f, dtype={"kind": str, "tag": str, "language": str, "term": str, "weight": float})
    return _check_lexicon(lexicon)


def _check_lexicon(lexicon) -> pd.DataFrame:
    v.require_frame(lexicon, "lexicon")
    v.require_columns(lexicon, LEXICON_COLUMNS, "lexicon")
    for col in ("kind", "tag", "term", "weight"):
        v.require_no_missing(lexicon, col, "lexicon")
    bad_kind = sorted(set(lexicon["kind"]) - {"theme", "sentiment", "word", "negation"})
    if bad_kind:
        raise ValueError(f"lexicon column 'kind' must be 'theme', 'sentiment', 'word' or 'negation', found {bad_kind}")
    themes = lexicon.loc[lexicon["kind"] == "theme", "tag"]
    bad = sorted(set(themes) - (set(THEMES) - {"unmatched"}))
    if bad:
        raise ValueError(
            f"lexicon has unknown theme(s) {bad}; known: {', '.join(k for k in THEMES if k != 'unmatched')}"
        )
    bad = sorted(set(lexicon.loc[lexicon["kind"] == "sentiment", "tag"]) - {"positive", "negative"})
    if bad:
        raise ValueError(f"lexicon has unknown sentiment tag(s) {bad}; use 'positive' or 'negative'")
    if (lexicon["term"].astype(str).str.strip() == "").any():
        raise ValueError("lexicon column 'term' has empty terms")
    return lexicon.reset_index(drop=True)


def add_terms(lexicon: pd.DataFrame, tag: str, terms, *, language: str = "zh", weight: float = 1.0) -> pd.DataFrame:
    """A copy of ``lexicon`` with ``terms`` added for ``tag`` (a theme key, or ``positive``/``negative``).

    Parameters
    ----------
    lexicon : DataFrame
        A lexicon such as :func:`default_lexicon`.
    tag : str
        Theme key (``delivery``, ``quality`` ...) or sentiment (``positive``, ``negative``).
    terms : str or list of str
        One term or several. A term already listed for the same tag is not added twice.
    language : str, default "zh"
        Language of the terms (for reading; every term is tried on every remark).
    weight : float, default 1.0
        Weight of each new term.

    Returns
    -------
    DataFrame
        The lexicon with the new rows at the end.

    Examples
    --------
    >>> lex = add_terms(default_lexicon(), "delivery", ["到港", "清关"])
    >>> lex.tail(2)[["kind", "tag", "term"]].values.tolist()
    [['theme', 'delivery', '到港'], ['theme', 'delivery', '清关']]
    """
    lexicon = _check_lexicon(lexicon)
    terms = [terms] if isinstance(terms, str) else list(terms)
    if not terms:
        raise ValueError("terms is empty: give at least one term")
    kind = "sentiment" if tag in ("positive", "negative") else "theme"
    if kind == "theme" and tag not in set(THEMES) - {"unmatched"}:
        raise ValueError(f"unknown tag {tag!r}; use a theme key ({', '.join(THEMES)}) or 'positive'/'negative'")
    known = set(lexicon.loc[(lexicon["kind"] == kind) & (lexicon["tag"] == tag), "term"])
    new = [t for t in dict.fromkeys(terms) if t not in known]
    rows = pd.DataFrame({"kind": kind, "tag": tag, "language": language, "term": new, "weight": float(weight)})
    return pd.concat([lexicon, rows], ignore_index=True) if new else lexicon.copy()


@lru_cache(maxsize=1)
def _base_tokenizer():
    """jieba's default dictionary, loaded once, with its start-up messages silenced."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


@lru_cache(maxsize=8)
def _tokenizer(extra: tuple):
    """A jieba tokenizer that knows the lexicon's Chinese terms (a fresh copy per term set, so that
    the words of one lexicon never change the segmentation of another)."""
    import jieba

    base = _base_tokenizer()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(base.FREQ), base.total, True
    for term in extra:
        tokenizer.add_word(term)
    return tokenizer


def _words(text: str, tokenizer) -> list[str]:
    text = str(text).lower()
    if not _HAS_CJK.search(text):
        return _EN_WORD.findall(text)
    out = []
    for token in tokenizer.lcut(text):
        token = token.strip()
        if not token:
            continue
        out.extend(_EN_WORD.findall(token) if re.fullmatch(r"[a-z0-9'’\-\s]+", token) else [token])
    return out


def words(text: str, lexicon: pd.DataFrame | None = None) -> list[str]:
    """The words of one remark as the tagger sees them: jieba for Chinese, spaces for English.

    Parameters
    ----------
    text : str
        A remark.
    lexicon : DataFrame, optional
        Its Chinese terms are added to jieba's dictionary first (default: :func:`default_lexicon`).

    Returns
    -------
    list of str
        Lower-cased words, punctuation as words of its own, spaces dropped.

    Examples
    --------
    >>> words("发票抬头又开错了")
    ['发票', '抬头', '又', '开错', '了']
    >>> words("Invoices arrive late.")
    ['invoices', 'arrive', 'late', '.']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    lexicon = default_lexicon() if lexicon is None else _check_lexicon(lexicon)
    return _words(text, _tokenizer(_cjk_terms(lexicon)))


def _cjk_terms(lexicon: pd.DataFrame) -> tuple:
    return tuple(sorted({t.lower() for t in lexicon["term"].astype(str) if _HAS_CJK.search(t)}))


def _stems(word: str) -> tuple:
    """The word and, for an English plural, its singular: ``invoices`` also looks up ``invoice``."""
    if not word.isascii() or len(word) < 4:
        return (word,)
    out = [word]
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s"):
        out.append(word[:-1])
    return tuple(out)


class _Matcher:
    """The lexicon, indexed by the first word of each term (fast enough for a few thousand remarks)."""

    def __init__(self, lexicon: pd.DataFrame, tokenizer):
        self.entries = []
        self.first: dict[str, list[int]] = {}
        for kind, tag, term, weight in lexicon[["kind", "tag", "term", "weight"]].itertuples(index=False):
            if kind not in ("theme", "sentiment"):
                continue
            term_words = _words(str(term), tokenizer)
            if not term_words:
                continue
            self.entries.append((kind, tag, str(term), term_words, float(weight)))
            self.first.setdefault(term_words[0], []).append(len(self.entries) - 1)
        # a Chinese term also counts inside a longer lexicon term that jieba keeps whole (没人 in 没人接)
        singles = {e[3][0]: i for i, e in enumerate(self.entries) if len(e[3]) == 1 and _HAS_CJK.search(e[3][0])}
        sentiment_words = {e[3][0] for e in self.entries if e[0] == "sentiment"}
        self.inside = {
            word: [j for sub, j in singles.items() if sub != word and sub in word]
            for word in singles
            if word not in sentiment_words  # 划算 does not count inside 不划算
        }

    def hits(self, seq: list[str]) -> dict[int, list[int]]:
        """Entry number -> start positions of its matches in ``seq``."""
        found: dict[int, list[int]] = {}
        for i, word in enumerate(seq):
            for stem in _stems(word):
                for k in self.first.get(stem, ()):
                    term_words = self.entries[k][3]
                    n = len(term_words)
                    if i + n <= len(seq) and all(term_words[j] in _stems(seq[i + j]) for j in range(1, n)):
                        found.setdefault(k, []).append(i)
            for k in self.inside.get(word, ()):
                found.setdefault(k, []).append(i)
        return {k: sorted(set(v)) for k, v in found.items()}


def tag_remarks(
    remarks: pd.DataFrame,
    lexicon: pd.DataFrame | None = None,
    *,
    text_col: str = "text",
) -> pd.DataFrame:
    """Tag every remark with a theme and a sentiment by the lexicon, showing the words that decided.

    Parameters
    ----------
    remarks : DataFrame
        One row per remark (``feedback``, ``feedback_holdout``).
    lexicon : DataFrame, optional
        Default :func:`default_lexicon`; pass an edited copy (:func:`add_terms`) to try a change.
    text_col : str, default "text"
        Column with the remark.

    Returns
    -------
    DataFrame
        Same index as ``remarks``: ``theme`` (ordered categorical of :data:`THEMES` keys),
        ``theme_score``, ``theme_terms`` (the matched theme terms, ``" | "``-separated),
        ``theme_tie`` (True when two themes shared the top score and the order of
        :data:`THEMES` decided), ``sentiment`` (categorical of :data:`SENTIMENTS` keys),
        ``sentiment_score`` and ``sentiment_terms`` (negated terms shown as ``不+term``).

    Raises
    ------
    TypeError
        Not a DataFrame.
    ValueError
        Empty table, missing column, missing text, or a lexicon with unknown tags.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"text": ["发票抬头又开错了", "Delivery was late again.", "你好"]})
    >>> t = tag_remarks(r)
    >>> t[["theme", "sentiment"]].astype(str).values.tolist()
    [['invoicing', 'negative'], ['delivery', 'negative'], ['unmatched', 'neutral']]
    >>> t.loc[0, "theme_terms"], t.loc[0, "sentiment_terms"]
    ('发票 | 抬头', '开错')
    """
    v.require_frame(remarks, "remarks")
    v.require_columns(remarks, [text_col], "remarks")
    v.require_no_missing(remarks, text_col, "remarks")
    lexicon = default_lexicon() if lexicon is None else _check_lexicon(lexicon)
    tokenizer = _tokenizer(_cjk_terms(lexicon))
    matcher = _Matcher(lexicon, tokenizer)
    negations = set(lexicon.loc[lexicon["kind"] == "negation", "term"].astype(str).str.lower())
    order = list(THEMES)
    rows = []
    for text in remarks[text_col].astype(str):
        seq = _words(text, tokenizer)
        theme_score: dict[str, float] = {}
        theme_terms: dict[str, list[str]] = {}
        sent_score, sent_terms = 0.0, []
        for k, hits in sorted(matcher.hits(seq).items()):
            kind, tag, term, _term_words, weight = matcher.entries[k]
            if kind == "theme":
                theme_score[tag] = theme_score.get(tag, 0.0) + weight
                theme_terms.setdefault(tag, []).append(term)
            elif tag == "negative":
                sent_score -= weight
                sent_terms.append(term)
            else:
                negated = [i for i in hits if i > 0 and seq[i - 1] in negations]
                sent_score += -weight if negated else weight
                sent_terms.append(f"{seq[negated[0] - 1]}+{term}" if negated else term)
        if theme_score:
            top = max(theme_score.values())
            best = [t for t in order if theme_score.get(t) == top]
            theme, tie, terms = best[0], len(best) > 1, theme_terms[best[0]]
        else:
            theme, top, tie, terms = "unmatched", 0.0, False, []
        sentiment = "positive" if sent_score > 0 else ("negative" if sent_score < 0 else "neutral")
        rows.append((theme, top, " | ".join(terms), tie, sentiment, sent_score, " | ".join(sent_terms)))
    out = pd.DataFrame(
        rows,
        index=remarks.index,
        columns=[
            "theme",
            "theme_score",
            "theme_terms",
            "theme_tie",
            "sentiment",
            "sentiment_score",
            "sentiment_terms",
        ],
    )
    out["theme"] = pd.Categorical(out["theme"], categories=list(THEMES), ordered=True)
    out["sentiment"] = pd.Categorical(out["sentiment"], categories=list(SENTIMENTS), ordered=True)
    return out


def _aligned(tagged, truth, columns):
    v.require_frame(tagged, "tagged")
    v.require_frame(truth, "truth")
    v.require_columns(tagged, columns, "tagged")
    v.require_columns(truth, columns, "truth")
    if not tagged.index.equals(truth.index):
        raise ValueError("tagged and truth must have the same index: tag the remarks of truth itself")
    return tagged, truth


def tagging_accuracy(tagged: pd.DataFrame, truth: pd.DataFrame, *, by: str | None = "language") -> pd.DataFrame:
    """Share of remarks where the tagger agrees with the human tag, for theme and sentiment.

    Parameters
    ----------
    tagged : DataFrame
        A :func:`tag_remarks` result.
    truth : DataFrame
        The remarks with the human tags ``theme`` and ``sentiment`` (same index).
    by : str or None, default "language"
        A column of ``truth`` to split by; the first row is always ``all``.

    Returns
    -------
    DataFrame
        Index ``all`` then one row per value of ``by``; columns ``remarks``, ``theme_correct``,
        ``theme_accuracy``, ``sentiment_correct``, ``sentiment_accuracy``, ``both_accuracy``
        (shares from 0 to 1).

    Examples
    --------
    >>> import pandas as pd
    >>> truth = pd.DataFrame({"text": ["发票抬头又开错了", "Delivery was late."], "language": ["zh", "en"],
    ...                       "theme": ["invoicing", "quality"], "sentiment": ["negative", "negative"]})
    >>> acc = tagging_accuracy(tag_remarks(truth), truth)
    >>> acc.loc["all", ["remarks", "theme_correct", "theme_accuracy", "sentiment_accuracy"]].tolist()
    [2.0, 1.0, 0.5, 1.0]
    """
    tagged, truth = _aligned(tagged, truth, ["theme", "sentiment"])
    theme_ok = tagged["theme"].astype(str) == truth["theme"].astype(str)
    sent_ok = tagged["sentiment"].astype(str) == truth["sentiment"].astype(str)
    groups = {"all": pd.Series(True, index=truth.index)}
    if by is not None:
        v.require_columns(truth, [by], "truth")
        for value in sorted(truth[by].dropna().unique()):
            groups[value] = truth[by] == value
    rows = {}
    for name, mask in groups.items():
        n = int(mask.sum())
        rows[name] = {
            "remarks": n,
            "theme_correct": int(theme_ok[mask].sum()),
            "theme_accuracy": float(theme_ok[mask].mean()),
            "sentiment_correct": int(sent_ok[mask].sum()),
            "sentiment_accuracy": float(sent_ok[mask].mean()),
            "both_accuracy": float((theme_ok & sent_ok)[mask].mean()),
        }
    out = pd.DataFrame.from_dict(rows, orient="index")
    out.index.name = "remarks_group"
    return out


def confusion(tagged: pd.DataFrame, truth: pd.DataFrame, *, column: str = "theme", names: bool = False) -> pd.DataFrame:
    """Human tag (rows) against the tagger's tag (columns): where the tagger goes wrong.

    Parameters
    ----------
    tagged : DataFrame
        A :func:`tag_remarks` result.
    truth : DataFrame
        The remarks with the human tags (same index).
    column : {"theme", "sentiment"}, default "theme"
    names : bool, default False
        Label rows and columns with names in the language in use instead of keys (for reading).

    Returns
    -------
    DataFrame
        Counts of remarks; the diagonal holds the agreements. Rows and columns are keys, or
        names with ``names=True``.

    Examples
    --------
    >>> import pandas as pd
    >>> truth = pd.DataFrame({"text": ["发票抬头又开错了", "Delivery was late."],
    ...                       "theme": ["invoicing", "quality"], "sentiment": ["negative", "negative"]})
    >>> c = confusion(tag_remarks(truth), truth)
    >>> int(c.loc["quality", "delivery"]), int(c.loc["invoicing", "invoicing"])
    (1, 1)
    """
    if column not in ("theme", "sentiment"):
        raise ValueError(f"column must be 'theme' or 'sentiment', got {column!r}")
    tagged, truth = _aligned(tagged, truth, [column])
    keys = list(THEMES if column == "theme" else SENTIMENTS)
    human = pd.Categorical(truth[column].astype(str), categories=keys)
    machine = pd.Categorical(tagged[column].astype(str), categories=keys)
    table = pd.crosstab(human, machine, dropna=False)
    table = table.reindex(index=keys, columns=keys, fill_value=0)
    if column == "theme":
        table = table.drop(index="unmatched")
    table.index.name, table.columns.name = "human", "tagger"
    if names:
        kind = "feedback_theme" if column == "theme" else "sentiment"
        table = table.rename(index=i18n.names(kind), columns=i18n.names(kind))
        table.index.name, table.columns.name = i18n._("Human tag"), i18n._("Tagger")
    return table
