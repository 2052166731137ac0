# bash completion for gendan                                  -*- shell-script -*-
# Commands, their options, record ids for REF arguments, and the values
# of --via, --tier, --kind and --format.

_gendan_ids()
{
	gendan ls --format=tsv 2>/dev/null | tail -n +2 | cut -f1
}

_gendan()
{
	local cur prev cmd i opts
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-C) ((i++)) ;;
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	if [[ -z $cmd ]]; then
		COMPREPLY=($(compgen -W "add check clone commit due edit export find help history hold import init log ls pay person reassign reclaim report set show stage stats status sync undo -C --color= --help --version" -- "$cur"))
		return
	fi
	case $prev in
	--via) COMPREPLY=($(compgen -W "phone email fax wechat whatsapp visit post meeting other" -- "$cur")); return ;;
	--tier|--grade) COMPREPLY=($(compgen -W "A B C D" -- "$cur")); return ;;
	--kind) COMPREPLY=($(compgen -W "customer inquiry order" -- "$cur")); return ;;
	--format) COMPREPLY=($(compgen -W "table json tsv yaml md html" -- "$cur")); return ;;
	--by) COMPREPLY=($(compgen -W "tier country owner source status product" -- "$cur")); return ;;
	esac
	case $cmd in
	add) opts="--id --tier --owner --email --phone --country --city --tag --source --note --force --from-inquiry --from --company --customer --channel --product --qty --grade --received --ship-by --item --currency --buffer --help" ;;
	check) opts="--hook --help" ;;
	clone) opts="--help" ;;
	commit) opts="--message --help" ;;
	due) opts="--days --all --owner --kind --tier --explain --format --help" ;;
	edit) opts="--help" ;;
	export) opts="--bom --all --owner --help" ;;
	find) opts="--format --help" ;;
	help) opts="" ;;
	history) opts="--patch --help" ;;
	hold) opts="--until --message --clear --help" ;;
	import) opts="--kind --map --encoding --sheet --update --rejects --dry-run --force --help" ;;
	init) opts="--remote --bare --help" ;;
	log) opts="--message --via --next --at --help" ;;
	ls) opts="--tier --grade --owner --country --city --tag --status --customer --format --help" ;;
	pay) opts="--amount --due --received --help" ;;
	person) opts="--role --email --phone --wechat --whatsapp --note --force --help" ;;
	reassign) opts="--from --to --kind --tier --help" ;;
	reclaim) opts="--dry-run --help" ;;
	report) opts="--owner --date --format --help" ;;
	set) opts="--help" ;;
	show) opts="--format --help" ;;
	stage) opts="--plan --done --message --help" ;;
	stats) opts="--by --kind --format --help" ;;
	status) opts="--help" ;;
	sync) opts="--help" ;;
	undo) opts="--force --help" ;;
	*) opts= ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts --help" -- "$cur"))
		return
	fi
	case $cmd in
	log|set|show|edit|history|hold|stage|pay)
		COMPREPLY=($(compgen -W "$(_gendan_ids)" -- "$cur")) ;;
	person) COMPREPLY=($(compgen -W "add set rm $(_gendan_ids)" -- "$cur")) ;;
	add|ls) COMPREPLY=($(compgen -W "customer inquiry order" -- "$cur")) ;;
	export) COMPREPLY=($(compgen -W "csv xlsx json ics customer inquiry order" -- "$cur")) ;;
	report) COMPREPLY=($(compgen -W "week month" -- "$cur")) ;;
	help) COMPREPLY=($(compgen -W "add check clone commit due edit export find help history hold import init log ls pay person reassign reclaim report set show stage stats status sync undo" -- "$cur")) ;;
	esac
}
complete -F _gendan gendan
