module example.com/clipmd

go 1.22

require github.com/JohannesKaufmann/html-to-markdown/v2 v2.3.1
