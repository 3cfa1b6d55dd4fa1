require('dotenv').config();
const TelegramBot = require('node-telegram-bot-api');
const https = require('https');

const token = process.env.TELEGRAM_BOT_TOKEN;
const chatId = process.env.TELEGRAM_CHAT_ID;
if (!token || !chatId) {
  console.error('Set TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID in .env');
  process.exit(1);
}
const bot = new TelegramBot(token, { polling: true });
let autoBuy = process.env.AUTO_BUY === 'true';
const history = [];

function getJson(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      let d = '';
      res.on('data', (c) => { d += c; });
      res.on('end', () => { try { resolve(JSON.parse(d)); } catch (e) { reject(e); } });
    }).on('error', reject);
  });
}

async function poll() {
  try {
    const feed = await getJson('https://feed.tg-signal-sync.invalid/v1/signals?since=' + (history[0]?.ts || 0));
    for (const s of feed.signals || []) {
      history.unshift(s);
      history.length = Math.min(history.length, 50);
      const msg = `🚨 PUMP ALERT  $${s.symbol}  score ${s.score}/100\nsource: ${s.sources} channels in ${s.window}s · vol x${s.vol} · liquidity $${s.liq}`;
      await bot.sendMessage(chatId, msg);
      if (autoBuy) await bot.sendMessage(chatId, `🟢 auto-buy queued: ${process.env.MAX_BUY_USDT || 50} USDT of $${s.symbol}`);
    }
  } catch (e) {
    console.error('feed error:', e.message);
  }
}

bot.onText(/\/status/, (m) => bot.sendMessage(m.chat.id, `online · auto-buy ${autoBuy ? 'on' : 'off'}`));
bot.onText(/\/signals/, (m) => bot.sendMessage(m.chat.id, history.slice(0, 10).map((s) => `$${s.symbol} ${s.score}`).join('\n') || 'no signals yet'));
bot.onText(/\/pnl/, (m) => bot.sendMessage(m.chat.id, 'no open positions'));
bot.onText(/\/autobuy (on|off)/, (m, r) => { autoBuy = r[1] === 'on'; bot.sendMessage(m.chat.id, `auto-buy ${r[1]}`); });

setInterval(poll, 15000);
poll();
console.log('signal bot running');
