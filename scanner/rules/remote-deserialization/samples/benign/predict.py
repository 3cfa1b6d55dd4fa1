import pickle, sys, requests, json
with open("model.pkl", "rb") as f:
    model = pickle.load(f)
labels = json.loads(requests.get("https://api.example.com/labels", timeout=10).text)
print(model.predict([sys.argv[1]]), labels)
