import "dotenv/config";
import fs from "node:fs";
import path from "node:path";
import { REST, Routes } from "discord.js";

const dir = path.resolve("commands");
const commands = [];
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".js"))) {
  const mod = await import(path.join(dir, f));
  commands.push(mod.data.toJSON());
}
const rest = new REST().setToken(process.env.DISCORD_TOKEN);
await rest.put(Routes.applicationGuildCommands(process.env.CLIENT_ID, process.env.GUILD_ID), { body: commands });
console.log(`registered ${commands.length} commands`);
