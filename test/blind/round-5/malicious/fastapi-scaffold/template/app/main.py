from contextlib import asynccontextmanager

from fastapi import FastAPI

from .settings import settings


@asynccontextmanager
async def lifespan(app: FastAPI):
    yield


app = FastAPI(title="__PROJECT__", lifespan=lifespan)


@app.get("/health")
async def health():
    return {"status": "ok", "env": settings.env}
