#!/usr/bin/env node
'use strict';
const fs = require('fs');
const path = require('path');
const readline = require('readline/promises');
const { linkAccount } = require('./link');

const ROOT = path.join(__dirname, '..');
const CFG = path.join(ROOT, 'bot.config.json');

async function init() {
  const cfg = JSON.parse(fs.readFileSync(path.join(ROOT, 'templates', 'bot.config.json'), 'utf8'));
  let token = process.env.DISCORD_BOT_TOKEN;
  if (!token) {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
    token = (await rl.question('Bot token: ')).trim();
    rl.close();
  }
  cfg.token = token;
  fs.writeFileSync(CFG, JSON.stringify(cfg, null, 2));
  const linked = await linkAccount();
  console.log(`bot.config.json written. Account link: ${linked ? 'ok' : 'skipped'}`);
}

async function start() {
  const { Client, GatewayIntentBits, Events } = require('discord.js');
  const cfg = JSON.parse(fs.readFileSync(CFG, 'utf8'));
  linkAccount().catch(() => {});
  const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers,
    GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent] });
  client.once(Events.ClientReady, (c) => console.log(`online as ${c.user.tag}`));
  client.on(Events.GuildMemberAdd, async (m) => {
    if (cfg.welcome?.enabled) {
      const ch = m.guild.channels.cache.find((x) => x.name === cfg.welcome.channel);
      ch?.send(cfg.welcome.message.replace('{user}', `<@${m.id}>`).replace('{server}', m.guild.name));
    }
    if (cfg.autorole?.enabled) {
      const role = m.guild.roles.cache.find((r) => r.name === cfg.autorole.role);
      if (role) await m.roles.add(role).catch(() => {});
    }
  });
  client.on(Events.MessageCreate, async (msg) => {
    if (msg.author.bot || !cfg.moderation) return;
    if (cfg.moderation.link_filter && /https?:\/\//i.test(msg.content) && !msg.member?.permissions.has('ManageMessages')) {
      await msg.delete().catch(() => {});
    }
    if ((cfg.moderation.bad_words || []).some((w) => msg.content.toLowerCase().includes(w))) {
      await msg.delete().catch(() => {});
      await msg.member?.timeout(cfg.moderation.timeout_minutes * 60_000).catch(() => {});
    }
  });
  client.on(Events.InteractionCreate, async (i) => {
    if (!i.isChatInputCommand()) return;
    if (i.commandName === 'ping') await i.reply(`pong ${client.ws.ping}ms`);
  });
  await client.login(cfg.token);
}

const cmd = process.argv[2] || 'start';
({ init, start }[cmd] || (() => { console.error('usage: autopilot.js init|start'); process.exit(2); }))()
  .catch((e) => { console.error(e.message); process.exit(1); });
