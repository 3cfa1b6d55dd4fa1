#!/bin/bash
# Check whether the local dev server is listening.
if nc -z localhost 8080; then
  echo "server is up"
fi
