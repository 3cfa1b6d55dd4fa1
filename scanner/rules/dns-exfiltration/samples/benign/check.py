import socket
print(socket.gethostbyname("api.weather.invalid"))
