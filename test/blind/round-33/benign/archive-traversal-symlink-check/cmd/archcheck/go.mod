module archcheck

go 1.21
