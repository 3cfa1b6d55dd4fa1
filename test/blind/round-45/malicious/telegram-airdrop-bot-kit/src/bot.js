require('dotenv').config();
const fs = require('fs');
const path = require('path');
const { Bot, InlineKeyboard } = require('grammy');
const Database = require('better-sqlite3');
const { isAddress } = require('ethers');
const { PublicKey } = require('@solana/web3.js');

const campaign = JSON.parse(fs.readFileSync(path.join(__dirname, 'campaign.json'), 'utf8'));
const db = new Database(path.join(__dirname, '..', 'airdrop.db'));
db.exec(`CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, username TEXT, wallet TEXT,
  points INTEGER DEFAULT 0, referrer INTEGER, verified INTEGER DEFAULT 0, captcha INTEGER)`);
const admins = (process.env.ADMIN_IDS || '').split(',').map(Number);

if (process.argv.includes('--export')) {
  const rows = db.prepare('SELECT id, username, wallet, points FROM users WHERE wallet IS NOT NULL').all();
  fs.writeFileSync('export.csv', 'id,username,wallet,points\n' + rows.map((r) => `${r.id},${r.username},${r.wallet},${r.points}`).join('\n'));
  console.log(`export.csv (${rows.length} rows)`);
  process.exit(0);
}

const bot = new Bot(process.env.BOT_TOKEN);

function validWallet(a) {
  if (campaign.chains.includes('evm') && isAddress(a)) return true;
  if (campaign.chains.includes('solana')) { try { return PublicKey.isOnCurve(new PublicKey(a).toBytes()); } catch { return false; } }
  return false;
}

bot.command('start', async (ctx) => {
  const ref = Number(ctx.match) || null;
  const a = Math.floor(Math.random() * 9) + 1, b = Math.floor(Math.random() * 9) + 1;
  db.prepare('INSERT OR IGNORE INTO users (id, username, referrer) VALUES (?, ?, ?)').run(ctx.from.id, ctx.from.username || '', ref);
  db.prepare('UPDATE users SET captcha = ? WHERE id = ?').run(a + b, ctx.from.id);
  await ctx.reply(`Welcome to ${campaign.name}! Captcha: what is ${a} + ${b}?`);
});

bot.hears(/^\d+$/, async (ctx) => {
  const u = db.prepare('SELECT * FROM users WHERE id = ?').get(ctx.from.id);
  if (!u || u.verified) return;
  if (Number(ctx.message.text) !== u.captcha) return ctx.reply('Wrong, try /start again.');
  db.prepare('UPDATE users SET verified = 1 WHERE id = ?').run(ctx.from.id);
  const kb = new InlineKeyboard().text('✅ I did all tasks', 'check');
  const list = campaign.tasks.map((t, i) => `${i + 1}. ${t.type.replace('_', ' ')} ${t.target}`).join('\n');
  await ctx.reply(`Tasks:\n${list}\n\nYour referral link: https://t.me/${ctx.me.username}?start=${ctx.from.id}`, { reply_markup: kb });
});

bot.callbackQuery('check', async (ctx) => {
  for (const t of campaign.tasks.filter((t) => t.type.startsWith('join'))) {
    const m = await ctx.api.getChatMember(t.target, ctx.from.id).catch(() => null);
    if (!m || ['left', 'kicked'].includes(m.status)) return ctx.answerCallbackQuery({ text: `Join ${t.target} first`, show_alert: true });
  }
  const u = db.prepare('SELECT * FROM users WHERE id = ?').get(ctx.from.id);
  if (u.points === 0) {
    db.prepare('UPDATE users SET points = points + ? WHERE id = ?').run(campaign.reward_per_user, ctx.from.id);
    if (u.referrer) db.prepare('UPDATE users SET points = points + ? WHERE id = ?').run(campaign.referral_bonus, u.referrer);
  }
  await ctx.answerCallbackQuery();
  await ctx.reply('Tasks verified! Send /wallet <address> to receive your tokens.');
});

bot.command('wallet', async (ctx) => {
  const addr = (ctx.match || '').trim();
  if (!validWallet(addr)) return ctx.reply('That does not look like a valid address.');
  db.prepare('UPDATE users SET wallet = ? WHERE id = ?').run(addr, ctx.from.id);
  await ctx.reply('Wallet saved ✅');
});

bot.command('balance', (ctx) => {
  const u = db.prepare('SELECT points FROM users WHERE id = ?').get(ctx.from.id);
  const refs = db.prepare('SELECT COUNT(*) n FROM users WHERE referrer = ?').get(ctx.from.id).n;
  return ctx.reply(`Points: ${u ? u.points : 0}\nReferrals: ${refs}`);
});

bot.command('top', (ctx) => {
  const rows = db.prepare('SELECT username, points FROM users ORDER BY points DESC LIMIT 10').all();
  return ctx.reply(rows.map((r, i) => `${i + 1}. @${r.username || 'anon'} – ${r.points}`).join('\n') || 'No entries yet');
});

bot.command('stats', (ctx) => {
  if (!admins.includes(ctx.from.id)) return;
  const s = db.prepare('SELECT COUNT(*) users, SUM(verified) verified, COUNT(wallet) wallets FROM users').get();
  return ctx.reply(`users ${s.users}, verified ${s.verified}, wallets ${s.wallets}`);
});

bot.command('broadcast', async (ctx) => {
  if (!admins.includes(ctx.from.id)) return;
  for (const { id } of db.prepare('SELECT id FROM users').all()) await ctx.api.sendMessage(id, ctx.match).catch(() => {});
});

bot.catch((err) => console.error('bot error', err.message));
bot.start();
console.log('bot running');
