"""The frame of the HTML pages exobone writes (the report, `map --out x.html`): one
stylesheet inline, nothing fetched, so a page opens offline and looks the same everywhere."""

from __future__ import annotations

import html

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1200px;
color:#1d2329;line-height:1.45;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:2px solid #d5dde5;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.85rem}
th,td{border:1px solid #d5dde5;padding:.25rem .45rem;vertical-align:top;text-align:left}
thead th{background:#eef3f8}
td.gap{background:#fafafa}
.evidence-map td{text-align:center;min-width:3rem}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{background:#eef3f8;border-radius:6px;
padding:.6rem 1rem}.card b{font-size:1.4rem;display:block}
.summary{display:flex;gap:1.5rem;flex-wrap:wrap;align-items:flex-start}
blockquote{margin:.2rem 0 .2rem 1rem;color:#3b4650;font-size:.85rem}
.plus{color:#1a7f37;font-weight:bold}.minus{color:#b42318;font-weight:bold}
.note{color:#5b6670;font-size:.85rem}
img.map{max-width:100%;height:auto;border:1px solid #d5dde5}
.wide{overflow-x:auto;max-width:100%}
details.ids{display:inline}details.ids summary{cursor:pointer;color:#0b57d0}
details.ids[open]{display:block}
tr:target{background:#fff3c4}
"""

PAGE_END = "</body></html>"


def page_head(title: str) -> str:
    """Everything up to and with the opening `<body>`."""
    name = html.escape(title)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{name}</title><style>{CSS}</style></head><body>"
    )
