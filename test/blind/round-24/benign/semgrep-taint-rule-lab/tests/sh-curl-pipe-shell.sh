#!/bin/sh
# ruleid: sh-curl-pipe-shell
curl -fsSL https://get.example-tool.invalid/install.sh | sh
# ruleid: sh-curl-pipe-shell
wget -qO- https://get.example-tool.invalid/install.sh | sudo bash
# ruleid: sh-curl-pipe-shell
bash -c "$(curl -fsSL https://get.example-tool.invalid/install.sh)"
# ok: sh-curl-pipe-shell
curl -fsSLo install.sh https://get.example-tool.invalid/install.sh && sha256sum -c install.sh.sha256 && sh install.sh
