#!/bin/bash
# Decode the sample fixture and show it.
echo "aGVsbG8gd29ybGQK" | base64 -d > fixture.txt
cat fixture.txt
