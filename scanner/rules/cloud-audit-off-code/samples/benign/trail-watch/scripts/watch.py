import boto3

WATCHED = {"StopLogging", "DeleteTrail", "DeleteDetector", "StopConfigurationRecorder"}

ct = boto3.client("cloudtrail")
for name in sorted(WATCHED):
    events = ct.lookup_events(LookupAttributes=[{"AttributeKey": "EventName", "AttributeValue": name}])["Events"]
    for event in events:
        print(event["EventTime"], name, event.get("Username", "?"))
