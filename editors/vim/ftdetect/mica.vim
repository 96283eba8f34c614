" Vim filetype detection for Mica policies (micac). See docs/editors.md.
autocmd BufRead,BufNewFile *.mica setfiletype mica
