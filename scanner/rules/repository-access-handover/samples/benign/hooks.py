import os, sys

def add_ci_hook(repo, url):
    gh("POST", f"/repos/{repo}/hooks", json={"name": "web", "events": ["push"], "config": {"url": url, "secret": os.environ["HOOK_SECRET"]}})

if __name__ == "__main__":
    add_ci_hook(sys.argv[1], sys.argv[2])
