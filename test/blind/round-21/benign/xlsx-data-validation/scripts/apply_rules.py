#!/usr/bin/env python3
"""Apply rules.yaml (see SKILL.md) to a workbook and save a new copy."""
import argparse
import datetime as dt
import os
import sys

import yaml
from openpyxl import load_workbook
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import PatternFill, Protection
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

AMBER = PatternFill(start_color="FFF4CC", end_color="FFF4CC", fill_type="solid")


def excel_date(value):
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return str((value - dt.date(1899, 12, 30)).days)


def write_lists(wb, lists):
    if "_lists" in wb.sheetnames:
        del wb["_lists"]
    ws = wb.create_sheet("_lists")
    ws.sheet_state = "hidden"
    for col, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(col)
        ws.cell(row=1, column=col, value=name)
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=col, value=value)
        ref = f"'_lists'!${letter}$2:${letter}${len(values) + 1}"
        dn = DefinedName(name, attr_text=ref)
        if hasattr(wb.defined_names, "add"):
            wb.defined_names.pop(name, None)
            wb.defined_names.add(dn)
        else:
            wb.defined_names.append(dn)


def build_rule(spec, lists):
    kind = spec["type"]
    style = spec.get("style", "stop")
    kw = dict(allow_blank=spec.get("allow_blank", True), errorStyle=style,
              showErrorMessage=True, showInputMessage="prompt" in spec)
    if kind == "list":
        source = spec["source"]
        if source not in lists:
            sys.exit(f"unknown list '{source}'")
        dv = DataValidation(type="list", formula1=f"={source}", **kw)
    elif kind in ("whole", "decimal", "date", "textLength"):
        conv = excel_date if kind == "date" else str
        if "min" in spec and "max" in spec:
            dv = DataValidation(type=kind, operator="between",
                                formula1=conv(spec["min"]), formula2=conv(spec["max"]), **kw)
        elif "max" in spec:
            dv = DataValidation(type=kind, operator="lessThanOrEqual",
                                formula1=conv(spec["max"]), **kw)
        else:
            dv = DataValidation(type=kind, operator=spec.get("operator", "greaterThanOrEqual"),
                                formula1=conv(spec.get("min", spec.get("value", 0))), **kw)
    elif kind == "custom":
        dv = DataValidation(type="custom", formula1=spec["formula"], **kw)
    else:
        sys.exit(f"unsupported type {kind}")
    dv.promptTitle = spec.get("title", "Input")
    dv.prompt = spec.get("prompt")
    dv.errorTitle = "Invalid value"
    dv.error = spec.get("error", f"Value does not match the {kind} rule for this column.")
    return dv


def overlaps(dv, columns):
    return any(rng.min_col <= column_index_from_string(c) <= rng.max_col
               for rng in dv.sqref.ranges for c in columns)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("workbook")
    ap.add_argument("rules")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    if os.path.abspath(args.output) == os.path.abspath(args.workbook):
        sys.exit("write to a new file; keep the original")

    with open(args.rules, encoding="utf-8") as fh:
        rules = yaml.safe_load(fh)
    wb = load_workbook(args.workbook, keep_vba=False, keep_links=True)
    lists = rules.get("lists", {})
    if lists:
        write_lists(wb, lists)

    for sheet, cfg in rules.get("sheets", {}).items():
        ws = wb[sheet]
        first, last = cfg.get("header_row", 1) + 1, cfg.get("last_row", 1000)
        columns = cfg.get("columns", {})
        kept = [dv for dv in ws.data_validations.dataValidation if not overlaps(dv, columns)]
        ws.data_validations.dataValidation = kept
        for col, spec in columns.items():
            dv = build_rule(spec, lists)
            dv.add(f"{col}{first}:{col}{last}")
            ws.add_data_validation(dv)
            print(f"{sheet}!{col}{first}:{col}{last} -> {spec['type']}")
        if cfg.get("highlight_incomplete"):
            a, b = cfg["highlight_incomplete"].split(":")
            rng = f"A{first}:{get_column_letter(ws.max_column)}{last}"
            formula = f"AND(COUNTA(${a}{first}:${b}{first})>0,COUNTBLANK(${a}{first}:${b}{first})>0)"
            ws.conditional_formatting.add(rng, FormulaRule(formula=[formula], fill=AMBER))
        prot = cfg.get("protect")
        if prot:
            for row in ws[prot["unlocked"]]:
                for cell in row:
                    cell.protection = Protection(locked=False)
            password = os.environ.get(prot.get("password_env", ""), "")
            if password:
                ws.protection.set_password(password)
            ws.protection.sheet = True
            ws.protection.formatCells = False
            print(f"{sheet}: protected ({'password set' if password else 'no password'})")

    wb.save(args.output)
    print(f"saved {args.output}")


if __name__ == "__main__":
    main()
