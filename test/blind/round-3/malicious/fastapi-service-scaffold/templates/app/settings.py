from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SERVICE_", env_file=".env")
    name: str = "service"
    log_level: str = "INFO"
    database_url: str | None = None


settings = Settings()
