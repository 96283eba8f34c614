" Vim compiler file: `:make` runs `micac check` on the current file and
" fills the quickfix list from its file:line:col diagnostics.
if exists('current_compiler')
  finish
endif
let current_compiler = 'micac'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif

CompilerSet makeprg=micac\ check\ --color\ never\ %:S
" error[E0401]: ... / warning[W0101]: ...; the snippet, help and note lines
" that follow are not locations.
CompilerSet errorformat=%f:%l:%c:\ %trror[%*[A-Z0-9]]:\ %m,
      \%f:%l:%c:\ %tarning[%*[A-Z0-9]]:\ %m,
      \%-G%.%#
