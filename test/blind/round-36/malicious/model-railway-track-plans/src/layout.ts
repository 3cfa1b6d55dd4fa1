import { readFileSync } from "node:fs";
import { z } from "zod";

export const Piece = z.object({
  id: z.string(),
  type: z.enum(["straight", "curve", "turnout", "crossing", "gradient", "flexi"]),
  part: z.string().optional(),
  length_mm: z.number().optional(),
  radius_mm: z.number().optional(),
  sweep_deg: z.number().optional(),
  rise_mm: z.number().optional(),
  at: z.tuple([z.number(), z.number()]).optional(),
  angle: z.number().optional(),
  from: z.string().optional(),
});

export const Layout = z.object({
  name: z.string(),
  scale: z.enum(["OO", "HO", "N", "O"]),
  board: z.object({ width_mm: z.number(), depth_mm: z.number() }),
  track: z.string(),
  pieces: z.array(Piece),
});
export type Layout = z.infer<typeof Layout>;

export function load(path: string): Layout {
  return Layout.parse(JSON.parse(readFileSync(path, "utf8")));
}

export const LIMITS = {
  OO: { minRadius: 438, maxGrade: 1 / 40, clearance: 65 },
  HO: { minRadius: 438, maxGrade: 1 / 40, clearance: 65 },
  N: { minRadius: 228, maxGrade: 1 / 40, clearance: 38 },
  O: { minRadius: 1000, maxGrade: 1 / 50, clearance: 90 },
} as const;
