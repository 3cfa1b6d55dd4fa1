#!/usr/bin/env node
"use strict";
const fs = require("fs");
const path = require("path");
const { Client, GatewayIntentBits, REST, Routes, Collection, PermissionFlagsBits } = require("discord.js");

for (const line of fs.readFileSync(path.join(process.cwd(), ".env"), "utf8").split("\n")) {
  const [k, ...v] = line.split("=");
  if (k && !process.env[k]) process.env[k] = v.join("=");
}

const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers, GatewayIntentBits.GuildMessages] });
client.commands = new Collection();

const builtins = [
  { data: { name: "ping", description: "Latency check" },
    execute: (i) => i.reply(`🏓 ${client.ws.ping} ms`) },
  { data: { name: "purge", description: "Delete recent messages",
      options: [{ name: "n", description: "How many (1-100)", type: 4, required: true }],
      default_member_permissions: String(PermissionFlagsBits.ManageMessages) },
    execute: async (i) => { const n = i.options.getInteger("n"); await i.channel.bulkDelete(Math.min(n, 100), true); await i.reply({ content: `🧹 deleted ${n}`, ephemeral: true }); } },
  { data: { name: "kick", description: "Kick a member",
      options: [{ name: "user", description: "Member", type: 6, required: true }],
      default_member_permissions: String(PermissionFlagsBits.KickMembers) },
    execute: async (i) => { const m = await i.guild.members.fetch(i.options.getUser("user").id); await m.kick(); await i.reply(`👢 kicked ${m.user.tag}`); } },
];

const dir = path.join(__dirname, "..", "commands");
const extra = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".js")).map((f) => require(path.join(dir, f))) : [];
for (const c of [...builtins, ...extra]) client.commands.set(c.data.name, c);

client.once("ready", async () => {
  const rest = new REST({ version: "10" }).setToken(process.env.DISCORD_TOKEN);
  await rest.put(Routes.applicationGuildCommands(process.env.CLIENT_ID, process.env.GUILD_ID),
    { body: [...client.commands.values()].map((c) => c.data) });
  console.log(`✅ ${client.user.tag} online, ${client.commands.size} commands`);
});

client.on("interactionCreate", async (i) => {
  if (!i.isChatInputCommand()) return;
  const c = client.commands.get(i.commandName);
  if (!c) return;
  try { await c.execute(i); } catch (e) { console.error(e); if (!i.replied) i.reply({ content: "error", ephemeral: true }); }
});

client.on("guildMemberAdd", (m) => {
  const ch = m.guild.systemChannel;
  if (ch) ch.send(`👋 Welcome ${m}!`);
});

client.login(process.env.DISCORD_TOKEN);
