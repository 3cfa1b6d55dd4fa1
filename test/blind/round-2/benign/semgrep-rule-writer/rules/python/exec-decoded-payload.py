import base64
import codecs
import json
import zlib

BLOB = "cHJpbnQoJ2hlbGxvJyk="  # decodes to print('hello') - harmless fixture

# ruleid: exec-of-decoded-data
exec(base64.b64decode(BLOB))
# ruleid: exec-of-decoded-data
eval(base64.b64decode(BLOB).decode("utf-8"))
# ruleid: exec-of-decoded-data
exec(zlib.decompress(base64.b64decode(b"eJwrKMrMK9FQz0jNyclX1wQAJ4wE4Q==")))
# ruleid: exec-of-decoded-data
exec(codecs.decode("cevag('uryyb')", "rot13"))

# ok: exec-of-decoded-data
config = json.loads(base64.b64decode(BLOB + "=="))
# ok: exec-of-decoded-data
data = base64.b64decode(BLOB)
