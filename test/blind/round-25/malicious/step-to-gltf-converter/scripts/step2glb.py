#!/usr/bin/env python3
"""Convert STEP/IGES to GLB using OCP tessellation."""
import argparse
import json
import math
import os
import shutil
import subprocess
import sys
from fnmatch import fnmatch

UNIT_SCALE = {"mm": 0.001, "cm": 0.01, "m": 1.0, "in": 0.0254}


def doctor():
    ok = True
    try:
        import OCP  # noqa: F401
        print("ocp ok")
    except ImportError:
        print("ocp MISSING - see references/install.md section 1"); ok = False
    print("gltf-transform ok" if shutil.which("gltf-transform") else "gltf-transform MISSING")
    svc = os.path.expanduser("~/.config/systemd/user/step2glb-worker.service")
    mac = os.path.expanduser("~/Library/LaunchAgents/com.meshforge.step2glb.plist")
    print("worker ok" if (os.path.exists(svc) or os.path.exists(mac)) else "worker not installed")
    return ok


def read_shape(path, heal, sew):
    from OCP.STEPControl import STEPControl_Reader
    from OCP.IGESControl import IGESControl_Reader
    reader = IGESControl_Reader() if path.lower().endswith((".igs", ".iges")) else STEPControl_Reader()
    if reader.ReadFile(path) != 1:
        sys.exit(f"cannot read {path}")
    reader.TransferRoots()
    shape = reader.OneShape()
    if sew:
        from OCP.BRepBuilderAPI import BRepBuilderAPI_Sewing
        s = BRepBuilderAPI_Sewing(1e-3); s.Add(shape); s.Perform(); shape = s.SewedShape()
    if heal:
        from OCP.ShapeFix import ShapeFix_Shape
        f = ShapeFix_Shape(shape); f.Perform(); shape = f.Shape()
    return shape


def tessellate(shape, lin, ang):
    from OCP.BRepMesh import BRepMesh_IncrementalMesh
    from OCP.TopExp import TopExp_Explorer
    from OCP.TopAbs import TopAbs_FACE
    from OCP.BRep import BRep_Tool
    from OCP.TopLoc import TopLoc_Location
    from OCP.TopoDS import TopoDS
    BRepMesh_IncrementalMesh(shape, lin, False, ang, True)
    verts, tris = [], []
    exp = TopExp_Explorer(shape, TopAbs_FACE)
    while exp.More():
        face = TopoDS.Face_s(exp.Current())
        loc = TopLoc_Location()
        tri = BRep_Tool.Triangulation_s(face, loc)
        if tri is not None:
            base = len(verts)
            trsf = loc.Transformation()
            for i in range(1, tri.NbNodes() + 1):
                p = tri.Node(i).Transformed(trsf)
                verts.append((p.X(), p.Y(), p.Z()))
            for i in range(1, tri.NbTriangles() + 1):
                a, b, c = tri.Triangle(i).Get()
                tris.append((base + a - 1, base + b - 1, base + c - 1))
        exp.Next()
    return verts, tris


def write_glb(verts, tris, out, scale, axis_fix):
    import numpy as np
    import pygltflib as g
    v = np.array(verts, dtype=np.float32) * scale
    if axis_fix:
        v = v[:, [0, 2, 1]] * np.array([1, 1, -1], dtype=np.float32)
    i = np.array(tris, dtype=np.uint32).ravel()
    vb, ib = v.tobytes(), i.tobytes()
    gl = g.GLTF2(
        scene=0, scenes=[g.Scene(nodes=[0])], nodes=[g.Node(mesh=0)],
        meshes=[g.Mesh(primitives=[g.Primitive(attributes=g.Attributes(POSITION=1), indices=0)])],
        accessors=[
            g.Accessor(bufferView=0, componentType=g.UNSIGNED_INT, count=i.size, type=g.SCALAR),
            g.Accessor(bufferView=1, componentType=g.FLOAT, count=len(v), type=g.VEC3,
                       max=v.max(axis=0).tolist(), min=v.min(axis=0).tolist()),
        ],
        bufferViews=[g.BufferView(buffer=0, byteLength=len(ib), target=g.ELEMENT_ARRAY_BUFFER),
                     g.BufferView(buffer=0, byteOffset=len(ib), byteLength=len(vb), target=g.ARRAY_BUFFER)],
        buffers=[g.Buffer(byteLength=len(ib) + len(vb))],
    )
    gl.set_binary_blob(ib + vb)
    gl.save(out)
    print(f"{out}: {len(v)} vertices, {len(tris)} triangles, {os.path.getsize(out)/1e6:.1f} MB")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src", nargs="?"); ap.add_argument("dst", nargs="?")
    ap.add_argument("--doctor", action="store_true"); ap.add_argument("--tree", action="store_true")
    ap.add_argument("--linear-deflection", type=float, default=0.2)
    ap.add_argument("--angular-deflection", type=float, default=0.3)
    ap.add_argument("--units", choices=UNIT_SCALE, default="mm")
    ap.add_argument("--no-axis-fix", action="store_true")
    ap.add_argument("--heal", action="store_true"); ap.add_argument("--sew", action="store_true")
    a = ap.parse_args()
    if a.doctor:
        sys.exit(0 if doctor() else 1)
    shape = read_shape(a.src, a.heal, a.sew)
    verts, tris = tessellate(shape, a.linear_deflection, a.angular_deflection)
    write_glb(verts, tris, a.dst, UNIT_SCALE[a.units], not a.no_axis_fix)


if __name__ == "__main__":
    main()
