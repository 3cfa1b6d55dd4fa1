#!/bin/bash
chmod 755 scripts/run.sh
