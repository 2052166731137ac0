# fish completion for gendan: commands, options and record ids.
function __gendan_ids; gendan ls --format=tsv 2>/dev/null | tail -n +2 | cut -f1; end
complete -c gendan -f
complete -c gendan -n __fish_use_subcommand -a "add check clone commit due edit export find help history hold import init log ls pay person reassign reclaim report set show stage stats status sync undo"
complete -c gendan -n "__fish_seen_subcommand_from add" -l id
complete -c gendan -n "__fish_seen_subcommand_from add" -l tier
complete -c gendan -n "__fish_seen_subcommand_from add" -l owner
complete -c gendan -n "__fish_seen_subcommand_from add" -l email
complete -c gendan -n "__fish_seen_subcommand_from add" -l phone
complete -c gendan -n "__fish_seen_subcommand_from add" -l country
complete -c gendan -n "__fish_seen_subcommand_from add" -l city
complete -c gendan -n "__fish_seen_subcommand_from add" -l tag
complete -c gendan -n "__fish_seen_subcommand_from add" -l source
complete -c gendan -n "__fish_seen_subcommand_from add" -l note
complete -c gendan -n "__fish_seen_subcommand_from add" -l force
complete -c gendan -n "__fish_seen_subcommand_from add" -l from-inquiry
complete -c gendan -n "__fish_seen_subcommand_from add" -l from
complete -c gendan -n "__fish_seen_subcommand_from add" -l company
complete -c gendan -n "__fish_seen_subcommand_from add" -l customer
complete -c gendan -n "__fish_seen_subcommand_from add" -l channel
complete -c gendan -n "__fish_seen_subcommand_from add" -l product
complete -c gendan -n "__fish_seen_subcommand_from add" -l qty
complete -c gendan -n "__fish_seen_subcommand_from add" -l grade
complete -c gendan -n "__fish_seen_subcommand_from add" -l received
complete -c gendan -n "__fish_seen_subcommand_from add" -l ship-by
complete -c gendan -n "__fish_seen_subcommand_from add" -l item
complete -c gendan -n "__fish_seen_subcommand_from add" -l currency
complete -c gendan -n "__fish_seen_subcommand_from add" -l buffer
complete -c gendan -n "__fish_seen_subcommand_from add" -l help
complete -c gendan -n "__fish_seen_subcommand_from check" -l hook
complete -c gendan -n "__fish_seen_subcommand_from check" -l help
complete -c gendan -n "__fish_seen_subcommand_from clone" -l help
complete -c gendan -n "__fish_seen_subcommand_from commit" -l message
complete -c gendan -n "__fish_seen_subcommand_from commit" -l help
complete -c gendan -n "__fish_seen_subcommand_from due" -l days
complete -c gendan -n "__fish_seen_subcommand_from due" -l all
complete -c gendan -n "__fish_seen_subcommand_from due" -l owner
complete -c gendan -n "__fish_seen_subcommand_from due" -l kind
complete -c gendan -n "__fish_seen_subcommand_from due" -l tier
complete -c gendan -n "__fish_seen_subcommand_from due" -l explain
complete -c gendan -n "__fish_seen_subcommand_from due" -l format
complete -c gendan -n "__fish_seen_subcommand_from due" -l help
complete -c gendan -n "__fish_seen_subcommand_from edit" -l help
complete -c gendan -n "__fish_seen_subcommand_from export" -l bom
complete -c gendan -n "__fish_seen_subcommand_from export" -l all
complete -c gendan -n "__fish_seen_subcommand_from export" -l owner -r
complete -c gendan -n "__fish_seen_subcommand_from export" -l help
complete -c gendan -n "__fish_seen_subcommand_from find" -l format
complete -c gendan -n "__fish_seen_subcommand_from find" -l help
complete -c gendan -n "__fish_seen_subcommand_from history" -l patch
complete -c gendan -n "__fish_seen_subcommand_from history" -l help
complete -c gendan -n "__fish_seen_subcommand_from hold" -l until
complete -c gendan -n "__fish_seen_subcommand_from hold" -l message
complete -c gendan -n "__fish_seen_subcommand_from hold" -l clear
complete -c gendan -n "__fish_seen_subcommand_from hold" -l help
complete -c gendan -n "__fish_seen_subcommand_from import" -l kind
complete -c gendan -n "__fish_seen_subcommand_from import" -l map
complete -c gendan -n "__fish_seen_subcommand_from import" -l encoding -r
complete -c gendan -n "__fish_seen_subcommand_from import" -l update
complete -c gendan -n "__fish_seen_subcommand_from import" -l rejects -r
complete -c gendan -n "__fish_seen_subcommand_from import" -l sheet -r
complete -c gendan -n "__fish_seen_subcommand_from import" -l dry-run
complete -c gendan -n "__fish_seen_subcommand_from import" -l force
complete -c gendan -n "__fish_seen_subcommand_from import" -l help
complete -c gendan -n "__fish_seen_subcommand_from init" -l remote
complete -c gendan -n "__fish_seen_subcommand_from init" -l bare
complete -c gendan -n "__fish_seen_subcommand_from init" -l help
complete -c gendan -n "__fish_seen_subcommand_from log" -l message
complete -c gendan -n "__fish_seen_subcommand_from log" -l via
complete -c gendan -n "__fish_seen_subcommand_from log" -l next
complete -c gendan -n "__fish_seen_subcommand_from log" -l at
complete -c gendan -n "__fish_seen_subcommand_from log" -l help
complete -c gendan -n "__fish_seen_subcommand_from ls" -l tier
complete -c gendan -n "__fish_seen_subcommand_from ls" -l grade
complete -c gendan -n "__fish_seen_subcommand_from ls" -l owner
complete -c gendan -n "__fish_seen_subcommand_from ls" -l country
complete -c gendan -n "__fish_seen_subcommand_from ls" -l city
complete -c gendan -n "__fish_seen_subcommand_from ls" -l tag
complete -c gendan -n "__fish_seen_subcommand_from ls" -l status
complete -c gendan -n "__fish_seen_subcommand_from ls" -l customer
complete -c gendan -n "__fish_seen_subcommand_from ls" -l format
complete -c gendan -n "__fish_seen_subcommand_from ls" -l help
complete -c gendan -n "__fish_seen_subcommand_from pay" -l amount
complete -c gendan -n "__fish_seen_subcommand_from pay" -l due
complete -c gendan -n "__fish_seen_subcommand_from pay" -l received
complete -c gendan -n "__fish_seen_subcommand_from pay" -l help
complete -c gendan -n "__fish_seen_subcommand_from reassign" -l from
complete -c gendan -n "__fish_seen_subcommand_from reassign" -l to
complete -c gendan -n "__fish_seen_subcommand_from reassign" -l kind
complete -c gendan -n "__fish_seen_subcommand_from reassign" -l tier
complete -c gendan -n "__fish_seen_subcommand_from reassign" -l help
complete -c gendan -n "__fish_seen_subcommand_from reclaim" -l dry-run
complete -c gendan -n "__fish_seen_subcommand_from reclaim" -l help
complete -c gendan -n "__fish_seen_subcommand_from report" -l owner
complete -c gendan -n "__fish_seen_subcommand_from report" -l date
complete -c gendan -n "__fish_seen_subcommand_from report" -l format
complete -c gendan -n "__fish_seen_subcommand_from report" -l help
complete -c gendan -n "__fish_seen_subcommand_from set" -l help
complete -c gendan -n "__fish_seen_subcommand_from show" -l format
complete -c gendan -n "__fish_seen_subcommand_from show" -l help
complete -c gendan -n "__fish_seen_subcommand_from stage" -l plan
complete -c gendan -n "__fish_seen_subcommand_from stage" -l done
complete -c gendan -n "__fish_seen_subcommand_from stage" -l message
complete -c gendan -n "__fish_seen_subcommand_from stage" -l help
complete -c gendan -n "__fish_seen_subcommand_from stats" -l by
complete -c gendan -n "__fish_seen_subcommand_from stats" -l kind
complete -c gendan -n "__fish_seen_subcommand_from stats" -l format
complete -c gendan -n "__fish_seen_subcommand_from stats" -l help
complete -c gendan -n "__fish_seen_subcommand_from status" -l help
complete -c gendan -n "__fish_seen_subcommand_from sync" -l help
complete -c gendan -n "__fish_seen_subcommand_from undo" -l force
complete -c gendan -n "__fish_seen_subcommand_from undo" -l help
complete -c gendan -n "__fish_seen_subcommand_from person" -a "add set rm"
complete -c gendan -n "__fish_seen_subcommand_from person" -l role
complete -c gendan -n "__fish_seen_subcommand_from person" -l email
complete -c gendan -n "__fish_seen_subcommand_from person" -l phone
complete -c gendan -n "__fish_seen_subcommand_from person" -l wechat
complete -c gendan -n "__fish_seen_subcommand_from person" -l whatsapp
complete -c gendan -n "__fish_seen_subcommand_from person" -l note
complete -c gendan -n "__fish_seen_subcommand_from person" -l force
complete -c gendan -n "__fish_seen_subcommand_from person" -l help
complete -c gendan -n "__fish_seen_subcommand_from log set show edit history hold stage pay person" -a "(__gendan_ids)"
complete -c gendan -n "__fish_seen_subcommand_from log" -l via -a "phone email fax wechat whatsapp visit post meeting other"
complete -c gendan -n "__fish_seen_subcommand_from help" -a "add check clone commit due edit export find help history hold import init log ls pay person reassign reclaim report set show stage stats status sync undo"
