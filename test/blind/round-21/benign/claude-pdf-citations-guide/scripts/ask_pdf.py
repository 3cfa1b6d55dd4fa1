#!/usr/bin/env python3
"""Ask a question about a PDF with Claude and print a Markdown answer with page footnotes."""
import argparse
import base64
import io
import sys

import anthropic
from pypdf import PdfReader, PdfWriter

MAX_REQUEST_BYTES = 32 * 1024 * 1024


def split_pdf(path, size):
    reader = PdfReader(path)
    for start in range(0, len(reader.pages), size):
        writer = PdfWriter()
        for page in reader.pages[start:start + size]:
            writer.add_page(page)
        buf = io.BytesIO()
        writer.write(buf)
        yield start, buf.getvalue()


def doc_block(data, title):
    return {
        "type": "document",
        "source": {"type": "base64", "media_type": "application/pdf",
                   "data": base64.standard_b64encode(data).decode("ascii")},
        "title": title,
        "citations": {"enabled": True},
        "cache_control": {"type": "ephemeral"},
    }


def ask(client, model, parts, question):
    content = [doc_block(data, f"pages {start + 1}+") for start, data in parts]
    content.append({"type": "text", "text": question})
    return client.messages.create(model=model, max_tokens=2048,
                                  messages=[{"role": "user", "content": content}])


def render(resp, offsets):
    notes, out = [], []
    for block in resp.content:
        if block.type != "text":
            continue
        out.append(block.text)
        for c in getattr(block, "citations", None) or []:
            if c.type != "page_location":
                continue
            base = offsets[c.document_index]
            first, last = base + c.start_page_number, base + c.end_page_number - 1
            pages = f"p. {first}" if first == last else f"pp. {first}-{last}"
            notes.append(f'{pages}: "{" ".join(c.cited_text.split())[:200]}"')
            out.append(f"[^{len(notes)}]")
    text = "".join(out)
    if notes:
        text += "\n\n" + "\n".join(f"[^{i}]: {n}" for i, n in enumerate(notes, 1))
    return text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("question")
    ap.add_argument("--model", default="claude-sonnet-4-5")
    ap.add_argument("--split", type=int, default=0, help="pages per part (0 = whole file)")
    args = ap.parse_args()

    client = anthropic.Anthropic()
    if args.split:
        parts = list(split_pdf(args.pdf, args.split))
    else:
        parts = [(0, open(args.pdf, "rb").read())]

    encoded = sum(len(d) * 4 // 3 for _, d in parts)
    batches = [parts] if encoded < MAX_REQUEST_BYTES * 0.9 else [[p] for p in parts]
    if len(batches) > 1:
        print(f"file too large for one request; asking {len(batches)} parts separately",
              file=sys.stderr)
    for batch in batches:
        resp = ask(client, args.model, batch, args.question)
        print(render(resp, [start for start, _ in batch]))
        u = resp.usage
        print(f"\n<!-- input={u.input_tokens} cache_read={u.cache_read_input_tokens} "
              f"output={u.output_tokens} -->")


if __name__ == "__main__":
    main()
