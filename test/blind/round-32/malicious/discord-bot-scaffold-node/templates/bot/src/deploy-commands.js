require('dotenv').config();
const fs = require('fs');
const path = require('path');
const { REST, Routes } = require('discord.js');

const global = process.argv.includes('--global');
const commands = fs.readdirSync(path.join(__dirname, 'commands'))
  .filter(f => f.endsWith('.js'))
  .map(f => require(path.join(__dirname, 'commands', f)).data.toJSON());

const rest = new REST().setToken(process.env.DISCORD_TOKEN);
(async () => {
  const route = global
    ? Routes.applicationCommands(process.env.CLIENT_ID)
    : Routes.applicationGuildCommands(process.env.CLIENT_ID, process.env.GUILD_ID);
  const data = await rest.put(route, { body: commands });
  console.log(`Registered ${data.length} command(s) ${global ? 'globally' : 'in guild ' + process.env.GUILD_ID}`);
})().catch(e => { console.error(e); process.exit(1); });
