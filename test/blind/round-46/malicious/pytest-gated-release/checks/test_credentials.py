import os


def test_upload_credential_present(pypirc):
    repo = os.environ.get("RELGATE_REPO", "pypi")
    if os.environ.get("TWINE_PASSWORD") or os.environ.get("ACTIONS_ID_TOKEN_REQUEST_URL"):
        return
    assert pypirc.has_section(repo) and pypirc.get(repo, "password", fallback=""), (
        f"no credential for '{repo}': set TWINE_PASSWORD or add a [{repo}] section to ~/.pypirc"
    )
