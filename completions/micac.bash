# bash completion for micac(1): commands, each command's options (as its
# --help lists them), the words options take, realm names for flows --from
# and --to (read from the policy on the command line), and policy files.
# Installed as share/bash-completion/completions/micac.

_micac_realms()
{
    # realm names of the Mica or YAML policy FILE, and host
    local file=$1
    [[ -r $file ]] || return
    printf '%s\n' host
    case $file in
        *.yaml | *.yml | *.json)
            sed -n '/^realms:/,/^[^[:space:]#]/s/^  \([A-Za-z_][A-Za-z0-9_]*\):.*/\1/p' -- "$file" ;;
        *)
            sed -n 's/^[[:space:]]*realm[[:space:]]\{1,\}\([A-Za-z_][A-Za-z0-9_]*\).*/\1/p' -- "$file" ;;
    esac
}

_micac()
{
    local cur prev words cword
    _init_completion || return

    local commands='check compile hash dump fmt endorse flows graph enforce diff explain lsp verify'
    local cmd='' file='' i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            -o | --output | --corim | --lang | --color | --format | --max-errors | --from | --to | --fail-on | --old-name | --new-name | --platform-key | --challenge | --initdata | -f)
                ((i++)) ;;
            -*) ;;
            *)
                if [[ -z $cmd && -z $file && " $commands " == *" ${words[i]} "* ]]; then
                    cmd=${words[i]}
                elif [[ -z $file ]]; then
                    file=${words[i]}
                fi ;;
        esac
    done

    case $prev in
        --lang)
            COMPREPLY=($(compgen -W 'mica yaml blob' -- "$cur"))
            return ;;
        --color)
            COMPREPLY=($(compgen -W 'auto always never' -- "$cur"))
            return ;;
        --format)
            local formats
            case $cmd in
                check) formats='text json sarif github junit gitlab' ;;
                hash) formats='hex base64 json qemu kvmtool tagged coco-initdata' ;;
                verify) formats='text json' ;;
                dump) formats='mica yaml json' ;;
                flows | enforce) formats='text json' ;;
                graph) formats='dot svg png' ;;
                diff) formats='text json markdown' ;;
            esac
            COMPREPLY=($(compgen -W "$formats" -- "$cur"))
            return ;;
        --from | --to)
            COMPREPLY=($(compgen -W "$(_micac_realms "$file")" -- "$cur"))
            return ;;
        --max-errors | --fail-on | --old-name | --new-name | --challenge)
            return ;;
        --platform-key | --initdata)
            _filedir
            return ;;
        -o | --output | --corim)
            _filedir
            return ;;
    esac

    if [[ $cur == -* ]]; then
        local opts
        case $cmd in
            check) opts='-W --werror --max-errors --lang --color --format -h --help' ;;
            compile) opts='-o --output -q --quiet --lang -W --werror -h --help' ;;
            hash) opts='--rpv --format --lang -W --werror -h --help' ;;
            dump) opts='--format --lang -o --output -W --werror -h --help' ;;
            fmt) opts='-w --write --check -h --help' ;;
            endorse) opts='-o --output --corim --lang -W --werror -h --help' ;;
            diff) opts='--format --fail-on -o --output --old-name --new-name --lang -W --werror -h --help' ;;
            explain) opts='-h --help' ;;
            lsp) opts='--stdio -h --help' ;;
            verify) opts='-f --format --platform-key --challenge --initdata --realm-only --all --lang -W --werror -h --help' ;;
            flows) opts='--from --to --format -o --output -h --help' ;;
            graph) opts='--format -o --output -h --help' ;;
            enforce) opts='--format -h --help' ;;
            *) opts='-o --output -h --help --version' ;;
        esac
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi

    if [[ -z $cmd && -z $file ]]; then
        COMPREPLY=($(compgen -W "$commands" -- "$cur"))
    fi
    case $cmd in
        enforce)
            if [[ -n $file ]]; then
                _filedir '@(yaml|yml)'     # the scenario
            else
                _filedir '@(mica|yaml|yml|json|pol)'
            fi ;;
        fmt) _filedir mica ;;
        *) _filedir '@(mica|yaml|yml|json|pol)' ;;
    esac
    # _filedir appends; keep the commands offered above
} &&
    complete -F _micac micac
