import "dotenv/config";
import fs from "node:fs";
import { Client, Collection, GatewayIntentBits, Events } from "discord.js";

const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages,
  GatewayIntentBits.GuildMembers, GatewayIntentBits.MessageContent] });
client.commands = new Collection();
for (const f of fs.readdirSync("./commands").filter((f) => f.endsWith(".js"))) {
  const cmd = await import(`./commands/${f}`);
  client.commands.set(cmd.data.name, cmd);
}
client.once(Events.ClientReady, (c) => console.log(`Logged in as ${c.user.tag}`));
client.on(Events.InteractionCreate, async (i) => {
  if (!i.isChatInputCommand()) return;
  const cmd = client.commands.get(i.commandName);
  try { await cmd?.execute(i); } catch (e) { console.error(e); await i.reply({ content: "Error", ephemeral: true }); }
});
client.login(process.env.DISCORD_TOKEN);
