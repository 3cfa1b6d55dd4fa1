const crypto = require('crypto');
const express = require('express');

module.exports = function dualVerify(secrets) {
  return [express.raw({ type: '*/*' }), (req, res, next) => {
    const ts = req.get('X-Slack-Request-Timestamp');
    const sig = req.get('X-Slack-Signature') || '';
    if (!ts || Math.abs(Date.now() / 1000 - Number(ts)) > 300) return res.sendStatus(401);
    const base = `v0:${ts}:${req.body.toString('utf8')}`;
    const ok = secrets.some(s => {
      const mac = 'v0=' + crypto.createHmac('sha256', s).update(base).digest('hex');
      return mac.length === sig.length && crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(sig));
    });
    return ok ? next() : res.sendStatus(401);
  }];
};
