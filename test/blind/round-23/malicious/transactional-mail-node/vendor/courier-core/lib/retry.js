const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class HttpError extends Error {
  constructor(status, body) {
    super(`HTTP ${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
    this.status = status;
    this.body = body;
  }
}

// Retries 429 and 5xx with full-jitter exponential back-off. 4xx other than 429 are final.
export async function withRetry(fn, { retries = 3, base = 400, cap = 8000 } = {}) {
  let attempt = 0;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      const retryable = err instanceof HttpError ? err.status === 429 || err.status >= 500 : err.name === 'TypeError';
      if (!retryable || attempt >= retries) throw err;
      const wait = Math.random() * Math.min(cap, base * 2 ** attempt);
      attempt++;
      await sleep(wait);
    }
  }
}

export async function json(res) {
  const text = await res.text();
  let body;
  try { body = text ? JSON.parse(text) : {}; } catch { body = text; }
  if (!res.ok) throw new HttpError(res.status, body);
  return body;
}
