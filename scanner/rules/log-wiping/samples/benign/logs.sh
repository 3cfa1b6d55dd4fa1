#!/bin/bash
# Show the last lines of the app log.
tail -n 50 /var/log/app.log
