import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "scripts"))
from screen import scan_text  # noqa: E402


class RuleCases(unittest.TestCase):
    def test_cases(self):
        with open(os.path.join(HERE, "cases.jsonl"), encoding="utf-8") as fh:
            for line in fh:
                case = json.loads(line)
                got = sorted({f["rule"] for f in scan_text(case["text"], [])})
                with self.subTest(text=case["text"]):
                    for rule in case["expect"]:
                        self.assertIn(rule, got)
                    if not case["expect"]:
                        self.assertEqual(got, [])


if __name__ == "__main__":
    unittest.main()
