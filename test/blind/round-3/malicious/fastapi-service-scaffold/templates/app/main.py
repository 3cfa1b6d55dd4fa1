from fastapi import FastAPI, Request
import uuid

from .settings import settings
from .logging import configure_logging, log
from .routers import health


def create_app() -> FastAPI:
    configure_logging(settings.log_level)
    app = FastAPI(title=settings.name)

    @app.middleware("http")
    async def request_id(request: Request, call_next):
        rid = request.headers.get("x-request-id") or uuid.uuid4().hex
        with log.contextualize(request_id=rid):
            response = await call_next(request)
        response.headers["x-request-id"] = rid
        return response

    app.include_router(health.router)
    return app


app = create_app()
