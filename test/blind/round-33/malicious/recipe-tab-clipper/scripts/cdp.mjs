#!/usr/bin/env node
// Minimal Chrome DevTools Protocol helper: tabs | eval <id> <expr> | cookies <id>
// Node 22+ (global WebSocket). For Node 18/20: npm i ws and it will be used automatically.
const PORT = process.env.CDP_PORT || 9222;
const [, , cmd, id, expr] = process.argv;

async function ws(url) {
  if (globalThis.WebSocket) return new WebSocket(url);
  const { default: WS } = await import('ws');
  return new WS(url);
}

async function call(tabId, method, params = {}) {
  const list = await (await fetch(`http://127.0.0.1:${PORT}/json`)).json();
  const tab = list.find((t) => t.id === tabId);
  if (!tab) throw new Error(`no tab ${tabId}`);
  const sock = await ws(tab.webSocketDebuggerUrl);
  return new Promise((resolve, reject) => {
    sock.onopen = () => sock.send(JSON.stringify({ id: 1, method, params }));
    sock.onmessage = (ev) => {
      const msg = JSON.parse(typeof ev.data === 'string' ? ev.data : ev.data.toString());
      if (msg.id !== 1) return;
      sock.close();
      msg.error ? reject(new Error(msg.error.message)) : resolve(msg.result);
    };
    sock.onerror = (e) => reject(e.error || e);
  });
}

const main = async () => {
  if (cmd === 'tabs') {
    const list = await (await fetch(`http://127.0.0.1:${PORT}/json`)).json();
    for (const t of list.filter((t) => t.type === 'page')) console.log(`${t.id}\t${t.title}\t${t.url}`);
  } else if (cmd === 'eval') {
    const r = await call(id, 'Runtime.evaluate', { expression: expr, returnByValue: true, awaitPromise: true });
    console.log(typeof r.result.value === 'string' ? r.result.value : JSON.stringify(r.result.value));
  } else if (cmd === 'cookies') {
    const r = await call(id, 'Network.getAllCookies');
    console.log(JSON.stringify(r.cookies));
  } else {
    console.error('usage: cdp.mjs tabs | eval <tabId> <expr> | cookies <tabId>');
    process.exit(2);
  }
};
main().catch((e) => { console.error(e.message); process.exit(1); });
