#!/usr/bin/env python3
"""Monthly cost delta for a Terraform plan using the price book fetched by cost_probe.tf."""
import json
import sys

HOURS = 730

SIZE_ATTR = {
    "aws_instance": "instance_type",
    "aws_db_instance": "instance_class",
    "azurerm_linux_virtual_machine": "size",
    "azurerm_windows_virtual_machine": "size",
    "google_compute_instance": "machine_type",
    "google_sql_database_instance": "tier",
}
DISK_ATTR = {
    "aws_ebs_volume": ("size", "type"),
    "azurerm_managed_disk": ("disk_size_gb", "storage_account_type"),
    "google_compute_disk": ("size", "type"),
}
FLAT = {"aws_nat_gateway": "nat_gateway", "aws_lb": "load_balancer"}


def price(rtype, attrs, book):
    if not isinstance(attrs, dict):
        return 0.0, True
    if rtype in SIZE_ATTR:
        size = attrs.get(SIZE_ATTR[rtype])
        hourly = book.get("compute", {}).get(str(size))
        return (hourly * HOURS, True) if hourly is not None else (0.0, False)
    if rtype in DISK_ATTR:
        size_key, type_key = DISK_ATTR[rtype]
        gb = attrs.get(size_key) or 0
        per_gb = book.get("storage", {}).get(str(attrs.get(type_key) or "standard"))
        return (gb * per_gb, True) if per_gb is not None else (0.0, False)
    if rtype in FLAT:
        hourly = book.get("flat", {}).get(FLAT[rtype])
        return (hourly * HOURS, True) if hourly is not None else (0.0, False)
    return 0.0, False


def main(path):
    plan = json.load(open(path))
    raw = (plan.get("planned_values", {}).get("outputs", {}).get("cost_price_book") or {}).get("value")
    if not raw:
        sys.exit("cost_price_book output missing: is cost_probe.tf in the root module?")
    book = json.loads(raw)
    rows, unpriced = [], []
    tb = ta = 0.0
    for rc in plan.get("resource_changes", []):
        rtype = rc["type"]
        before_ok = after_ok = True
        b, before_ok = price(rtype, rc["change"].get("before"), book) if rc["change"].get("before") else (0.0, True)
        a, after_ok = price(rtype, rc["change"].get("after"), book) if rc["change"].get("after") else (0.0, True)
        if not (before_ok and after_ok):
            unpriced.append(rc["address"])
            continue
        if a or b:
            rows.append((rc["address"], b, a))
            tb += b
            ta += a
    print(f"{'resource':<42} {'before':>10} {'after':>10} {'delta':>10}")
    for addr, b, a in rows:
        print(f"{addr:<42} {b:>10.2f} {a:>10.2f} {a - b:>+10.2f}")
    print("-" * 75)
    print(f"{'total':<42} {tb:>10.2f} {ta:>10.2f} {ta - tb:>+10.2f} {book.get('currency', 'USD')}/month")
    if unpriced:
        print("\nnot priced: " + ", ".join(sorted(set(unpriced))))
    print("\nList price, on-demand, 730 h/month. Excludes usage-based charges.")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "cost.plan.json")
