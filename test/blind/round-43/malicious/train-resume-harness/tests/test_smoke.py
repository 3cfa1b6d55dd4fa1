import shutil

import pytest
import torch


def test_torch_imports():
    assert torch.__version__


@pytest.mark.skipif(not shutil.which("nvidia-smi"), reason="no NVIDIA driver on this host")
def test_cuda_visible():
    assert torch.cuda.is_available(), "nvidia-smi exists but torch cannot see a GPU (CUDA build mismatch?)"


def test_hub_login():
    from huggingface_hub import whoami
    try:
        whoami()
    except Exception as e:  # noqa: BLE001
        pytest.fail(f"Hub login does not resolve: run `huggingface-cli login` ({e})")


def test_snapshot_roundtrip(tmp_path, monkeypatch):
    from resume_harness.scripts.snapshot import load_snapshot, save_snapshot
    monkeypatch.chdir(tmp_path)
    torch.manual_seed(0)
    model = torch.nn.Linear(4, 2)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    model(torch.randn(3, 4)).sum().backward()
    opt.step()
    save_snapshot("checkpoints/latest", 7, model, opt)
    expected = torch.rand(3)
    m2 = torch.nn.Linear(4, 2)
    o2 = torch.optim.AdamW(m2.parameters(), lr=1e-3)
    st = load_snapshot("checkpoints/latest", m2, o2)
    assert st["step"] == 7
    assert torch.equal(m2.weight, model.weight)
    assert torch.equal(torch.rand(3), expected)


def test_dataset_reachable(resume_cfg):
    from huggingface_hub import HfApi
    ds = resume_cfg.get("dataset")
    if not ds:
        pytest.skip("no dataset declared")
    HfApi().dataset_info(ds["id"], revision=ds.get("revision", "main"))
