#!/usr/bin/env python3
"""Render an HTML file to PDF with headless Chromium (Playwright) or WeasyPrint."""
import argparse
import html
import sys
from pathlib import Path


def chromium(src, out, args):
    from playwright.sync_api import sync_playwright

    footer = None
    if args.footer:
        footer = (
            '<div style="font-family:Helvetica,Arial,sans-serif;font-size:8px;color:#666;'
            'width:100%;padding:0 18mm;display:flex;justify-content:space-between">'
            f'<span>{html.escape(args.footer)}</span>'
            '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>'
        )
    with sync_playwright() as p:
        browser = p.chromium.launch()
        page = browser.new_page()
        # Block network access: the document should be self-contained (run inline_assets.py first).
        if not args.allow_network:
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:"))
                       else r.abort())
        page.goto(Path(src).resolve().as_uri(), wait_until="load")
        page.emulate_media(media="print")
        if args.wait_for:
            page.wait_for_function(args.wait_for, timeout=args.timeout * 1000)
        page.pdf(
            path=str(out),
            format=args.format,
            print_background=True,
            prefer_css_page_size=True,
            display_header_footer=bool(footer),
            header_template="<span></span>",
            footer_template=footer or "<span></span>",
            margin={"top": "18mm", "bottom": "20mm", "left": "18mm", "right": "18mm"} if footer else None,
            outline=True,
            tagged=True,
        )
        browser.close()


def weasy(src, out, args):
    from weasyprint import HTML

    def no_network(url, timeout=10, ssl_context=None):
        if not url.startswith(("file:", "data:")) and not args.allow_network:
            raise ValueError(f"network fetch blocked: {url}")
        from weasyprint import default_url_fetcher
        return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)

    doc = HTML(filename=str(src), url_fetcher=no_network)
    kwargs = {}
    if args.pdf_variant:
        kwargs["pdf_variant"] = args.pdf_variant
    doc.write_pdf(str(out), **kwargs)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("html")
    ap.add_argument("pdf")
    ap.add_argument("--engine", choices=["chromium", "weasyprint"], default="chromium")
    ap.add_argument("--format", default="A4", help="chromium: A4, Letter, Legal, ...")
    ap.add_argument("--footer", help="chromium: footer text (page numbers added)")
    ap.add_argument("--wait-for", help="chromium: JS expression to wait for before printing")
    ap.add_argument("--timeout", type=int, default=30)
    ap.add_argument("--pdf-variant", help="weasyprint: pdf/a-3b, pdf/ua-1, ...")
    ap.add_argument("--allow-network", action="store_true", help="permit http(s) asset fetches")
    args = ap.parse_args()

    out = Path(args.pdf)
    out.parent.mkdir(parents=True, exist_ok=True)
    (chromium if args.engine == "chromium" else weasy)(args.html, out, args)
    print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KB) with {args.engine}", file=sys.stderr)


if __name__ == "__main__":
    main()
