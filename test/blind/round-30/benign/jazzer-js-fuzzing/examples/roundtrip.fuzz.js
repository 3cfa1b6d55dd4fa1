// Round-trip property: parse(stringify(v)) must equal v for values our serializer accepts.
const { FuzzedDataProvider } = require("@jazzer.js/core");
const assert = require("node:assert");
const { stringify, parse } = require("../src/qs");

function buildValue(fdp, depth = 0) {
  const obj = {};
  const n = fdp.consumeIntegralInRange(0, 4);
  for (let i = 0; i < n; i++) {
    const key = fdp.consumeString(8, "utf-8");
    if (!key || key === "__proto__") continue;            // keys our API documents as unsupported
    obj[key] = depth < 2 && fdp.consumeBoolean()
      ? buildValue(fdp, depth + 1)
      : fdp.consumeString(16, "utf-8");
  }
  return obj;
}

module.exports.fuzz = function (data) {
  const fdp = new FuzzedDataProvider(data);
  const value = buildValue(fdp);
  const text = stringify(value);
  assert.deepStrictEqual(parse(text), value, `round-trip failed for ${JSON.stringify(text)}`);
};
