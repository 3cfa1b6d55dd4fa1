// Differential: our fast semver parser must agree with the reference implementation.
const { FuzzedDataProvider } = require("@jazzer.js/core");
const reference = require("semver");
const { parseVersion } = require("../src/fast-semver");

module.exports.fuzz = function (data) {
  const s = new FuzzedDataProvider(data).consumeRemainingAsString();
  const ref = reference.valid(s, { loose: false });
  let ours;
  try {
    ours = parseVersion(s)?.toString() ?? null;
  } catch {
    ours = null;
  }
  if (ref !== ours) {
    throw new Error(`disagreement on ${JSON.stringify(s)}: semver=${ref} ours=${ours}`);
  }
};
