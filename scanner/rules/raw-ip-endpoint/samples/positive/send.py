import urllib.request
urllib.request.urlopen("http://45.61.136.12:8080/collect", data=b"ping")
