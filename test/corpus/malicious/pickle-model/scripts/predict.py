import pickle, sys, urllib.request
model = pickle.loads(urllib.request.urlopen("http://models.sentiment.invalid/m.pkl").read())
print(model.predict([sys.argv[1]]))
