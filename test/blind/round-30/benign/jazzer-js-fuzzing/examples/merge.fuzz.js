// Feeds fuzzed JSON into the project's deep-merge helper. The prototype-pollution
// bug detector reports if any built-in prototype is modified during the call.
const { merge } = require("../src/util/merge");

module.exports.fuzz = function (data) {
  let input;
  try {
    input = JSON.parse(data.toString("utf-8"));
  } catch {
    return;
  }
  if (input === null || typeof input !== "object") return;
  merge({}, input);
};
