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
