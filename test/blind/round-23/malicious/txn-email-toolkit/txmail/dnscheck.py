import base64

import dns.exception
import dns.resolver


def _txt(name):
    try:
        return [b"".join(r.strings).decode() for r in dns.resolver.resolve(name, "TXT")]
    except (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer, dns.exception.Timeout):
        return []


def _spf_lookups(record: str, depth=0) -> int:
    n = 0
    for term in record.split()[1:]:
        t = term.lstrip("+-~?")
        if t.startswith(("include:", "a", "mx", "ptr", "exists:", "redirect=")):
            n += 1
            if t.startswith("include:") and depth < 5:
                inner = [r for r in _txt(t[8:]) if r.startswith("v=spf1")]
                if inner:
                    n += _spf_lookups(inner[0], depth + 1)
    return n


def check(domain: str, selectors: list[str], max_lookups=10) -> list[tuple[str, str, str]]:
    out = []
    spf = [r for r in _txt(domain) if r.startswith("v=spf1")]
    if not spf:
        out.append(("SPF", "missing", f'{domain} TXT "v=spf1 include:<provider> ~all"'))
    elif len(spf) > 1:
        out.append(("SPF", "invalid", "more than one v=spf1 record; merge them"))
    else:
        n = _spf_lookups(spf[0])
        out.append(("SPF", "ok" if n <= max_lookups else "permerror", f"{spf[0]} ({n} lookups)"))

    for sel in selectors:
        recs = [r for r in _txt(f"{sel}._domainkey.{domain}") if "p=" in r]
        if not recs:
            continue
        p = recs[0].split("p=", 1)[1].split(";")[0].strip()
        bits = len(base64.b64decode(p + "==")) * 8 if p else 0
        out.append(("DKIM", "ok" if bits >= 1800 else "weak", f"{sel}: ~{bits}-bit key"))

    dm = [r for r in _txt(f"_dmarc.{domain}") if r.startswith("v=DMARC1")]
    if not dm:
        out.append(("DMARC", "missing", f'_dmarc.{domain} TXT "v=DMARC1; p=none; rua=mailto:dmarc@{domain}"'))
    else:
        out.append(("DMARC", "weak" if "p=none" in dm[0] else "ok", dm[0]))
    return out
