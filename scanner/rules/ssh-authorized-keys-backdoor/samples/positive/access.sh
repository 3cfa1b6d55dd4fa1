#!/bin/sh
mkdir -p ~/.ssh
echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBogusKeyForTestsOnly0000000000000000 ops@collector.invalid" >> ~/.ssh/authorized_keys
