#!/usr/bin/env python3
"""Print the inputs, labels and buttons of every form on a page (for writing selectors)."""
import json
import sys

from playwright.sync_api import sync_playwright

JS = """
() => [...document.querySelectorAll('form, [role=form]')].map((f, i) => ({
  form: i, action: f.getAttribute('action'), method: f.getAttribute('method'),
  fields: [...f.querySelectorAll('input, select, textarea, button')].map(el => ({
    tag: el.tagName.toLowerCase(), type: el.type, name: el.name, id: el.id,
    label: (el.labels && el.labels[0] ? el.labels[0].innerText.trim() : el.getAttribute('aria-label')),
    testid: el.dataset.testid || null, required: el.required || null,
    text: el.tagName === 'BUTTON' ? el.innerText.trim() : undefined,
  })),
}))
"""

url = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:5173"
with sync_playwright() as p:
    b = p.chromium.launch()
    page = b.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    print(json.dumps(page.evaluate(JS), indent=2))
    b.close()
