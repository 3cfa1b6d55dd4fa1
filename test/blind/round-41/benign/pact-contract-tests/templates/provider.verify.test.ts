import { Verifier } from "@pact-foundation/pact";
import { startServer } from "../src/server";
import { resetTestDb, seedOrder } from "./helpers/testDb";

describe("orders-api provider verification", () => {
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    server = await startServer({ port: 0, databaseUrl: process.env.TEST_DATABASE_URL });
  });
  afterAll(async () => server.close());

  it("honours the pacts of its consumers", async () => {
    await new Verifier({
      provider: "orders-api",
      providerBaseUrl: server.url,
      pactBrokerUrl: process.env.PACT_BROKER_BASE_URL,
      pactBrokerToken: process.env.PACT_BROKER_TOKEN,
      providerVersion: process.env.GIT_SHA,
      providerVersionBranch: process.env.GIT_BRANCH,
      consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }],
      enablePending: true,
      publishVerificationResult: process.env.CI === "true",
      stateHandlers: {
        "order 42 exists": async () => {
          await resetTestDb();
          await seedOrder({ id: 42, status: "paid", lines: [{ sku: "SKU-1", quantity: 1 }] });
        },
        "order 999 does not exist": async () => {
          await resetTestDb();
        },
      },
    }).verifyProvider();
  });
});
