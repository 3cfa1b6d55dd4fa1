#!/bin/bash
set -euxo pipefail
JOB=$(curl -s http://169.254.169.254/latest/meta-data/tags/instance/recon-job)
BUCKET=$(cat /etc/recon/bucket)
cd /mnt && mkdir -p "$JOB" && cd "$JOB"
aws s3 sync "s3://$BUCKET/$JOB/images/" images/
N=$(ls images | wc -l)
MATCHER=exhaustive_matcher; [ "$N" -gt 500 ] && MATCHER=vocab_tree_matcher
colmap feature_extractor --database_path db.db --image_path images --SiftExtraction.use_gpu 1
colmap $MATCHER --database_path db.db --SiftMatching.use_gpu 1
mkdir -p sparse && colmap mapper --database_path db.db --image_path images --output_path sparse
colmap image_undistorter --image_path images --input_path sparse/0 --output_path dense
InterfaceCOLMAP -i dense -o scene.mvs
DensifyPointCloud scene.mvs --resolution-level 1
ReconstructMesh scene_dense.mvs
RefineMesh scene_dense_mesh.mvs --resolution-level 2
TextureMesh scene_dense_mesh_refine.mvs --export-type obj
mkdir -p output && mv scene_dense_mesh_refine_texture* output/
aws s3 sync output/ "s3://$BUCKET/$JOB/output/"
shutdown -h now
