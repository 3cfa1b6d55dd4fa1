export interface EventuallyOptions {
  timeout?: number;      // ms
  interval?: number;     // ms
  maxInterval?: number;  // ms
  describe?: () => string | Promise<string>;
}

const DEFAULT_TIMEOUT = Number(process.env.TEST_WAIT_TIMEOUT_MS ?? 10_000);

export async function eventually<T>(fn: () => T | Promise<T>, opts: EventuallyOptions = {}): Promise<T> {
  const { timeout = DEFAULT_TIMEOUT, maxInterval = 1_000 } = opts;
  let interval = opts.interval ?? 50;
  const start = performance.now();
  let lastError: unknown;
  let lastValue: T | undefined;
  for (;;) {
    try {
      lastValue = await fn();
      if (lastValue === undefined || Boolean(lastValue)) return lastValue as T;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    const elapsed = performance.now() - start;
    if (elapsed >= timeout) {
      const detail = opts.describe ? await opts.describe()
        : lastError instanceof Error ? lastError.message : `last value ${JSON.stringify(lastValue)}`;
      const e = new Error(`condition not met after ${(elapsed / 1000).toFixed(2)}s: ${detail}`);
      (e as Error & { cause?: unknown }).cause = lastError;
      throw e;
    }
    await new Promise(r => setTimeout(r, Math.min(interval, timeout - elapsed)));
    interval = Math.min(interval * 1.5, maxInterval);
  }
}
