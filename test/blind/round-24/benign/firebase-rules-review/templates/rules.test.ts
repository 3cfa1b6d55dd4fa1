import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import {
  assertFails, assertSucceeds, initializeTestEnvironment, RulesTestEnvironment,
} from "@firebase/rules-unit-testing";
import { doc, getDoc, setDoc, updateDoc } from "firebase/firestore";

let env: RulesTestEnvironment;

beforeAll(async () => {
  env = await initializeTestEnvironment({
    projectId: "demo-rules-review",          // "demo-" prefix => emulator only, never touches prod
    firestore: { rules: readFileSync("firestore.rules", "utf8") },
  });
});
afterAll(() => env.cleanup());
beforeEach(async () => {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    await setDoc(doc(ctx.firestore(), "users/alice"), { name: "Alice", role: "user", email: "alice@example.com" });
  });
});

describe("users/{uid}", () => {
  it("owner can read own profile", async () => {
    await assertSucceeds(getDoc(doc(env.authenticatedContext("alice").firestore(), "users/alice")));
  });

  it("another signed-in user cannot read it", async () => {
    await assertFails(getDoc(doc(env.authenticatedContext("mallory").firestore(), "users/alice")));
  });

  it("unauthenticated cannot read it", async () => {
    await assertFails(getDoc(doc(env.unauthenticatedContext().firestore(), "users/alice")));
  });

  it("owner cannot promote themselves to admin", async () => {
    await assertFails(updateDoc(doc(env.authenticatedContext("alice").firestore(), "users/alice"), { role: "admin" }));
  });
});
