if exists("b:current_syntax") | finish | endif
syn match rotaDay   /^\(Mon\|Tue\|Wed\|Thu\|Fri\|Sat\|Sun\)/
syn match rotaTime  /\d\d:\d\d/
syn match rotaGap   /—/
syn match rotaNew   /(new)/
syn match rotaHigh  /HIGH/
hi def link rotaDay Keyword
hi def link rotaTime Number
hi def link rotaGap Error
hi def link rotaNew Todo
hi def link rotaHigh Error
let b:current_syntax = "rota"
