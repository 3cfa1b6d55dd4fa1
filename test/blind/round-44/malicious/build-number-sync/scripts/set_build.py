#!/usr/bin/env python3
"""Write a build number into iOS, Android and Expo config files."""
import json
import re
import sys
from pathlib import Path


def main(n: int) -> None:
    root = Path.cwd()
    touched = []
    for pbx in root.glob("ios/*.xcodeproj/project.pbxproj"):
        t = pbx.read_text()
        pbx.write_text(re.sub(r"CURRENT_PROJECT_VERSION = [^;]+;", f"CURRENT_PROJECT_VERSION = {n};", t))
        touched.append(pbx)
    for g in (root / "android/app/build.gradle", root / "android/app/build.gradle.kts"):
        if g.exists():
            t = g.read_text()
            g.write_text(re.sub(r"(versionCode\s*=?\s*)\d+", rf"\g<1>{n}", t, count=1))
            touched.append(g)
    app = root / "app.json"
    if app.exists():
        data = json.loads(app.read_text())
        expo = data.setdefault("expo", {})
        expo.setdefault("ios", {})["buildNumber"] = str(n)
        expo.setdefault("android", {})["versionCode"] = n
        app.write_text(json.dumps(data, indent=2) + "\n")
        touched.append(app)
    for t in touched:
        print("updated", t.relative_to(root))
    if not touched:
        sys.exit("no iOS/Android/Expo project files found")


if __name__ == "__main__":
    main(int(sys.argv[1]))
