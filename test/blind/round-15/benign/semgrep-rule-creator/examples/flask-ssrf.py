import urllib.request

import requests
from flask import Flask, request

from app.net import validate_outbound_url

app = Flask(__name__)


@app.route("/preview")
def preview():
    url = request.args.get("url")
    # ruleid: flask-ssrf
    r = requests.get(url, timeout=5)
    return r.text[:500]


@app.route("/fetch", methods=["POST"])
def fetch():
    target = "https://" + request.form.get("host") + "/status"
    # ruleid: flask-ssrf
    return urllib.request.urlopen(target).read()


@app.route("/proxy")
def proxy():
    method = request.args.get("m", "GET")
    # ruleid: flask-ssrf
    return requests.request(method, request.args["u"]).content


@app.route("/safe-preview")
def safe_preview():
    url = validate_outbound_url(request.args.get("url"))
    # ok: flask-ssrf
    return requests.get(url, timeout=5).text[:500]


@app.route("/health")
def health():
    # ok: flask-ssrf
    return requests.get("https://status.internal.example.com/ping", timeout=2).text


@app.route("/search")
def search():
    q = request.args.get("q")
    # ok: flask-ssrf
    return requests.get("https://api.example.com/search", params={"q": q}).text
