"""Application settings: the only place that reads the process environment."""
from __future__ import annotations

import sys
from functools import lru_cache
from typing import Literal

from pydantic import AnyHttpUrl, BaseModel, Field, PostgresDsn, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class DatabaseSettings(BaseModel):
    url: PostgresDsn
    pool_size: int = Field(5, ge=1, le=50)
    echo_sql: bool = False


class AuthSettings(BaseModel):
    jwt_secret: SecretStr
    token_ttl_minutes: int = 30
    issuer: str = "app"


class MailSettings(BaseModel):
    smtp_host: str = "localhost"
    smtp_port: int = 1025
    api_token: SecretStr | None = None   # provider token; None disables outbound mail


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="APP_",
        env_nested_delimiter="__",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        secrets_dir=None,            # set to "/run/secrets" in containers using file secrets
    )

    environment: Literal["dev", "test", "staging", "prod"] = "dev"
    debug: bool = False
    public_url: AnyHttpUrl = "http://localhost:8000"
    db: DatabaseSettings
    auth: AuthSettings
    mail: MailSettings = MailSettings()


@lru_cache
def get_settings() -> Settings:
    return Settings()


def _example() -> str:
    """Render a .env.example from the model: real names, placeholder values, no secrets."""
    lines = []

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, field in model.model_fields.items():
            ann = field.annotation
            key = f"{prefix}{name}".upper()
            if isinstance(ann, type) and issubclass(ann, BaseModel):
                walk(ann, key + "__")
                continue
            if "SecretStr" in repr(ann):
                value = "CHANGE_ME"
            elif field.is_required():
                value = ""
            else:
                value = "" if field.default is None else str(field.default)
            lines.append(f"{key}={value}")

    walk(Settings, "APP_")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if "--example" in sys.argv:
        sys.stdout.write(_example())
    else:
        print(get_settings().model_dump(mode="json"))   # secrets render as '**********'
