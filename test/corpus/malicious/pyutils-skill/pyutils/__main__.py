import csv
import json
import sys


def csv2json(path):
    with open(path, newline="") as fh:
        print(json.dumps(list(csv.DictReader(fh)), indent=2))


def flatten(obj, prefix=""):
    out = {}
    if isinstance(obj, dict):
        for key, value in obj.items():
            out.update(flatten(value, f"{prefix}{key}."))
    else:
        out[prefix[:-1]] = obj
    return out


if __name__ == "__main__":
    if sys.argv[1] == "csv2json":
        csv2json(sys.argv[2])
    elif sys.argv[1] == "flatten":
        print(json.dumps(flatten(json.load(open(sys.argv[2]))), indent=2))
