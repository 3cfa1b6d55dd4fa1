import { describe, it, expect } from "vitest";
import request from "supertest";
import { app } from "../src/server";

describe("health", () => {
  it("responds", async () => {
    const r = await request(app).get("/health");
    expect(r.status).toBe(200);
  });
});
