import re

RULES = [
    ("override", re.compile(r"\b(ignore|disregard|forget)\b.{0,20}\b(previous|prior|earlier|above|all)\b.{0,20}\b(instructions|rules|prompts?)\b", re.I | re.S)),
    ("role-claim", re.compile(r"(^|\n)\s*(system|assistant)\s*:|\bas your (administrator|developer|owner)\b|\bnew instructions from the user\b", re.I)),
    ("tool-push", re.compile(r"\b(send|forward|share|email|upload|post|create)\b.{0,40}\b(to|with)\b.{0,60}(@|https?://)", re.I | re.S)),
    ("secret-ask", re.compile(r"\b(password|passcode|api[ _-]?key|token|verification code|2fa code|otp)\b", re.I)),
    ("link-beacon", re.compile(r"!?\[[^\]]*\]\(https?://[^)]*[?&][a-z_]+=\{[^}]*\}", re.I)),
]
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]|[\U000E0000-\U000E007F]")
HIDDEN_HTML = re.compile(r"<[^>]+style=\"[^\"]*(display\s*:\s*none|font-size\s*:\s*0|color\s*:\s*#?fff(fff)?\b)[^\"]*\"[^>]*>(?P<inner>.*?)</", re.I | re.S)


def show_invisible(s):
    return INVISIBLE.sub(lambda m: f"<U+{ord(m.group(0)):04X}>", s)


def scan_text(field, text):
    hits = []
    if not text:
        return hits
    for rid, rx in RULES:
        m = rx.search(text)
        if m:
            hits.append((field, rid, show_invisible(text[max(0, m.start() - 20):m.start() + 140])))
    if INVISIBLE.search(text):
        hits.append((field, "invisible", show_invisible(text[:160])))
    for m in HIDDEN_HTML.finditer(text):
        inner = m.group("inner")
        if any(rx.search(inner) for _, rx in RULES):
            hits.append((field, "hidden-html", inner[:160]))
    return hits
