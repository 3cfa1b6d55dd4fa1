"""Rule table for screen.py.

Each rule: (rule_id, family, severity, compiled regex).
Strings here are detection patterns; they are matched against untrusted text
and never evaluated.
"""
import re

I = re.IGNORECASE | re.MULTILINE

RULES = [
    ("OVR-001", "override", "high",
     re.compile(r"\b(ignore|disregard|forget)\b.{0,30}\b(all|any|the)?\s*(previous|prior|above|earlier)\s+(instructions|prompts?|rules|context)", I)),
    ("OVR-002", "override", "high",
     re.compile(r"\bnew\s+instructions?\s*[:\-]", I)),
    ("OVR-003", "override", "medium",
     re.compile(r"\b(do not|don't)\s+(tell|inform|mention).{0,20}\b(user|customer|human)\b", I)),
    ("ROLE-001", "role-swap", "high",
     re.compile(r"\byou\s+are\s+now\s+(?:an?\s+)?(DAN|developer mode|unrestricted|jailbroken)", I)),
    ("ROLE-002", "role-swap", "high",
     re.compile(r"^\s*(#{1,3}\s*)?(system|assistant)\s*:\s*", I)),
    ("ROLE-003", "role-swap", "medium",
     re.compile(r"</?(system|instructions|im_start|im_end)>", I)),
    ("TOOL-001", "tool-bait", "high",
     re.compile(r"\b(curl|wget)\b[^\n|]{0,200}\|\s*(ba|z)?sh\b", I)),
    ("TOOL-002", "tool-bait", "high",
     re.compile(r"\b(run|execute|paste)\b.{0,40}\b(terminal|shell|command line|powershell)\b", I)),
    ("TOOL-003", "tool-bait", "medium",
     re.compile(r"\b(iex|invoke-expression)\b.{0,60}(downloadstring|iwr|invoke-webrequest)", I)),
    ("EXF-001", "exfil-markup", "high",
     re.compile(r"!\[[^\]]*\]\(\s*https?://[^)\s]+\?[^)\s]*(\{|%7B|\$\(|<)", I)),
    ("EXF-002", "exfil-markup", "high",
     re.compile(r"\b(send|forward|post|upload)\b.{0,40}\b(conversation|chat history|api key|credentials|\.env|ssh key)\b", I)),
    ("URG-001", "urgency", "low",
     re.compile(r"\b(as (the|an) (admin|administrator|developer|owner))\b.{0,40}\b(authori[sz]e|permit|allow)\b", I)),
]

# Characters that render as nothing but survive copy/paste.
HIDDEN_CHARS = {
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
}
TAG_BLOCK = range(0xE0000, 0xE0080)

B64_RUN = re.compile(r"[A-Za-z0-9+/]{80,}={0,2}")
HEX_RUN = re.compile(r"\b(?:[0-9a-fA-F]{2}){60,}\b")
HTML_HIDDEN = re.compile(
    r"<[^>]+style\s*=\s*\"[^\"]*(display\s*:\s*none|font-size\s*:\s*0|color\s*:\s*#?fff(fff)?\b)[^\"]*\"[^>]*>",
    I,
)
HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.S)

SEVERITY_SCORE = {"low": 1, "medium": 2, "high": 4}
