module dairymakers/curdstore

go 1.21
