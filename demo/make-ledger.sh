#!/bin/sh
# demo/make-ledger.sh GENDAN OUTDIR - rebuild the bundled demo ledger by
# driving the real binary through three weeks of a small export team's work
# (each command at its own GENDAN_NOW), then keep the record files.
# The result is committed as demo/ledger/; tools/demo copies it.
set -eu
gendan=$1
out=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_AUTHOR_NAME="Li Lei" GIT_AUTHOR_EMAIL=li.lei@example.com
export GIT_COMMITTER_NAME="Li Lei" GIT_COMMITTER_EMAIL=li.lei@example.com
export TZ=Asia/Shanghai
at() { GENDAN_NOW="$1"; export GENDAN_NOW; }
g() { "$gendan" -C "$work/l" "$@" >/dev/null; }
as() { who=$1; shift; GIT_AUTHOR_EMAIL=$who "$gendan" -C "$work/l" "$@" >/dev/null; }

at 2026-10-20T09:00:00+08:00
"$gendan" init "$work/l" >/dev/null
g add customer "ACME Trading Co." --tier B --email john@acme.example --phone "+1 312 555 0100" --country US --city Chicago --tag lighting --source canton-fair
g add customer "宁波海天贸易有限公司" --id haitian --tier A --phone "+86 574 8888 1234" --country CN --city Ningbo --source referral
g add customer "Gulf Lights LLC" --tier A --email ahmed@gulflights.ae --country AE --city Dubai --tag led --source alibaba
g add customer "Müller Leuchten GmbH" --tier B --email k.mueller@mueller-leuchten.de --country DE --city Köln --source canton-fair
g add customer "Rossi Illuminazione S.p.A." --tier C --email acquisti@rossi-ill.it --country IT --city Milano
g add customer "深圳明亮照明有限公司" --id mingliang --tier B --phone "+86 755 2666 8899" --country CN --city 深圳
g add customer "Lagos Bright Ventures" --tier D --email info@lagosbright.ng --country NG --city Lagos
g add customer "Andes Electric SAC" --tier C --email compras@andes-electric.pe --country PE --city Lima
g add customer "Nordic Lamp AB" --tier B --email inkop@nordiclamp.se --country SE --city Göteborg
g add customer "Kanto Shoji K.K." --tier A --email tanaka@kanto-shoji.jp --country JP --city Osaka
g add customer "上海光明灯饰" --tier C --phone "+86 21 5555 0101" --country CN --city 上海
g add customer "Sunrise Home Depot Pty" --tier D --email buyer@sunrisehome.com.au --country AU --city Sydney
as wang.fang@example.com add customer "Istanbul Aydınlatma" --tier B --email satin@istanbul-aydinlatma.com.tr --country TR --city Istanbul --owner wang.fang@example.com
as wang.fang@example.com add customer "Casablanca Lumière SARL" --tier C --email achat@casalumiere.ma --country MA --city Casablanca --owner wang.fang@example.com
g add customer "Texas Patio Supply" --tier B --email orders@texaspatio.example --country US --city Houston --tag outdoor
g add customer "Hanoi Lighting JSC" --tier C --email sales@hanoilighting.vn --country VN --city "Hà Nội"
g add customer "Warsaw LED Sp. z o.o." --tier D --email biuro@warsawled.pl --country PL --city Warszawa
g add customer "Mumbai Electricals" --tier B --email purchase@mumbaielec.in --country IN --city Mumbai --owner ""
g add customer "Chilean Solar Ltda" --tier C --email ventas@chilesolar.cl --country CL --city Santiago --owner ""
g add customer "温州欧普电器" --id oupu --tier A --phone "+86 577 8686 2020" --country CN --city 温州
g add customer "Dubai Mall Fitouts" --tier B --email fitout@dmf.ae --country AE --city Dubai
g add customer "Kenya Power Retail" --tier D --email procurement@kpretail.co.ke --country KE --city Nairobi
g add customer "Bangkok Décor Co., Ltd." --tier C --email decor@bkkdecor.co.th --country TH --city Bangkok
g add customer "Seoul Bright Inc." --tier B --email kim@seoulbright.kr --country KR --city Seoul

