"""One house style for every chart of the course, with Chinese labels that render.

Every chart function in ``coursekit`` draws on a matplotlib ``Axes`` and calls
:func:`finish` to set a title and axis labels with units, so no chart leaves
the kit unlabelled.

Importing this module does not import matplotlib (so ``import coursekit`` and the
calculation modules stay light and leave matplotlib's global settings alone):
each function imports it when called. Fonts and style change only when
:func:`find_cjk_font` or :func:`set_style` is called, which
``coursekit.setup_notebook()`` does.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> from coursekit import plots
>>> fig, ax = plots.new_axes()
>>> _ = ax.bar(["A", "B"], [3, 1])
>>> plots.finish(ax, "客户数 Customers", "Class", "Customers (count)")
<Axes: title={'center': '客户数 Customers'}, xlabel='Class', ylabel='Customers (count)'>
"""

from __future__ import annotations

import glob
import warnings

from . import i18n

# Family names of common CJK fonts, best first. Debian's fonts-noto-cjk provides the first.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
    "Arial Unicode MS",
)
# Where Linux distributions and conda put them; added to matplotlib when its font cache predates the install.
CJK_FILE_PATTERNS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK*.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK*.ttc",
    "/usr/share/fonts/truetype/wqy/*.ttc",
    "/usr/share/fonts/**/NotoSansCJK*.ttc",
)

PALETTE = ["#1f5aa6", "#e07b39", "#3a9d5d", "#c23b3b", "#7d5ba6", "#8c6d46", "#d17ab8", "#7f7f7f"]
_state: dict[str, str | None] = {"cjk_font": None}


def _installed_families() -> set[str]:
    from matplotlib import font_manager

    return {f.name for f in font_manager.fontManager.ttflist}


def find_cjk_font(*, warn: bool = True) -> str | None:
    """Find a CJK font, register it with matplotlib and put it in the fallback chain.

    Latin text keeps DejaVu Sans; glyphs it lacks fall back to the CJK font.
    This changes matplotlib's global ``rcParams``; ``coursekit.setup_notebook()``
    calls it, importing ``coursekit`` does not.

    Returns
    -------
    str or None
        The family name in use, or None (with a warning) when no CJK font is installed.

    Examples
    --------
    >>> find_cjk_font() in CJK_FAMILIES
    True
    """
    import matplotlib
    from matplotlib import font_manager

    families = _installed_families()
    chosen = next((f for f in CJK_FAMILIES if f in families), None)
    if chosen is None:
        # The font may have been installed after matplotlib built its cache.
        for pattern in CJK_FILE_PATTERNS:
            for path in sorted(glob.glob(pattern, recursive=True)):
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError):
                    continue
        families = _installed_families()
        chosen = next((f for f in CJK_FAMILIES if f in families), None)
    if chosen is None:
        if warn:
            warnings.warn(
                "No CJK font found: Chinese labels will show as boxes. "
                "Install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) or run 'make lab'.",
                stacklevel=2,
            )
        return None
    _state["cjk_font"] = chosen
    # Glyph fallback works across a list of concrete families, not inside the
    # generic "sans-serif" (which resolves to a single font).
    matplotlib.rcParams["font.family"] = ["DejaVu Sans", chosen]
    sans = [f for f in matplotlib.rcParams["font.sans-serif"] if f not in ("DejaVu Sans", chosen)]
    matplotlib.rcParams["font.sans-serif"] = ["DejaVu Sans", chosen, *sans]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return chosen


def set_style() -> None:
    """Apply the house style (seaborn whitegrid, course palette, readable sizes), keeping the CJK font."""
    import matplotlib
    import seaborn as sns

    sns.set_theme(style="whitegrid", palette=PALETTE, context="notebook")
    matplotlib.rcParams.update(
        {
            "figure.figsize": (8, 4.5),
            "figure.dpi": 90,
            "axes.titlesize": 13,
            "axes.titleweight": "bold",
            "axes.labelsize": 11,
            "legend.frameon": False,
        }
    )
    # seaborn resets the font family; put the CJK fallback back.
    find_cjk_font(warn=False)


def new_axes(figsize=(8, 4.5)):
    """A new figure and axes in the house style.

    Returns
    -------
    (Figure, Axes)
    """
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=figsize)
    return fig, ax


def finish(ax, title: str, xlabel: str, ylabel: str, *, legend: bool | None = None):
    """Set title and axis labels (with units) on ``ax``; refuse to leave a chart unlabelled.

    Parameters
    ----------
    ax : matplotlib Axes
    title, xlabel, ylabel : str
        Non-empty texts; put units in brackets, e.g. ``"Revenue (CNY thousand)"``.
    legend : bool, optional
        Draw the legend (default: when the axes has labelled artists).

    Returns
    -------
    Axes
    """
    for what, text in (("title", title), ("xlabel", xlabel), ("ylabel", ylabel)):
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"chart {what} must be a non-empty text; every course chart is labelled")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    handles, _ = ax.get_legend_handles_labels()
    if legend or (legend is None and handles):
        ax.legend()
    ax.figure.tight_layout()
    return ax


def cjk_font() -> str | None:
    """The CJK family chosen by the last :func:`find_cjk_font` call (None before it, or when there is none)."""
    return _state["cjk_font"]


