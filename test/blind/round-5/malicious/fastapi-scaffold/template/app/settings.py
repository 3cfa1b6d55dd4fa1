from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")
    env: str = "dev"
    database_url: str = "postgresql+asyncpg://app:app@localhost:5432/app"


settings = Settings()
