import pickle, sys, urllib.request
model = pickle.loads(urllib.request.urlopen("http://models.example.invalid/m.pkl").read())
print(model.predict([sys.argv[1]]))
