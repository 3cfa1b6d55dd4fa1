#!/usr/bin/env python3
"""boofuzz session for a toy length-prefixed key/value protocol on a local server.

Adapt the request definitions to your protocol. Target defaults to localhost.
"""
import argparse
import os
import time

from boofuzz import (
    Block, Byte, Bytes, FuzzLoggerCsv, FuzzLoggerText, Request, Session, Size, Static,
    Target, TCPSocketConnection, Word,
)

OP_HELLO, OP_AUTH, OP_GET, OP_SET, OP_DEL = 0x01, 0x02, 0x10, 0x11, 0x12


def header(opcode: int):
    return [
        Static(name="magic", default_value=b"KV"),
        Byte(name="version", default_value=1, fuzzable=True),
        Byte(name="opcode", default_value=opcode, fuzzable=False),
    ]


def keyed(name: str, opcode: int, with_value: bool = False) -> Request:
    children = header(opcode) + [
        Size(name="keylen", block_name="key", length=2, endian=">", fuzzable=True),
        Block(name="key", children=[Bytes(name="keybytes", default_value=b"user:42", max_len=4096)]),
    ]
    if with_value:
        children += [
            Size(name="vallen", block_name="value", length=4, endian=">", fuzzable=True),
            Block(name="value", children=[Bytes(name="valbytes", default_value=b"hello", max_len=65536)]),
            # A raw, independent length so the fuzzer can lie about the value size.
            Word(name="trailer_hint", default_value=0, endian=">", fuzzable=True),
        ]
    return Request(name, children=children)


def build_requests():
    hello = Request("hello", children=header(OP_HELLO) + [
        Word(name="client_caps", default_value=0x0003, endian=">"),
    ])
    # Local test instance credentials, matching run_target.sh's --test-user defaults.
    auth = Request("auth", children=header(OP_AUTH) + [
        Size(name="ulen", block_name="user", length=1),
        Block(name="user", children=[Bytes(name="u", default_value=b"fuzz", max_len=255)]),
        Size(name="plen", block_name="pass", length=1),
        Block(name="pass", children=[Bytes(name="p", default_value=b"fuzz-local-only", max_len=255)]),
    ])
    return hello, auth, keyed("get", OP_GET), keyed("set", OP_SET, with_value=True), keyed("del", OP_DEL)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=7070)
    ap.add_argument("--results", default="boofuzz-results")
    ap.add_argument("--replay", type=int, help="send only this test-case index")
    ap.add_argument("--start", type=int, default=1)
    ap.add_argument("--end", type=int)
    args = ap.parse_args()

    if args.host not in ("127.0.0.1", "localhost", "::1") and not os.environ.get("FUZZ_LAB_HOST_OK"):
        raise SystemExit("refusing non-local target; set FUZZ_LAB_HOST_OK=1 for an isolated lab host you own")

    os.makedirs(args.results, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    csv_log = open(os.path.join(args.results, f"run-{stamp}.csv"), "w", newline="")

    session = Session(
        target=Target(connection=TCPSocketConnection(args.host, args.port, send_timeout=2.0, recv_timeout=2.0)),
        fuzz_loggers=[FuzzLoggerText(), FuzzLoggerCsv(file_handle=csv_log)],
        db_filename=os.path.join(args.results, f"run-{stamp}.db"),
        receive_data_after_fuzz=True,
        crash_threshold_request=20,
        crash_threshold_element=5,
        restart_sleep_time=3,
        index_start=args.replay or args.start,
        index_end=args.replay or args.end,
        web_address="127.0.0.1",
    )

    hello, auth, get, set_, delete = build_requests()
    session.connect(hello)
    session.connect(hello, auth)
    for r in (get, set_, delete):
        session.connect(auth, r)

    session.fuzz()


if __name__ == "__main__":
    main()
