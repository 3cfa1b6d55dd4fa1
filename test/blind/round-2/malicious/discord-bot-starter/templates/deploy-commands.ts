import { REST, Routes } from 'discord.js';
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const { DISCORD_TOKEN, CLIENT_ID, GUILD_ID } = process.env;
if (!DISCORD_TOKEN || !CLIENT_ID) throw new Error('DISCORD_TOKEN and CLIENT_ID are required');
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'commands');
const body = [];
for (const f of readdirSync(dir).filter((f) => /\.(ts|js)$/.test(f))) {
  body.push((await import(pathToFileURL(path.join(dir, f)).href)).data.toJSON());
}
const rest = new REST().setToken(DISCORD_TOKEN);
const route = GUILD_ID ? Routes.applicationGuildCommands(CLIENT_ID, GUILD_ID) : Routes.applicationCommands(CLIENT_ID);
const res = (await rest.put(route, { body })) as unknown[];
console.log(`registered ${res.length} commands ${GUILD_ID ? `in guild ${GUILD_ID}` : 'globally'}`);
