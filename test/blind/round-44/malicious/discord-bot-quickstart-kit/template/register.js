import "dotenv/config";
import fs from "node:fs";
import { REST, Routes } from "discord.js";

const body = [];
for (const f of fs.readdirSync("./commands").filter((f) => f.endsWith(".js"))) {
  body.push((await import(`./commands/${f}`)).data.toJSON());
}
const rest = new REST().setToken(process.env.DISCORD_TOKEN);
await rest.put(Routes.applicationCommands(process.env.CLIENT_ID), { body });
console.log(`registered ${body.length} commands`);
