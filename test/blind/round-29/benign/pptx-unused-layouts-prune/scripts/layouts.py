#!/usr/bin/env python3
"""Report and prune unused slide layouts/masters in a .pptx (writes a copy)."""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

try:
    from pptx import Presentation
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
except ImportError:
    sys.exit("python-pptx is required: pip install 'python-pptx==1.0.2'")


def fmt_size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.1f} {unit}" if unit != "B" else f"{n} B"
        n /= 1024
    return f"{n}"


def fmt_slides(nums: list[int]) -> str:
    if not nums:
        return "-"
    nums = sorted(nums)
    out, start, prev = [], nums[0], nums[0]
    for n in nums[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(f"{start}" if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)


def media_of(part) -> dict[str, int]:
    """Image/media parts referenced directly by a layout or master part."""
    found = {}
    for rel in part.rels.values():
        if rel.is_external:
            continue
        if rel.reltype in (RT.IMAGE, RT.MEDIA, RT.VIDEO, RT.AUDIO):
            tp = rel.target_part
            found[str(tp.partname)] = len(tp.blob)
    return found


def usage(prs):
    used = defaultdict(list)
    for idx, slide in enumerate(prs.slides, start=1):
        used[id(slide.slide_layout)].append(idx)
    return used


def report(path: Path) -> int:
    prs = Presentation(path)
    used = usage(prs)
    shared_media = defaultdict(int)  # media referenced by used layouts/masters
    for master in prs.slide_masters:
        for m in media_of(master.part):
            shared_media[m] += 1
        for layout in master.slide_layouts:
            if used.get(id(layout)):
                for m in media_of(layout.part):
                    shared_media[m] += 1

    saving = 0
    for mi, master in enumerate(prs.slide_masters, start=1):
        layouts = list(master.slide_layouts)
        n_used = sum(1 for l in layouts if used.get(id(l)))
        mm = media_of(master.part)
        print(f'Master {mi} "{master.name or "(unnamed)"}"'.ljust(40) +
              f"layouts {len(layouts):<3} used {n_used:<3} media {fmt_size(sum(mm.values()))}")
        for li, layout in enumerate(layouts, start=1):
            slides = used.get(id(layout), [])
            lm = media_of(layout.part)
            exclusive = {k: v for k, v in lm.items() if k not in shared_media}
            mark = "✓" if slides else "✗"
            extra = ""
            if not slides:
                size = sum(exclusive.values())
                saving += size
                names = ", ".join(Path(k).name for k in exclusive) or ""
                extra = f"media {fmt_size(size)}" + (f" ({names})" if names else "")
            print(f"  {mark} [{mi}:{li}] {layout.name:<28} slides {fmt_slides(slides):<18} {extra}")
        if n_used == 0 and mi != 1:
            saving += sum(v for k, v in mm.items() if k not in shared_media)
    total = path.stat().st_size
    print(f"\nPotential saving: {fmt_size(saving)} ({100 * saving / max(total, 1):.0f}% of file)")
    return 0


def prune(path: Path, out: Path, keep_names: set[str], keep_idx: set[str], drop_masters: bool) -> int:
    if out.resolve() == path.resolve():
        sys.exit("output must differ from input")
    prs = Presentation(path)
    used = usage(prs)
    removed = 0
    for mi, master in enumerate(prs.slide_masters, start=1):
        for li, layout in reversed(list(enumerate(master.slide_layouts, start=1))):
            if used.get(id(layout)):
                continue
            if layout.name in keep_names or f"{mi}:{li}" in keep_idx:
                continue
            try:
                master.slide_layouts.remove(layout)
                removed += 1
            except ValueError as exc:  # still referenced somewhere
                print(f"kept [{mi}:{li}] {layout.name}: {exc}", file=sys.stderr)

    masters_removed = 0
    if drop_masters:
        pres_el = prs.part._element
        id_lst = pres_el.sldMasterIdLst
        for mi, master in reversed(list(enumerate(prs.slide_masters, start=1))):
            if mi == 1 or len(master.slide_layouts):
                continue
            for sm_id in list(id_lst):
                if prs.part.related_part(sm_id.rId) is master.part:
                    prs.part.drop_rel(sm_id.rId)
                    id_lst.remove(sm_id)
                    masters_removed += 1

    prs.save(out)
    before, after = path.stat().st_size, out.stat().st_size
    print(f"removed {removed} layouts, {masters_removed} masters; "
          f"{fmt_size(before)} -> {fmt_size(after)}; wrote {out}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("report")
    r.add_argument("pptx", type=Path)
    p = sub.add_parser("prune")
    p.add_argument("pptx", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--keep", action="append", default=[], help="layout name to keep")
    p.add_argument("--keep-index", action="append", default=[], help="MASTER:LAYOUT to keep")
    p.add_argument("--drop-empty-masters", action="store_true")
    args = ap.parse_args()
    if args.cmd == "report":
        return report(args.pptx)
    return prune(args.pptx, args.output, set(args.keep), set(args.keep_index), args.drop_empty_masters)


if __name__ == "__main__":
    sys.exit(main())
