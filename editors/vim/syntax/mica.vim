" Vim syntax file
" Language:    Mica, the policy language of micac (docs/language.md)
" Filenames:   *.mica
"
" Groups (tests/editors/vim_cases.txt checks them on the examples):
"   micaDeclaration  policy realm region call assert no flow
"   micaProperty     version digest ipa_bits trust measurement hostcall mmio
"                    kind size at grant oneway
"   micaTrusted, micaDistrustful, micaUntrusted   the three trust levels
"   micaValue        protected unprotected read write readwrite sha256/384/512
"   micaHost         host, the built-in principal
"   micaNumber + micaUnit   4096, 0x1000, 32MiB (unit KiB/MiB/GiB)
"   micaNumberError  a number spelling micac refuses (12KB, 1_000, 0x)
"   micaString       "hex measurement"; micaStringError: not closed on its line
"   micaComment      // and /* */
"   micaArrow        ->  (micaArrowError: =>, which micac refuses)
if exists('b:current_syntax')
  finish
endif
let s:cpo_save = &cpo
set cpo&vim

syn case match
syn iskeyword a-z,A-Z,48-57,_

syn keyword micaDeclaration policy realm region call assert no flow
syn keyword micaProperty    version digest ipa_bits trust measurement hostcall mmio
syn keyword micaProperty    kind size at grant oneway

syn keyword micaTrusted     trusted
syn keyword micaDistrustful distrustful
syn keyword micaUntrusted   untrusted
syn keyword micaValue       protected unprotected read write readwrite sha256 sha384 sha512
syn keyword micaHost        host

" Numbers: a digit, then letters, digits and '_' (the lexer's token); only
" decimal or 0x hex, optionally with a binary unit, is a number.
syn match   micaNumberError "\<\d\w*"
syn match   micaNumber      "\<\d\+\ze\%(KiB\|MiB\|GiB\)\>" nextgroup=micaUnit
syn match   micaNumber      "\<\d\+\>"
syn match   micaNumber      "\<0[xX]\x\+\ze\%(KiB\|MiB\|GiB\)\>" nextgroup=micaUnit
syn match   micaNumber      "\<0[xX]\x\+\>"
syn match   micaUnit        "\%(KiB\|MiB\|GiB\)\>" contained

syn match   micaStringError +"[^"]*$+
syn match   micaString      +"[^"]*"+

syn match   micaArrow       "->"
syn match   micaArrowError  "=>"

syn keyword micaTodo        contained TODO FIXME XXX NOTE
syn match   micaComment     "//.*$" contains=micaTodo,@Spell
syn region  micaComment     start="/\*" end="\*/" contains=micaTodo,@Spell

hi def link micaDeclaration  Structure
hi def link micaProperty     Keyword
hi def link micaTrusted      Constant
hi def link micaDistrustful  Special
hi def link micaUntrusted    WarningMsg
hi def link micaValue        Constant
hi def link micaHost         Identifier
hi def link micaNumber       Number
hi def link micaUnit         Type
hi def link micaNumberError  Error
hi def link micaString       String
hi def link micaStringError  Error
hi def link micaArrow        Operator
hi def link micaArrowError   Error
hi def link micaTodo         Todo
hi def link micaComment      Comment

let b:current_syntax = 'mica'
let &cpo = s:cpo_save
unlet s:cpo_save
