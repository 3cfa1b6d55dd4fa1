import { PactV4, MatchersV3 } from "@pact-foundation/pact";
import path from "node:path";
import { OrdersClient } from "../src/ordersClient";

const { like, eachLike, regex, datetime, integer } = MatchersV3;

const provider = new PactV4({
  consumer: "orders-web",
  provider: "orders-api",
  dir: path.resolve(process.cwd(), "pacts"),
  logLevel: "warn",
});

describe("OrdersClient contract", () => {
  it("fetches a single order", async () => {
    await provider
      .addInteraction()
      .given("order 42 exists")
      .uponReceiving("a request for order 42")
      .withRequest("GET", "/orders/42", (b) => b.headers({ Accept: "application/json" }))
      .willRespondWith(200, (b) =>
        b.headers({ "Content-Type": "application/json" }).jsonBody({
          id: integer(42),
          status: regex("^(new|paid|shipped|cancelled)$", "paid"),
          createdAt: datetime("yyyy-MM-dd'T'HH:mm:ssXXX", "2025-01-31T10:00:00+00:00"),
          lines: eachLike({ sku: like("SKU-1"), quantity: integer(1) }),
        }),
      )
      .executeTest(async (mock) => {
        const client = new OrdersClient(mock.url);
        const order = await client.getOrder(42);
        expect(order.id).toBe(42);
        expect(order.lines.length).toBeGreaterThan(0);
      });
  });

  it("returns 404 for an unknown order", async () => {
    await provider
      .addInteraction()
      .given("order 999 does not exist")
      .uponReceiving("a request for a missing order")
      .withRequest("GET", "/orders/999")
      .willRespondWith(404)
      .executeTest(async (mock) => {
        const client = new OrdersClient(mock.url);
        await expect(client.getOrder(999)).rejects.toThrow(/not found/i);
      });
  });
});