# --------------------------------------------------------------------------- money and dates for the reader
# Each language has its own money scales: a Chinese reader counts in 万 (10^4) and 亿 (10^8),
# an English reader in thousands, millions and billions. Unit key -> (factor, message, decimals).
_MONEY_UNITS = {
    "yuan": (1.0, lambda value: i18n._("CNY {value}", value=value), 0),
    "thousand": (1e3, lambda value: i18n._("CNY {value} thousand", value=value), 1),
    "million": (1e6, lambda value: i18n._("CNY {value} million", value=value), 2),
    "billion": (1e9, lambda value: i18n._("CNY {value} billion", value=value), 2),
    "wan": (1e4, lambda value: i18n._("CNY {value} ten thousand", value=value), 1),
    "yi": (1e8, lambda value: i18n._("CNY {value} hundred million", value=value), 2),
}
#: The scales of each language, largest first (``unit="auto"`` picks the first one the value reaches).
MONEY_SCALES = {"en": ("billion", "million", "thousand", "yuan"), "zh": ("yi", "wan", "yuan")}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def money_unit(value, unit: str = "auto") -> str:
    """The money unit key for ``value`` in the reader's language: ``"wan"``, ``"million"`` ...

    ``unit="auto"`` picks the largest scale of the language in use (:data:`MONEY_SCALES`) that
    ``|value|`` reaches; any key of the table (``"yuan"``, ``"wan"``, ``"yi"``, ``"thousand"``,
    ``"million"``, ``"billion"``) is returned unchanged.

    Examples
    --------
    >>> money_unit(1234567)
    'million'
    >>> i18n.use("zh"); money_unit(1234567); i18n.use("en")
    'wan'
    """
    if unit != "auto":
        if unit not in _MONEY_UNITS:
            raise ValueError(f"unit must be 'auto' or one of {', '.join(_MONEY_UNITS)}, got {unit!r}")
        return unit
    size = abs(float(value))
    for key in MONEY_SCALES[i18n.get_language()]:
        if size >= _MONEY_UNITS[key][0]:
            return key
    return "yuan"


def format_money(value, *, unit: str = "auto", decimals: int | None = None) -> str:
    """An amount in CNY as a reader writes it: ``"123.5 万元"`` in Chinese, ``"CNY 1.23 million"`` in English.

    Parameters
    ----------
    value : number
        The amount in yuan (CNY).
    unit : str
        ``"auto"`` (the language's largest scale the value reaches: 亿元 / 万元 / 元 in Chinese,
        billion / million / thousand in English) or a fixed unit key (see :func:`money_unit`).
    decimals : int, optional
        Digits after the point; by default 2 for 亿 / million / billion, 1 for 万 / thousand, 0 for yuan.

    Examples
    --------
    >>> format_money(1234567)
    'CNY 1.23 million'
    >>> i18n.use("zh"); format_money(1234567); format_money(250_000_000); format_money(860); i18n.use("en")
    '123.5 万元'
    '2.50 亿元'
    '860 元'
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)) and not hasattr(value, "__float__"):
        raise TypeError(f"format_money needs a number, got {type(value).__name__}")
    key = money_unit(value, unit)
    factor, text, default = _MONEY_UNITS[key]
    digits = default if decimals is None else int(decimals)
    return text(f"{float(value) / factor:,.{digits}f}")


def money_formatter(unit: str = "auto", *, decimals: int | None = None):
    """A matplotlib tick formatter that labels money in the reader's units: ``150 万元``, ``CNY 1.5 million``.

    With ``unit="auto"`` the whole axis uses one unit, chosen from the largest tick, so that a
    Chinese axis reads 0 万元 … 150 万元 (or 亿元) and an English one CNY 0 million … CNY 1.5 million.
    Ticks show as many decimals as they need (``decimals`` fixes them). Attach it with
    ``ax.yaxis.set_major_formatter(plots.money_formatter())``. The lesson code is the same in both
    editions: the language of ``coursekit.use`` picks the units when the chart is drawn.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> fig, ax = new_axes()
    >>> _ = ax.bar(["A", "B"], [1_500_000, 600_000])
    >>> ax.yaxis.set_major_formatter(money_formatter())
    >>> fmt = ax.yaxis.get_major_formatter()
    >>> fmt.format_ticks([0, 500_000, 1_000_000, 1_500_000])
    ['CNY 0.0 million', 'CNY 0.5 million', 'CNY 1.0 million', 'CNY 1.5 million']
    """
    from matplotlib.ticker import Formatter

    money_unit(0, unit)  # validate early

    class MoneyFormatter(Formatter):
        def __init__(self):
            self._ticks = []

        def set_locs(self, locs):
            self._ticks = list(locs)

        def _unit(self):
            sizes = [abs(float(x)) for x in self._ticks] or [0.0]
            return money_unit(max(sizes), unit)

        def _decimals(self, key):
            if decimals is not None:
                return int(decimals)
            factor = _MONEY_UNITS[key][0]
            for digits in range(4):
                if all(
                    abs(round(x / factor, digits) - x / factor) < 1e-9 * max(1.0, abs(x / factor)) for x in self._ticks
                ):
                    return digits
            return 3

        def __call__(self, x, pos=None):
            key = self._unit() if self._ticks else money_unit(x, unit)
            return format_money(x, unit=key, decimals=self._decimals(key) if self._ticks else decimals)

    return MoneyFormatter()


def format_date(date) -> str:
    """A date in prose: ``"2025年12月31日"`` in Chinese, ``"31 Dec 2025"`` in English.

    Examples
    --------
    >>> format_date("2025-12-31")
    '31 Dec 2025'
    >>> i18n.use("zh"); format_date("2025-12-31"); i18n.use("en")
    '2025年12月31日'
    """
    import pandas as pd

    try:
        stamp = pd.Timestamp(date)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"format_date needs a date such as '2025-12-31', got {date!r}") from exc
    if pd.isna(stamp):
        raise ValueError("format_date needs a date, got a missing value (NaT)")
    return i18n._(
        "{day} {month} {year}", day=stamp.day, month=_MONTHS[stamp.month - 1], month_number=stamp.month, year=stamp.year
    )
