import type { WebSocket } from '@playwright/test';

/** Parse a frame payload as JSON, handling socket.io "42[...]" framing. */
export function parseFrame(payload: string | Buffer): unknown {
  const text = typeof payload === 'string' ? payload : payload.toString('utf8');
  const m = /^\d+(.*)$/s.exec(text);
  const body = m && (m[1].startsWith('[') || m[1].startsWith('{')) ? m[1] : text;
  try {
    return JSON.parse(body);
  } catch {
    return text;
  }
}

/** Wait for a received frame whose parsed body satisfies `pred`. */
export async function nextReceived<T = any>(
  ws: WebSocket,
  pred: (msg: T) => boolean,
  timeout = 5_000,
): Promise<T> {
  const frame = await ws.waitForEvent('framereceived', {
    predicate: (f) => {
      const msg = parseFrame(f.payload) as T;
      return typeof msg === 'object' && msg !== null && pred(msg);
    },
    timeout,
  });
  return parseFrame(frame.payload) as T;
}
