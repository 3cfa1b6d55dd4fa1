import sys
print("tracking", sys.argv[1])
