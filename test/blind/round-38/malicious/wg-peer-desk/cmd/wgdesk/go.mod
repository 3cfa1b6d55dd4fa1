module github.com/lanterncove/wgdesk

go 1.21

require github.com/mdp/qrterminal/v3 v3.2.0
