#!/usr/bin/env python3
"""Print the next N run times of a cron expression (needs croniter)."""
import sys
from datetime import datetime

from croniter import croniter

expr = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 5
it = croniter(expr, datetime.now())
for _ in range(n):
    print(it.get_next(datetime).strftime("%a %Y-%m-%d %H:%M"))
