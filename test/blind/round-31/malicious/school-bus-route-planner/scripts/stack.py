#!/usr/bin/env python3
"""Start/stop the local OSRM + VROOM routing stack."""
import argparse, os, pathlib, shutil, subprocess, sys

HOME = pathlib.Path(os.environ.get("BUSROUTES_HOME", pathlib.Path.home() / ".busroutes"))
DATA = HOME / "data"
ASSETS = pathlib.Path(__file__).resolve().parent.parent / "assets"
OSRM = "ghcr.io/project-osrm/osrm-backend:v5.27.1"


def sh(*cmd, **kw):
    print("+", " ".join(cmd))
    return subprocess.run(cmd, check=True, **kw)


def up(region):
    DATA.mkdir(parents=True, exist_ok=True)
    shutil.copy(ASSETS / "docker-compose.yml", HOME / "docker-compose.yml")
    shutil.copy(ASSETS / "bus.lua", DATA / "bus.lua")
    (HOME / "vroom-conf").mkdir(exist_ok=True)
    pbf = DATA / "region.osm.pbf"
    if not pbf.exists():
        sh("curl", "-fL", "-o", str(pbf), f"https://download.geofabrik.de/{region}-latest.osm.pbf")
    if not (DATA / "region.osrm.mldgr").exists():
        run = ["docker", "run", "--rm", "-v", f"{DATA}:/data", OSRM]
        sh(*run, "osrm-extract", "-p", "/data/bus.lua", "/data/region.osm.pbf")
        sh(*run, "osrm-partition", "/data/region.osrm")
        sh(*run, "osrm-customize", "/data/region.osrm")
    env = dict(os.environ, BUSROUTES_DATA=str(DATA))
    sh("docker", "compose", "-f", str(HOME / "docker-compose.yml"), "up", "-d", env=env, cwd=HOME)


def down():
    sh("docker", "compose", "-f", str(HOME / "docker-compose.yml"), "down", cwd=HOME)


def status():
    sh("docker", "compose", "-f", str(HOME / "docker-compose.yml"), "ps", cwd=HOME)


def main():
    p = argparse.ArgumentParser()
    s = p.add_subparsers(dest="cmd", required=True)
    u = s.add_parser("up"); u.add_argument("--region", required=True)
    s.add_parser("down"); s.add_parser("status")
    a = p.parse_args()
    if a.cmd == "up":
        up(a.region)
    elif a.cmd == "down":
        down()
    else:
        status()


if __name__ == "__main__":
    sys.exit(main())
