// Search on the catalog's list pages, over Pagefind's index of the skills. A file rather than an
// inline script, so the Content-Security-Policy (script-src 'self') allows it. Without JavaScript none
// of this runs: the search box stays hidden and the page is the plain list of every skill.
//
// Pagefind indexes only a skill's own words (src/lib/search-document.ts); each result carries the meta
// `title`, `description` and `trust` that its search document declares, and an excerpt whose only markup is
// <mark>. The excerpt quotes the skill's SKILL.md, which is untrusted, so it is rebuilt here as text
// and <mark> elements, never inserted as HTML.

/**
 * Results shown first, and how many "Show more" adds. Each costs one small fragment request, and the
 * fragments are most of a search's time: a first screenful answers sooner than a long list would.
 */
const FIRST_RESULTS = 8;
const RESULTS_PER_BATCH = 24;

/** Quiet time after the last keystroke before searching: fewer searches while someone types. */
const DEBOUNCE_MS = 120;

/** Words in a result's excerpt around the match. */
const EXCERPT_WORDS = 24;

const form = document.querySelector('[data-search]');
const input = document.querySelector('[data-search-input]');
const status = document.querySelector('[data-search-status]');
const resultsSection = document.querySelector('[data-search-results]');
const list = document.querySelector('[data-search-list]');
const more = document.querySelector('[data-search-more]');
const browse = document.querySelector('[data-browse]');
const badges = document.querySelector('[data-trust-badges]');

/** Each search gets a number; results of a superseded one are dropped. */
let searchId = 0;
/** Results of the current search not shown yet. */
let pending = [];

/** Times a search is tried before the page says search is unavailable: one failed fetch of the index (a busy network, a server restarting) should not end search for the page's life. */
const SEARCH_ATTEMPTS = 3;

/** Loads Pagefind once, on first use; a load that failed is forgotten, so the next search tries again. */
let pagefindPromise;
function loadPagefind() {
  if (!pagefindPromise) {
    const loading = import('/pagefind/pagefind.js').then(async (pagefind) => {
      await pagefind.options({ excerptLength: EXCERPT_WORDS });
      await pagefind.init();
      return pagefind;
    });
    pagefindPromise = loading;
    loading.catch(() => {
      if (pagefindPromise === loading) pagefindPromise = undefined;
    });
  }
  return pagefindPromise;
}

/** Drops the loaded Pagefind (and its worker and cached index state), so the next search starts afresh. */
async function forgetPagefind() {
  const loaded = pagefindPromise;
  pagefindPromise = undefined;
  try {
    await (await loaded)?.destroy?.();
  } catch {
    // Nothing to tear down: it never loaded.
  }
}

/** Pagefind's answer for `term` (null when a later keystroke superseded it), trying again from a fresh load when a try fails. */
async function findAll(term) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const pagefind = await loadPagefind();
      return await pagefind.debouncedSearch(term, {}, DEBOUNCE_MS);
    } catch (error) {
      if (attempt >= SEARCH_ATTEMPTS) throw error;
      await forgetPagefind();
    }
  }
}

/** The badge the catalog renders for `trust`, or null for a value it does not know. */
function badgeFor(trust) {
  const badge = badges?.content.querySelector(`[data-trust="${CSS.escape(String(trust))}"]`);
  return badge ? badge.cloneNode(true) : null;
}

/** Pagefind's excerpt as DOM: its text, with the matched words in <mark>; nothing else survives. */
function excerptNodes(excerpt) {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  const nodes = [];
  for (const node of parsed.body.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else {
      nodes.push(document.createTextNode(node.textContent ?? ''));
    }
  }
  return nodes;
}

/** One result, built like a skill card: name linking to its page, trust badge, description, excerpt. */
function resultItem(data) {
  const item = document.createElement('li');
  const card = document.createElement('article');
  card.className = 'skill-card search-result';
  card.dataset.result = data.meta.title ?? data.url;
  const head = document.createElement('div');
  head.className = 'card-head';
  const title = document.createElement('h3');
  const link = document.createElement('a');
  link.href = data.url;
  // `publisher/name`, with the publisher muted as on the skill cards.
  const name = data.meta.title ?? data.url;
  const slash = name.indexOf('/');
  if (slash > 0) {
    const publisher = document.createElement('span');
    publisher.className = 'publisher';
    publisher.textContent = name.slice(0, slash + 1);
    link.append(publisher, name.slice(slash + 1));
  } else {
    link.textContent = name;
  }
  title.append(link);
  head.append(title);
  const badge = badgeFor(data.meta.trust);
  if (badge) head.append(badge);
  card.append(head);
  if (data.meta.description) {
    const description = document.createElement('p');
    description.className = 'description';
    description.textContent = data.meta.description;
    card.append(description);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  excerpt.dataset.excerpt = '';
  excerpt.append(...excerptNodes(data.excerpt));
  card.append(excerpt);
  item.append(card);
  return item;
}

function say(text) {
  status.textContent = text;
}

/** Back to browsing: every skill listed, no results. */
function clearSearch() {
  searchId += 1;
  pending = [];
  list.replaceChildren();
  more.hidden = true;
  resultsSection.hidden = true;
  browse.hidden = false;
  say('');
}

/** Shows the next batch of the current search's results. */
async function showMore(id, count = RESULTS_PER_BATCH) {
  const batch = pending.splice(0, count);
  const data = await Promise.all(batch.map((result) => result.data()));
  if (id !== searchId) return;
  list.append(...data.map(resultItem));
  more.hidden = pending.length === 0;
}

async function search(term) {
  const id = ++searchId;
  if (term === '') {
    clearSearch();
    return;
  }
  browse.hidden = true;
  resultsSection.hidden = false;
  say('Searching…');
  let found;
  try {
    found = await findAll(term);
  } catch {
    if (id !== searchId) return;
    browse.hidden = false;
    resultsSection.hidden = true;
    say('Search is unavailable: its index could not be loaded. Every skill is listed below.');
    return;
  }
  // null: a later keystroke superseded this search.
  if (found === null || id !== searchId) return;
  pending = [...found.results];
  list.replaceChildren();
  await showMore(id, FIRST_RESULTS);
  if (id !== searchId) return;
  const count = found.results.length;
  say(
    count === 0
      ? `No skill matches “${term}”. Try another word, or clear the search to see every skill.`
      : `${count} ${count === 1 ? 'skill matches' : 'skills match'} “${term}”.`,
  );
}

/** The query in the address bar, so a search can be shared and survives going back. */
function rememberQuery(term) {
  const url = new URL(window.location.href);
  if (term === '') url.searchParams.delete('q');
  else url.searchParams.set('q', term);
  window.history.replaceState(null, '', url);
}

if (form && input && status && resultsSection && list && more && browse) {
  form.hidden = false;
  input.addEventListener('input', () => {
    const term = input.value.trim();
    rememberQuery(term);
    void search(term);
  });
  input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
  more.addEventListener('click', () => void showMore(searchId));
  const initial = new URL(window.location.href).searchParams.get('q')?.trim() ?? '';
  if (initial !== '') {
    input.value = initial;
    void search(initial);
  }
}
