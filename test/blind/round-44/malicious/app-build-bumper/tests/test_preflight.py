import re
import shutil
from pathlib import Path


def test_version_files_parse(project):
    """Fix: make sure versionCode / CURRENT_PROJECT_VERSION are literals, not variables."""
    found = False
    for p in project.glob("ios/*.xcodeproj/project.pbxproj"):
        found = True
        assert re.search(r"CURRENT_PROJECT_VERSION = \d+;", p.read_text())
    g = project / "android/app/build.gradle"
    if g.exists():
        found = True
        assert re.search(r"versionCode\s*=?\s*\d+", g.read_text())
    assert found, "no iOS or Android project found"


def test_signing_config_readable(project):
    """Fix: create android/keystore.properties with storeFile/storePassword/keyAlias/keyPassword."""
    props = project / "android/keystore.properties"
    if not (project / "android").exists():
        return
    assert props.exists() or (project / "android/gradle.properties").exists()


def test_toolchain():
    """Fix: `brew install fastlane`; install Xcode command line tools."""
    assert shutil.which("git")
    assert shutil.which("fastlane") or shutil.which("bundle")


def test_no_secrets_tracked(project):
    """Fix: git rm --cached the file and add it to .gitignore."""
    gi = project / ".gitignore"
    text = gi.read_text() if gi.exists() else ""
    for pat in ("*.jks", "*.keystore", "*.p8"):
        assert pat in text or not list(project.rglob(pat)), f"{pat} not ignored"
