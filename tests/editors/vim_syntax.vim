" tests/editors/vim_syntax.vim - run by tests/editors/check_vim.sh as
"   vim -u NONE -i NONE -N -es --cmd 'set rtp^=editors/vim' -S vim_syntax.vim
" with $MICA_CASES (vim_cases.txt), $MICA_OUT (results), $MICA_MICAC.
" Writes one line per check: "PASS what" or "FAIL what: why".
filetype plugin on
syntax on
let s:out = []

function! s:Check(ok, what, why) abort
  call add(s:out, (a:ok ? 'PASS ' : 'FAIL ') . a:what . (a:ok ? '' : ': ' . a:why))
endfunction

" The groups of the characters from column c to ec of line l. synID() is
" asked for every column from the start of the line: asked for a column after
" one of an earlier item on the same line, Vim 9.0 can answer with the
" earlier item's group.
function! s:Groups(l, c, ec) abort
  let groups = {}
  for col in range(1, a:ec)
    let name = synIDattr(synID(a:l, col, 1), 'name')
    if col >= a:c
      let groups[name] = 1
    endif
  endfor
  return sort(keys(groups))
endfunction

for s:line in readfile($MICA_CASES)
  if s:line =~# '^\s*\%(#\|$\)'
    continue
  endif
  let [s:file, s:pat, s:want] = map(split(s:line, ' | ', 1), 'trim(v:val)')
  let s:what = s:file . ' /' . s:pat . '/'
  execute 'silent edit ' . fnameescape(s:file)
  if &filetype !=# 'mica'
    call s:Check(0, s:what, "filetype is '" . &filetype . "', not mica")
    continue
  endif
  call cursor(1, 1)
  let [s:l, s:c] = searchpos(s:pat, 'cW')
  if s:l == 0
    call s:Check(0, s:what, 'pattern not found')
    continue
  endif
  let [s:el, s:ec] = searchpos(s:pat, 'cenW')
  let s:got = s:Groups(s:l, s:c, s:el == s:l ? s:ec : col([s:l, '$']) - 1)
  call s:Check(s:got ==# [s:want], s:what . ' is ' . (s:want ==# '' ? '(none)' : s:want),
        \ 'got ' . join(map(copy(s:got), 'v:val ==# "" ? "(none)" : v:val'), ', '))
endfor

" ftplugin: comments and indent the way `micac fmt` writes them.
silent edit examples/policies/clean_room.mica
call s:Check(&commentstring ==# '// %s' && &shiftwidth == 4 && &expandtab,
      \ 'ftplugin: commentstring and indent', &commentstring . ' sw=' . &shiftwidth)
" .yaml policies stay YAML: the ftdetect claims *.mica only.
silent edit examples/policies/clean_room.yaml
call s:Check(&filetype ==# 'yaml', 'ftdetect: .yaml is not mica', 'filetype ' . &filetype)

" compiler/micac.vim: the errorformat reads micac's diagnostics into the
" quickfix list at their lines and columns, and skips the snippet lines.
silent edit examples/policies/bad/clean_room_leaky.mica
compiler micac
let s:text = systemlist(shellescape($MICA_MICAC) . ' check --color never '
      \ . 'examples/policies/bad/duplicate_call.mica '
      \ . 'examples/policies/bad/realm_without_measurement.mica')
" Parsed with the buffer's errorformat, as :make does.
let s:qf = filter(getqflist({'lines': s:text, 'efm': &l:errorformat}).items, 'v:val.valid')
let s:want_qf = filter(copy(s:text), 'v:val =~# ''^\S\+:\d\+:\d\+: \%(error\|warning\)\[''')
call s:Check(len(s:qf) == len(s:want_qf) && len(s:qf) > 0,
      \ 'compiler: one quickfix entry per diagnostic', len(s:qf) . ' entries for ' . len(s:want_qf))
if len(s:qf) > 0
  let s:m = matchlist(s:want_qf[0], '^\(\S\+\):\(\d\+\):\(\d\+\): \(\w\)')
  let s:e = s:qf[0]
  call s:Check(bufname(s:e.bufnr) ==# s:m[1] && s:e.lnum == s:m[2] && s:e.col == s:m[3]
        \ && s:e.type ==# s:m[4],
        \ 'compiler: first entry at ' . s:m[1] . ':' . s:m[2] . ':' . s:m[3],
        \ bufname(s:e.bufnr) . ':' . s:e.lnum . ':' . s:e.col . ' type ' . s:e.type)
  let s:types = join(sort(map(copy(s:qf), 'v:val.type')), '')
  call s:Check(s:types ==# 'ew', 'compiler: an error and a warning', 'types ' . s:types)
endif

call writefile(s:out, $MICA_OUT)
qall!
