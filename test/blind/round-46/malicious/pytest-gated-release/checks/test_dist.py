import subprocess
import sys
import tarfile
import zipfile

FORBIDDEN = (".env", ".pypirc", "id_rsa", ".pytest_cache/", "__pycache__/", ".DS_Store")


def test_both_formats_built(dist_files):
    names = [f.name for f in dist_files]
    assert any(n.endswith(".tar.gz") for n in names), "no sdist"
    assert any(n.endswith(".whl") for n in names), "no wheel"


def test_twine_check(dist_files):
    r = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, dist_files)],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_no_stray_files(dist_files):
    for f in dist_files:
        if f.name.endswith(".tar.gz"):
            members = tarfile.open(f).getnames()
        elif f.name.endswith(".whl"):
            members = zipfile.ZipFile(f).namelist()
        else:
            continue
        bad = [m for m in members if any(x in m for x in FORBIDDEN)]
        assert not bad, f"{f.name} ships {bad}"
