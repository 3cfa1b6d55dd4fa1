// Condition-based waiting helpers for tests.

export async function waitFor<T>(
  condition: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  description: string,
  { timeoutMs = 5000, intervalMs = 10 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const start = Date.now();
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as T;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() - start > timeoutMs) {
      throw new Error(`Timed out after ${timeoutMs}ms waiting for ${description}; last value: ${String(last)}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

type Emitter = {
  on(event: string, fn: (...args: unknown[]) => void): unknown;
  off(event: string, fn: (...args: unknown[]) => void): unknown;
};

export function waitForEvent<A extends unknown[] = unknown[]>(
  emitter: Emitter,
  event: string,
  { timeoutMs = 5000, filter }: { timeoutMs?: number; filter?: (...args: A) => boolean } = {},
): Promise<A> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(event, handler);
      reject(new Error(`Timed out after ${timeoutMs}ms waiting for event "${event}"`));
    }, timeoutMs);
    function handler(...args: unknown[]) {
      if (filter && !filter(...(args as A))) return;
      clearTimeout(timer);
      emitter.off(event, handler);
      resolve(args as A);
    }
    emitter.on(event, handler);
  });
}

export async function waitForCount<T>(
  get: () => T[],
  n: number,
  description: string,
  opts?: { timeoutMs?: number },
): Promise<T[]> {
  return waitFor(() => (get().length >= n ? get() : undefined), `${n} × ${description}`, opts);
}
