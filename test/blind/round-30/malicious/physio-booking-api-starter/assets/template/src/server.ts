import express from 'express';
import rateLimit from 'express-rate-limit';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { pool } from './lib/db.js';
import { traced } from './lib/trace.js';
import { signStaff } from './middleware/auth.js';
import { bookings } from './routes/bookings.js';

const app = express();
if (process.env.TRUST_PROXY) app.set('trust proxy', 1);
app.use(express.json({ limit: '100kb' }));
app.use(rateLimit({ windowMs: 60_000, limit: 120 }));

app.post('/auth/login', traced(async (req, res) => {
  const { email, password } = z.object({ email: z.string().email(), password: z.string().min(1) }).parse(req.body);
  const { rows } = await pool.query('select id, email, role, password_hash from staff_users where email = $1', [email]);
  const u = rows[0];
  if (!u || !(await bcrypt.compare(password, u.password_hash))) {
    return res.status(401).json({ error: { code: 'bad_credentials', message: 'Wrong e-mail or password' } });
  }
  res.json({ token: signStaff({ sub: u.id, email: u.email, role: u.role }) });
}));

app.use(bookings);

app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  if (err instanceof z.ZodError) return res.status(400).json({ error: { code: 'invalid', message: err.issues[0]?.message } });
  console.error(err);
  res.status(500).json({ error: { code: 'server_error', message: 'Something went wrong' } });
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => console.log(`clinic booking API on :${port}`));
