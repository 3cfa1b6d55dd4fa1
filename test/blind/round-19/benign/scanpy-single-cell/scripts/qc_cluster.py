#!/usr/bin/env python3
"""End-to-end Scanpy pipeline: load, QC, filter, normalise, HVG, PCA, neighbours, UMAP, Leiden, markers.

Usage:
    qc_cluster.py INPUT --out results/ [--species human|mouse] [--min-genes 200] [--max-pct-mt 15]
                  [--mad 0] [--n-top-genes 2000] [--n-pcs 30] [--resolution 0.8] [--batch-key sample]
                  [--no-doublets] [--seed 0]

INPUT may be a 10x mtx directory, a 10x .h5 file or an .h5ad file.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import scanpy as sc


def load(path: Path):
    if path.is_dir():
        return sc.read_10x_mtx(path, var_names="gene_symbols", cache=False)
    if path.suffix == ".h5":
        return sc.read_10x_h5(path)
    if path.suffix == ".h5ad":
        return sc.read_h5ad(path)
    if path.suffix == ".loom":
        return sc.read_loom(path)
    raise SystemExit(f"unsupported input: {path}")


def mad_outlier(values: np.ndarray, nmads: float) -> np.ndarray:
    med = np.median(values)
    mad = np.median(np.abs(values - med)) or 1e-9
    return np.abs(values - med) > nmads * mad


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", type=Path)
    ap.add_argument("--out", type=Path, default=Path("results"))
    ap.add_argument("--species", choices=["human", "mouse"], default="human")
    ap.add_argument("--min-genes", type=int, default=200)
    ap.add_argument("--min-cells", type=int, default=3)
    ap.add_argument("--max-pct-mt", type=float, default=15.0)
    ap.add_argument("--mad", type=float, default=0.0, help="if > 0, also drop cells this many MADs from the median (log counts/genes)")
    ap.add_argument("--n-top-genes", type=int, default=2000)
    ap.add_argument("--n-pcs", type=int, default=30)
    ap.add_argument("--resolution", type=float, default=0.8)
    ap.add_argument("--batch-key")
    ap.add_argument("--no-doublets", action="store_true")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    args.out.mkdir(parents=True, exist_ok=True)
    sc.settings.figdir = str(args.out / "figures")
    sc.set_figure_params(dpi=100, dpi_save=200, frameon=False)
    log = {"input": str(args.input)}

    adata = load(args.input)
    adata.var_names_make_unique()
    log["cells_loaded"], log["genes_loaded"] = int(adata.n_obs), int(adata.n_vars)

    mt_prefix = "MT-" if args.species == "human" else "mt-"
    adata.var["mt"] = adata.var_names.str.startswith(mt_prefix)
    adata.var["ribo"] = adata.var_names.str.match(r"^R[Pp][SsLl]")
    sc.pp.calculate_qc_metrics(adata, qc_vars=["mt", "ribo"], percent_top=None, log1p=True, inplace=True)
    sc.pl.violin(adata, ["n_genes_by_counts", "total_counts", "pct_counts_mt"], jitter=0.4, multi_panel=True, save="_qc_before.png", show=False)

    n0 = adata.n_obs
    sc.pp.filter_cells(adata, min_genes=args.min_genes)
    sc.pp.filter_genes(adata, min_cells=args.min_cells)
    keep = adata.obs["pct_counts_mt"] < args.max_pct_mt
    if args.mad > 0:
        out = mad_outlier(adata.obs["log1p_total_counts"].values, args.mad) | mad_outlier(adata.obs["log1p_n_genes_by_counts"].values, args.mad)
        keep &= ~out
    adata = adata[keep].copy()
    log["cells_after_qc"] = int(adata.n_obs)
    log["cells_removed_qc"] = int(n0 - adata.n_obs)

    if not args.no_doublets:
        sc.pp.scrublet(adata, batch_key=args.batch_key, random_state=args.seed)
        log["doublets_removed"] = int(adata.obs["predicted_doublet"].sum())
        adata = adata[~adata.obs["predicted_doublet"]].copy()

    adata.layers["counts"] = adata.X.copy()
    sc.pp.normalize_total(adata, target_sum=1e4)
    sc.pp.log1p(adata)
    adata.raw = adata
    sc.pp.highly_variable_genes(adata, n_top_genes=args.n_top_genes, flavor="seurat_v3", layer="counts", batch_key=args.batch_key)

    sc.tl.pca(adata, n_comps=max(50, args.n_pcs), mask_var="highly_variable", random_state=args.seed)
    sc.pl.pca_variance_ratio(adata, n_pcs=50, log=True, save="_elbow.png", show=False)
    sc.pp.neighbors(adata, n_neighbors=15, n_pcs=args.n_pcs, random_state=args.seed)
    sc.tl.umap(adata, random_state=args.seed)
    sc.tl.leiden(adata, resolution=args.resolution, flavor="igraph", n_iterations=2, random_state=args.seed)
    log["n_clusters"] = int(adata.obs["leiden"].nunique())

    colors = ["leiden", "pct_counts_mt", "total_counts"] + ([args.batch_key] if args.batch_key else [])
    sc.pl.umap(adata, color=colors, save="_overview.png", show=False)

    sc.tl.rank_genes_groups(adata, "leiden", method="wilcoxon", use_raw=True)
    sc.pl.rank_genes_groups_dotplot(adata, n_genes=5, save="_markers.png", show=False)
    markers = sc.get.rank_genes_groups_df(adata, group=None)
    markers.to_csv(args.out / "markers.csv", index=False)
    top = markers.groupby("group").head(5).groupby("group")["names"].apply(list).to_dict()
    log["top_markers"] = {str(k): v for k, v in top.items()}

    adata.write_h5ad(args.out / "processed.h5ad", compression="gzip")
    (args.out / "summary.json").write_text(json.dumps(log, indent=2))
    print(json.dumps(log, indent=2))


if __name__ == "__main__":
    main()
