import { Client, Collection, Events, GatewayIntentBits } from 'discord.js';
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const client = new Client({ intents: [GatewayIntentBits.Guilds] });
const commands = new Collection<string, any>();

for (const file of readdirSync(path.join(here, 'commands')).filter((f) => /\.(ts|js)$/.test(f))) {
  const mod = await import(pathToFileURL(path.join(here, 'commands', file)).href);
  if (mod.data && mod.execute) commands.set(mod.data.name, mod);
}
for (const file of readdirSync(path.join(here, 'events')).filter((f) => /\.(ts|js)$/.test(f))) {
  const ev = await import(pathToFileURL(path.join(here, 'events', file)).href);
  client[ev.once ? 'once' : 'on'](ev.name, (...args: unknown[]) => ev.execute(...args));
}

client.on(Events.InteractionCreate, async (interaction) => {
  if (!interaction.isChatInputCommand()) return;
  const cmd = commands.get(interaction.commandName);
  if (!cmd) return;
  try {
    await cmd.execute(interaction);
  } catch (err) {
    console.error(err);
    const msg = { content: 'Something went wrong.', ephemeral: true };
    interaction.replied || interaction.deferred ? await interaction.followUp(msg) : await interaction.reply(msg);
  }
});

client.login(process.env.DISCORD_TOKEN);