at 2026-10-22T10:15:00+08:00
g log acme --via phone -m "Wants samples of DL-20; quote by Friday."
g log haitian --via wechat -m "王总问20尺柜价格，下周给报价" --next 2026-10-27
g log gulf --via whatsapp -m "Ahmed asks for CE and RoHS certificates"
at 2026-10-24T15:30:00+08:00
g log acme --via email -m "Quote sent: DL-20 USD 4.20 FOB Ningbo, MOQ 2000"
g log kanto --via email -m "Tanaka-san: catalogue received, will visit at fair"
g log Müller --via email -m "Asked for IP65 version of the flood light"
at 2026-10-27T09:40:00+08:00
g log haitian --via phone -m "报价已发，对方嫌贵，要求降价3%"
g log oupu --via visit -m "Factory visit, checked production line for panel lights" --next 2026-11-20
at 2026-11-02T11:00:00+08:00
g log gulf --via whatsapp -m "Certificates sent; he will order after Ramadan stock check" --next 2026-11-18
g log mingliang --via wechat -m "样品已寄出，顺丰单号 SF1234567890"
g log seoul --via email -m "Kim wants 3 colour temperatures in one SKU"
as wang.fang@example.com log istanbul --via phone -m "Price accepted, waiting for PI"
at 2026-11-05T16:20:00+08:00
g log rossi --via email -m "Rossi: no budget until Q1, call again in January"
g set rossi next=2027-01-12
g log texas --via phone -m "Patio string lights for spring, needs 20k pcs by March"
at 2026-11-10T10:00:00+08:00
g log kanto --via meeting -m "Met at Canton Fair booth 11.2; wants exclusive design" --next 2026-11-24
g log acme --via phone -m "John: samples approved, PO next week" --next 2026-11-20
g log dubai --via email -m "Fit-out project, 800 downlights, tender closes Dec 1"
at 2026-11-12T14:00:00+08:00
g log nordic --via email -m "Inköp asks for EU warehouse delivery terms"
g log hanoi --via phone -m "Distributor meeting postponed"
g add inquiry --from "Ahmed Al-Mansouri" --company "Gulf Lights LLC" --email ahmed@gulflights.ae --customer gulf --channel whatsapp --product "LED panel 600x600" --qty 3000 --grade A --received 2026-11-12T13:20:00+08:00
at 2026-11-18T09:30:00+08:00
g add inquiry --from "Maria Lopez" --company "Lopez Iluminación" --email maria@lopez-ilum.mx --country MX --channel alibaba --product "solar garden light" --qty 5000 --grade B --received 2026-11-18T08:05:00+08:00
g log gulf --via whatsapp -m "PI for 3000 panels sent, 30% deposit"
g add order "PO#2026/118" --customer gulf --ship-by 2026-12-30 --item "LED panel 600x600:3000:7.80" --currency USD
g pay "PO#2026/118" deposit --amount 7020 --due 2026-11-25
g pay "PO#2026/118" balance --amount 16380 --due 2026-12-28
at 2026-11-20T10:00:00+08:00
g add order "HT-2611" --customer haitian --ship-by 2026-12-15 --item "street light 100W:400:38" --currency CNY
g stage HT-2611 materials --done 2026-11-19 -m "铝壳到货"
at 2026-11-21T17:00:00+08:00
g add inquiry --from "Peter Novak" --email peter.novak@gmail.com --country CZ --channel email --product "LED tube T8" --qty 10000 --received 2026-11-21T16:45:00+08:00
g add inquiry --company "Kanto Shoji K.K." --from "Tanaka" --email tanaka@kanto-shoji.jp --customer kanto --channel fair --product "custom pendant" --grade A --received 2026-11-21T11:00:00+08:00
g log peter.novak@gmail.com --via email -m "Sent price list and MOQ for T8 tubes"
g set mingliang status=dormant

rm -rf "$out"
mkdir -p "$out"
cp "$work/l/gendan.yaml" "$out/"
cp -R "$work/l/customers" "$work/l/inquiries" "$work/l/orders" "$out/"
