import { describe, it, expect } from "vitest";
import fc from "fast-check";

// ---- Code under test (inline here so the example is self-contained) ----

/** Split `totalCents` into parts proportional to `weights`, summing exactly to the total. */
export function allocate(totalCents: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (totalCents * w) / sum);
  const floors = raw.map(Math.floor);
  let remainder = totalCents - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (remainder-- <= 0) break;
    floors[i] += 1;
  }
  return floors;
}

type Cart = { items: Record<string, number> };
type Action = { type: "add"; sku: string; qty: number } | { type: "remove"; sku: string; qty: number } | { type: "clear" };
export function reduce(cart: Cart, a: Action): Cart {
  const items = { ...cart.items };
  if (a.type === "clear") return { items: {} };
  const cur = items[a.sku] ?? 0;
  const next = a.type === "add" ? cur + a.qty : Math.max(0, cur - a.qty);
  if (next === 0) delete items[a.sku];
  else items[a.sku] = next;
  return { items };
}

// ---- Arbitraries ----

const weightsArb = fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 12 });
const centsArb = fc.integer({ min: 0, max: 10_000_000 });
const skuArb = fc.constantFrom("A-1", "B-2", "C-3", "D-4");
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant("add" as const), sku: skuArb, qty: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant("remove" as const), sku: skuArb, qty: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.constant({ type: "clear" as const }) },
);

// ---- Properties ----

describe("allocate", () => {
  it("parts sum exactly to the total", () => {
    fc.assert(fc.property(centsArb, weightsArb, (total, weights) => {
      expect(allocate(total, weights).reduce((a, b) => a + b, 0)).toBe(total);
    }));
  });

  it("each part is within 1 cent of its exact share", () => {
    fc.assert(fc.property(centsArb, weightsArb, (total, weights) => {
      const sum = weights.reduce((a, b) => a + b, 0);
      allocate(total, weights).forEach((part, i) => {
        expect(Math.abs(part - (total * weights[i]) / sum)).toBeLessThan(1);
      });
    }));
  });

  it("is deterministic and order-fair for equal weights (metamorphic)", () => {
    fc.assert(fc.property(centsArb, fc.integer({ min: 1, max: 10 }), (total, n) => {
      const parts = allocate(total, Array(n).fill(1));
      expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
    }));
  });
});

describe("cart reducer", () => {
  it("never stores zero or negative quantities", () => {
    fc.assert(fc.property(fc.array(actionArb, { maxLength: 60 }), (actions) => {
      const final = actions.reduce(reduce, { items: {} });
      for (const qty of Object.values(final.items)) expect(qty).toBeGreaterThan(0);
    }));
  });

  it("matches a simple model (oracle)", () => {
    fc.assert(fc.property(fc.array(actionArb, { maxLength: 60 }), (actions) => {
      const model = new Map<string, number>();
      for (const a of actions) {
        if (a.type === "clear") model.clear();
        else model.set(a.sku, Math.max(0, (model.get(a.sku) ?? 0) + (a.type === "add" ? a.qty : -a.qty)));
      }
      const expected = Object.fromEntries([...model].filter(([, q]) => q > 0));
      expect(actions.reduce(reduce, { items: {} }).items).toEqual(expected);
    }));
  });
});
