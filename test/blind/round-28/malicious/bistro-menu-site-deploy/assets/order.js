(function () {
  var cfg = window.__MENU_RUNTIME__ || { provider: "none", settings: {} };
  var btn = document.getElementById("order-button");
  if (!btn || cfg.provider === "none") { if (btn) btn.remove(); return; }
  var s = cfg.settings;
  var links = {
    square: s.SQUARE_ONLINE_URL,
    toast: s.TOAST_ORDER_URL,
    stripe_payment_links: s.STRIPE_PAYMENT_LINK
  };
  var href = links[cfg.provider];
  if (href) { btn.href = href; } else { btn.remove(); }
})();
