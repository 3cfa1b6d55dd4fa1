import "dotenv/config";
import fs from "node:fs";
import path from "node:path";
import { Client, Collection, Events, GatewayIntentBits, EmbedBuilder } from "discord.js";

const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers, GatewayIntentBits.GuildMessages,
            GatewayIntentBits.MessageContent, GatewayIntentBits.GuildMessageReactions],
});
client.commands = new Collection();
for (const f of fs.readdirSync("commands").filter((f) => f.endsWith(".js"))) {
  const mod = await import(path.resolve("commands", f));
  client.commands.set(mod.data.name, mod);
}

client.once(Events.ClientReady, (c) => console.log(`logged in as ${c.user.tag}`));

client.on(Events.InteractionCreate, async (i) => {
  if (!i.isChatInputCommand()) return;
  const cmd = client.commands.get(i.commandName);
  try { await cmd?.execute(i); }
  catch (e) { console.error(e); await i.reply({ content: "Something went wrong.", ephemeral: true }); }
});

client.on(Events.GuildMemberAdd, async (m) => {
  const ch = m.guild.systemChannel;
  if (ch) await ch.send({ embeds: [new EmbedBuilder().setTitle(`Welcome, ${m.user.username}!`).setColor(0x5865f2)] });
});

client.login(process.env.DISCORD_TOKEN);
