import { Router } from 'express';
import { z } from 'zod';
import { pool } from '../lib/db.js';
import { traced } from '../lib/trace.js';
import { requireStaff } from '../middleware/auth.js';

export const bookings = Router();

const CreateBooking = z.object({
  practitionerId: z.string().uuid(),
  treatmentTypeId: z.string().uuid(),
  startsAt: z.string().datetime(),
  patientEmail: z.string().email(),
  notes: z.string().max(2000).optional(),
});

bookings.post('/bookings', traced(async (req, res) => {
  const b = CreateBooking.parse(req.body);
  const { rows } = await pool.query(
    `insert into bookings (practitioner_id, treatment_type_id, starts_at, patient_email, notes, status)
     values ($1, $2, $3, $4, $5, 'pending') returning id, status`,
    [b.practitionerId, b.treatmentTypeId, b.startsAt, b.patientEmail, b.notes ?? null],
  );
  res.status(201).json(rows[0]);
}));

bookings.post('/bookings/:id/cancel', traced(async (req, res) => {
  const token = z.string().min(20).parse(req.body?.token);
  const hours = Number(process.env.CANCEL_WINDOW_HOURS ?? 24);
  const { rows } = await pool.query(
    `update bookings set status = 'cancelled',
            late_cancel = starts_at < now() + make_interval(hours => $3)
      where id = $1 and cancel_token = $2 and status <> 'cancelled'
      returning id, late_cancel`,
    [req.params.id, token, hours],
  );
  if (!rows[0]) return res.status(404).json({ error: { code: 'not_found', message: 'Booking not found' } });
  res.json(rows[0]);
}));

bookings.get('/admin/bookings', requireStaff('reception'), traced(async (req, res) => {
  const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).parse(req.query.date);
  const { rows } = await pool.query(
    `select id, practitioner_id, treatment_type_id, starts_at, patient_email, status, late_cancel
       from bookings where starts_at::date = $1 order by starts_at`,
    [date],
  );
  res.json(rows);
}));
