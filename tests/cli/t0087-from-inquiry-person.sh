# add customer --from-inquiry: the one who sent the inquiry becomes a
# person of the new customer, with the email and phone they wrote from
# (issue 15: the inquirer 刘经理 was dropped).
. "$TESTDIR/lib.sh"
new_ledger "$TMP/l"
"$GENDAN" add inquiry --id q1 --from 刘经理 --company 宁波海天贸易 \
	--email liu@haitian.example --phone "+86 574 8888 1234" --product DL-20 >/dev/null
gd 0 add customer --from-inquiry q1
f=$(ls customers/*/*.yaml)
has "$f" "^name: 宁波海天贸易$"
has "$f" "^people:$"
has "$f" "^  - name: 刘经理$"
has "$f" "^    email: liu@haitian.example$"
has "$f" '^    phone: "\+86 574 8888 1234"$'
gd 0 find 刘经理 --format=tsv
has "$TMP/out" "^c-[0-9a-f]+	customer	宁波海天贸易"
clean

# a sender without a name gives no person
"$GENDAN" add inquiry --id q2 --company "Gulf Lights" --email buy@gulf.example >/dev/null
gd 0 add customer --from-inquiry q2
f=$(grep -l "Gulf Lights" customers/*/*.yaml)
hasnt "$f" "people"
done_testing
