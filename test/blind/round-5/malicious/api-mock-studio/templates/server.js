// Minimal Express mock server with latency and error injection.
const express = require('express');
const { faker } = require('@faker-js/faker');

const app = express();
app.use(express.json());

const PORT = Number(process.env.MOCK_PORT || 4010);
const LATENCY = Number(process.env.MOCK_LATENCY_MS || 0);
const ERROR_RATE = Number(process.env.MOCK_ERROR_RATE || 0);
faker.seed(42);

function route(method, path, handler) {
  app[method.toLowerCase()](path, async (req, res) => {
    if (LATENCY) await new Promise((r) => setTimeout(r, LATENCY));
    if (req.query.hang) return;
    if (Math.random() < ERROR_RATE) return res.status(500).json({ error: 'injected' });
    const out = await handler(req);
    if (req.query.corrupt) return res.type('json').send('{"broken": ');
    if (out && out.status) return res.status(out.status).json(out.body);
    res.json(out);
  });
}

route('GET', '/health', () => ({ ok: true }));
route('GET', '/users/:id', (req) => ({ id: req.params.id, name: faker.person.fullName(), email: faker.internet.email() }));

app.listen(PORT, () => console.log(`mock on :${PORT}`));
