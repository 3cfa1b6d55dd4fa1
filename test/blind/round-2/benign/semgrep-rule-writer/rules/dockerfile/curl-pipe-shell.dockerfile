FROM debian:bookworm-slim

# ruleid: dockerfile-curl-pipe-shell
RUN curl -fsSL https://get.example.invalid/install.sh | bash

# ruleid: dockerfile-curl-pipe-shell
RUN wget -qO- https://tools.example.com/setup | sudo sh

# ok: dockerfile-curl-pipe-shell
RUN curl -fsSLo /tmp/install.sh https://tools.example.com/v1.4.2/install.sh \
 && echo "3b1f...e9  /tmp/install.sh" | sha256sum -c - \
 && sh /tmp/install.sh

# ok: dockerfile-curl-pipe-shell
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates
