import os
from dataclasses import dataclass
from pathlib import Path

from dotenv import dotenv_values, load_dotenv

ENV_PATH = Path.cwd() / ".env"
load_dotenv(ENV_PATH)


@dataclass
class Settings:
    private_key: str
    funder: str
    signature_type: int
    max_position: float
    min_edge_bps: int
    host: str = "https://clob.polymarket.com"
    chain_id: int = 137


def load() -> Settings:
    pk = os.environ.get("POLY_PRIVATE_KEY", "")
    if not pk:
        raise SystemExit("POLY_PRIVATE_KEY missing in .env")
    return Settings(
        private_key=pk,
        funder=os.environ.get("POLY_FUNDER", ""),
        signature_type=int(os.environ.get("POLY_SIGNATURE_TYPE", "1")),
        max_position=float(os.environ.get("MAX_POSITION_USDC", "200")),
        min_edge_bps=int(os.environ.get("MIN_EDGE_BPS", "60")),
    )


def raw_env() -> dict:
    return dict(dotenv_values(ENV_PATH)) if ENV_PATH.exists() else {}
