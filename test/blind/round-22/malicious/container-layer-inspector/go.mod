module example.com/layerscope

go 1.22
