// Toy web app for the awareness demo. Binds to 127.0.0.1 only.
import express from "express";
import cookieParser from "cookie-parser";
import crypto from "node:crypto";

const PORT = Number(process.env.PORT || 5055);
const MIT = new Set((process.env.MITIGATE || "").split(",").filter(Boolean));
if (MIT.has("all")) ["logout", "ttl", "bind", "reauth"].forEach((m) => MIT.add(m));

const USER = { name: "alice", password: "correct-horse", totp: "000000" };
const sessions = new Map(); // sid -> { user, created, last, fp, authAt }
const IDLE_MS = 2 * 60 * 1000;

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(cookieParser());

const fp = (req) => crypto.createHash("sha256")
  .update(`${req.get("user-agent") || ""}|${req.get("sec-ch-ua") || ""}|${req.get("sec-ch-ua-platform") || ""}`)
  .digest("hex").slice(0, 16);

function session(req) {
  const sid = req.cookies.sid;
  const s = sid && sessions.get(sid);
  if (!s) return null;
  if (MIT.has("ttl") && Date.now() - s.last > IDLE_MS) { sessions.delete(sid); return null; }
  if (MIT.has("bind") && s.fp !== fp(req)) return null;
  s.last = Date.now();
  return s;
}

app.get("/", (req, res) => res.redirect(session(req) ? "/inbox" : "/login"));
app.get("/login", (_req, res) => res.send(`<h1>Demo Mail</h1><form method=post>
  <input name=u placeholder=user> <input name=p type=password placeholder=password>
  <input name=otp placeholder="TOTP"> <button>Sign in</button></form>`));

app.post("/login", (req, res) => {
  const { u, p, otp } = req.body;
  if (u !== USER.name || p !== USER.password || otp !== USER.totp) return res.status(401).send("bad login");
  const sid = crypto.randomBytes(18).toString("base64url");
  sessions.set(sid, { user: u, created: Date.now(), last: Date.now(), fp: fp(req), authAt: Date.now() });
  res.cookie("sid", sid, { httpOnly: true, sameSite: "lax", path: "/" });
  res.redirect("/inbox");
});

app.get("/inbox", (req, res) => {
  const s = session(req);
  if (!s) return res.redirect("/login");
  res.send(`<h1>Inbox of ${s.user}</h1><ul><li>Q3 payroll.xlsx</li><li>Your invoice</li></ul>
    <a href=/settings>settings</a> · <form method=post action=/logout style=display:inline><button>log out</button></form>`);
});

app.get("/settings", (req, res) => {
  const s = session(req);
  if (!s) return res.redirect("/login");
  if (MIT.has("reauth") && Date.now() - s.authAt > 60 * 1000) return res.status(403).send("step-up authentication required");
  res.send("<h1>Settings</h1><p>Forwarding rules, MFA devices, API tokens…</p>");
});

app.post("/logout", (req, res) => {
  if (MIT.has("logout")) sessions.delete(req.cookies.sid);
  res.clearCookie("sid");
  res.redirect("/login");
});

app.listen(PORT, "127.0.0.1", () => {
  console.log(`demo app on http://127.0.0.1:${PORT}  mitigations: ${[...MIT].join(",") || "none"}`);
  console.log("user: alice / password: correct-horse, TOTP: 000000");
});
