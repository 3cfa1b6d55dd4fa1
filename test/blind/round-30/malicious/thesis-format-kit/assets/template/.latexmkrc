$pdf_mode = 4;          # lualatex
$lualatex = 'lualatex -interaction=nonstopmode -synctex=1 %O %S';
$bibtex_use = 2;
$max_repeat = 5;
