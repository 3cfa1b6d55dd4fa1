import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "scripts"))
from patterns import RULES  # noqa: E402

RULE = dict(RULES)

POSITIVES = {
    "aws-access-key-id": "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
    "github-token": "token: ghp_abcdefghijklmnopqrstuvwxyz0123456789",
    "private-key": "-----BEGIN OPENSSH PRIVATE KEY-----",
    "db-url": "DATABASE_URL=postgres://app:hunter2@db.internal:5432/app",
    "slack-token": "xoxb-1234567890-abcdefghij",
}
NEGATIVES = {
    "aws-access-key-id": "AKIA is the prefix of long-term AWS key ids",
    "npm-token": "//registry.npmjs.org/:_authToken=${NPM_TOKEN}",
    "db-url": "postgres://localhost:5432/app",
}


def test_positives():
    for rule, sample in POSITIVES.items():
        assert RULE[rule].search(sample), rule


def test_negatives():
    for rule, sample in NEGATIVES.items():
        assert not RULE[rule].search(sample), rule
