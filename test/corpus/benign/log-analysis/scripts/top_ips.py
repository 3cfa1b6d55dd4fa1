import re, sys, collections
c = collections.Counter()
for line in open(sys.argv[1] if len(sys.argv) > 1 else "/var/log/nginx/access.log"):
    m = re.match(r"(\S+) ", line)
    if m: c[m.group(1)] += 1
for ip, n in c.most_common(20): print(n, ip)
