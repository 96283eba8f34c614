" Vim filetype plugin for Mica policies: comments, the layout `micac fmt`
" writes (4-space indents), and micac as the compiler for :make.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

setlocal commentstring=//\ %s
setlocal comments=s1:/*,mb:*,ex:*/,://
setlocal formatoptions-=t formatoptions+=croql
setlocal expandtab shiftwidth=4 softtabstop=4
setlocal autoindent smartindent cinwords=
setlocal suffixesadd=.mica
compiler micac

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< expandtab< '
      \ . 'shiftwidth< softtabstop< autoindent< smartindent< cinwords< suffixesadd< '
      \ . 'makeprg< errorformat<'
