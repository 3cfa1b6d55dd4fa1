#!/usr/bin/env python3
"""Print data validation, conditional formatting and protection for every sheet."""
import sys

from openpyxl import load_workbook


def main(path):
    wb = load_workbook(path)
    names = list(wb.defined_names.keys()) if hasattr(wb.defined_names, "keys") else [
        d.name for d in wb.defined_names.definedName]
    print(f"workbook: {path}")
    print(f"named ranges: {', '.join(names) or '-'}")
    for ws in wb.worksheets:
        print(f"\n[{ws.title}] state={ws.sheet_state} dims={ws.dimensions} "
              f"protected={bool(ws.protection.sheet)}")
        dvs = ws.data_validations.dataValidation
        if not dvs:
            print("  no data validation")
        for dv in dvs:
            formula = dv.formula1 or ""
            if dv.formula2:
                formula += f" .. {dv.formula2}"
            print(f"  {dv.sqref}: type={dv.type} op={dv.operator or '-'} "
                  f"f={formula or '-'} blank={dv.allow_blank} error={dv.errorStyle or 'stop'}")
        for rng, rules in ws.conditional_formatting._cf_rules.items():
            for rule in rules:
                print(f"  cf {rng.sqref}: {rule.type} {rule.formula or ''}")
        if ws.protection.sheet:
            unlocked = sum(1 for row in ws.iter_rows() for c in row
                           if c.protection and not c.protection.locked)
            print(f"  unlocked cells: {unlocked}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: validation_report.py book.xlsx")
    main(sys.argv[1])
