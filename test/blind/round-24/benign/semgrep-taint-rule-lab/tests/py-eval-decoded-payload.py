import base64
import codecs
import marshal
import zlib

# ruleid: py-eval-decoded-payload
exec(base64.b64decode("cHJpbnQoJ2hlbGxvJyk="))

# ruleid: py-eval-decoded-payload
eval(base64.b64decode(blob).decode("utf-8"))

# ruleid: py-eval-decoded-payload
exec(zlib.decompress(base64.b64decode(PAYLOAD)))

# ruleid: py-eval-decoded-payload
exec(marshal.loads(data))

# ok: py-eval-decoded-payload
config = base64.b64decode(os.environ["CFG"]).decode()

# ok: py-eval-decoded-payload
print(base64.b64decode("aGVsbG8="))

# todoruleid: py-eval-decoded-payload
f = exec; f(base64.b64decode(x))
