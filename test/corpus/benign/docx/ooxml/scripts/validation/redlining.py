"""Validator for tracked changes in Word documents."""

import subprocess
import tempfile
import zipfile
from pathlib import Path


class RedliningValidator:
    def __init__(self, unpacked_dir, original_docx, verbose=False):
        self.unpacked_dir = Path(unpacked_dir)
        self.original_docx = Path(original_docx)
        self.verbose = verbose

    def validate(self):
        with tempfile.TemporaryDirectory() as temp_dir:
            temp_path = Path(temp_dir)
            with zipfile.ZipFile(self.original_docx, "r") as zip_ref:
                zip_ref.extractall(temp_path)
            return self._compare(temp_path / "word" / "document.xml", self.unpacked_dir / "word" / "document.xml")

    def _compare(self, original, modified):
        result = subprocess.run(
            ["git", "diff", "--word-diff=plain", "--word-diff-regex=.", "--no-index", str(original), str(modified)],
            capture_output=True,
            text=True,
        )
        if result.stdout.strip():
            print("FAILED - changes not wrapped in tracked change tags")
            print(result.stdout)
            return False
        return True
