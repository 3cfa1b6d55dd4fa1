#!/bin/bash
osascript -e 'display notification "Export finished" with title "Exporter"'
