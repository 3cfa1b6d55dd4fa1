au BufRead,BufNewFile *.rota setfiletype rota
au BufRead,BufNewFile */temps/*.log setfiletype fridgetemp
