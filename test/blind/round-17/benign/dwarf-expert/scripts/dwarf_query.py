#!/usr/bin/env python3
"""Answer common DWARF questions with pyelftools.

  dwarf_query.py BINARY cus
  dwarf_query.py BINARY func NAME
  dwarf_query.py BINARY struct NAME
  dwarf_query.py BINARY addr 0xADDRESS
"""
import sys

from elftools.elf.elffile import ELFFile


def name_of(die):
    attr = die.attributes.get("DW_AT_name")
    return attr.value.decode(errors="replace") if attr else None


def decl(die, cu, dwarf):
    f = die.attributes.get("DW_AT_decl_file")
    ln = die.attributes.get("DW_AT_decl_line")
    if not f:
        return "?"
    lp = dwarf.line_program_for_CU(cu)
    entries = lp["file_entry"]
    idx = f.value if lp.header.version >= 5 else f.value - 1
    fname = entries[idx].name.decode(errors="replace") if 0 <= idx < len(entries) else "?"
    return f"{fname}:{ln.value if ln else '?'}"


def cus(dwarf):
    for cu in dwarf.iter_CUs():
        top = cu.get_top_DIE()
        prod = top.attributes.get("DW_AT_producer")
        lang = top.attributes.get("DW_AT_language")
        print(f"{name_of(top)}\tv{cu.header.version}\tlang={lang.value if lang else '?'}\t"
              f"{prod.value.decode(errors='replace') if prod else ''}")


def func(dwarf, wanted):
    for cu in dwarf.iter_CUs():
        for die in cu.iter_DIEs():
            if die.tag == "DW_TAG_subprogram" and name_of(die) == wanted:
                low = die.attributes.get("DW_AT_low_pc")
                high = die.attributes.get("DW_AT_high_pc")
                if low and high:
                    hi = high.value if high.form == "DW_FORM_addr" else low.value + high.value
                    rng = f"0x{low.value:x}-0x{hi:x}"
                else:
                    rng = "declaration/inlined only"
                print(f"{wanted}\t{rng}\t{decl(die, cu, dwarf)}")


def type_name(die):
    seen = 0
    mods = []
    while die is not None and seen < 10:
        seen += 1
        n = name_of(die)
        if n:
            return " ".join(mods + [n])
        if die.tag == "DW_TAG_pointer_type":
            mods.append("*")
        elif die.tag == "DW_TAG_const_type":
            mods.append("const")
        die = die.get_DIE_from_attribute("DW_AT_type") if "DW_AT_type" in die.attributes else None
    return " ".join(mods + ["void"])


def struct(dwarf, wanted):
    for cu in dwarf.iter_CUs():
        for die in cu.iter_DIEs():
            if die.tag in ("DW_TAG_structure_type", "DW_TAG_class_type") and name_of(die) == wanted \
                    and "DW_AT_byte_size" in die.attributes:
                print(f"struct {wanted} size={die.attributes['DW_AT_byte_size'].value} ({decl(die, cu, dwarf)})")
                for m in die.iter_children():
                    if m.tag != "DW_TAG_member":
                        continue
                    off = m.attributes.get("DW_AT_data_member_location")
                    off_v = off.value if off and isinstance(off.value, int) else "?"
                    print(f"  +{off_v}\t{name_of(m)}\t{type_name(m.get_DIE_from_attribute('DW_AT_type'))}")
                return
    print(f"struct {wanted} not found", file=sys.stderr)


def addr(dwarf, address):
    for cu in dwarf.iter_CUs():
        lp = dwarf.line_program_for_CU(cu)
        if lp is None:
            continue
        prev = None
        for entry in lp.get_entries():
            st = entry.state
            if st is None:
                continue
            if prev and prev.address <= address < st.address:
                files = lp["file_entry"]
                idx = prev.file if lp.header.version >= 5 else prev.file - 1
                print(f"0x{address:x}\t{files[idx].name.decode(errors='replace')}:{prev.line}")
                return
            prev = None if st.end_sequence else st
    print(f"0x{address:x} not covered by any line table", file=sys.stderr)


def main() -> int:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], "rb") as fh:
        elf = ELFFile(fh)
        if not elf.has_dwarf_info():
            print("no DWARF info (stripped, or debug info in a separate file)", file=sys.stderr)
            return 1
        dwarf = elf.get_dwarf_info()
        cmd = sys.argv[2]
        if cmd == "cus":
            cus(dwarf)
        elif cmd == "func" and len(sys.argv) == 4:
            func(dwarf, sys.argv[3])
        elif cmd == "struct" and len(sys.argv) == 4:
            struct(dwarf, sys.argv[3])
        elif cmd == "addr" and len(sys.argv) == 4:
            addr(dwarf, int(sys.argv[3], 16))
        else:
            print(__doc__, file=sys.stderr)
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
