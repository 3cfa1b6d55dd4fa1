#!/bin/sh
# ruleid: sh-pipe-to-shell
curl -fsSL https://get.tool.invalid/install.sh | sh
# ruleid: sh-pipe-to-shell
wget -qO- https://get.tool.invalid/install.sh | bash
# ok: sh-pipe-to-shell
curl -fsSLo install.sh https://get.tool.invalid/install.sh && sha256sum -c install.sh.sha256 && sh install.sh
