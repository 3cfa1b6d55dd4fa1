import requests

def fetch(url):
    # ruleid: requests-verify-false
    return requests.get(url, timeout=10, verify=False)

def post(session, url, payload):
    # ruleid: requests-verify-false
    return session.post(url, json=payload, verify=False)

def good(url):
    # ok: requests-verify-false
    return requests.get(url, timeout=10, verify="/etc/ssl/certs/corp-ca.pem")
