# Template for .env — commit this file, never the rendered .env
APP_ENV=development
LOG_LEVEL=debug
DATABASE_URL={{bws:DATABASE_URL}}
REDIS_URL={{bws:REDIS_URL}}
STRIPE_SECRET_KEY={{bws:stripe-test-secret}}
SENTRY_DSN={{bws:sentry-dsn-dev}}
OPENAI_API_KEY={{bws:openai-dev-key}}
