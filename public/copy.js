// Copy buttons beside commands and digests (every element with `data-copy`, whose value says what it
// is: "install command"). Progressive enhancement: without JavaScript each stays plain text that one
// click selects whole (catalog.css, `user-select: all`). A file, so the Content-Security-Policy allows it.

/** How long a button says "Copied": long enough to read, short enough to copy again. */
const COPIED_FOR_MS = 2000;

const announcer = document.querySelector('[data-copy-status]');

function announce(text) {
  if (announcer) announcer.textContent = text;
}

/** Selects the whole text of `element`, for copying by hand when the clipboard refuses. */
function selectAll(element) {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

function addCopyButton(target) {
  const what = target.dataset.copy || 'text';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-button';
  button.textContent = 'Copy';
  button.setAttribute('aria-label', `Copy ${what}`);
  button.dataset.copyButton = what;
  let reset;
  button.addEventListener('click', async () => {
    const text = target.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = 'Copied';
      button.dataset.copied = '';
      announce(`Copied the ${what}.`);
    } catch {
      // No clipboard access (an old browser, or permission refused): leave it selected to copy by hand.
      selectAll(target);
      button.textContent = 'Press Ctrl+C';
      announce(`Selected the ${what}: press Control+C (Command+C on a Mac) to copy it.`);
    }
    clearTimeout(reset);
    reset = setTimeout(() => {
      button.textContent = 'Copy';
      delete button.dataset.copied;
    }, COPIED_FOR_MS);
  });
  target.after(button);
}

function start() {
  for (const target of document.querySelectorAll('[data-copy]')) addCopyButton(target);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
