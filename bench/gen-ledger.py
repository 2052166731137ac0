#!/usr/bin/env python3
"""bench/gen-ledger.py N DIR [ORDERS] - write a realistic ledger of N
customers (Chinese and English names, contact logs) with N/10 inquiries
(half of them linked to a customer) and ORDERS orders (default N/50;
stages, payments) into DIR, sharded as gendan shards (FNV-1a low byte),
and commit it with git.  A team of one salesperson per 2,500
customers (at least 4; li.lei@example.com is the first).  Deterministic.

The history spans four weeks, as a ledger's does: the first commit (on
2026-11-01) has one customer in 50 at an older state (another tier, one
contact less); commits on 11-08, 11-15, 11-22 and 11-23 (Asia/Shanghai)
each bring a quarter of them to their state of today, so a past week's
report reads a snapshot that differs from HEAD."""
import os
import random
import subprocess
import sys


def shard(ident):
    h = 2166136261
    for b in ident.encode():
        h ^= b
        h = (h * 16777619) & 0xFFFFFFFF
    return "%02x" % (h & 0xFF)


CN_CITIES = ["宁波", "深圳", "温州", "上海", "广州", "义乌", "厦门", "青岛"]
CN_WORDS = ["海天", "明亮", "欧普", "光明", "华强", "永盛", "金利", "达通"]
EN_WORDS = ["Acme", "Gulf", "Nordic", "Andes", "Lagos", "Sunrise", "Kanto",
            "Texas", "Hanoi", "Seoul", "Dubai", "Rossi", "Bright", "Star"]
EN_KINDS = ["Trading", "Lights", "Lamps", "Electric", "Imports", "Decor"]
FORMS = ["Co.", "LLC", "Ltd", "GmbH", "S.p.A.", "Inc.", "AB"]
COUNTRIES = ["US", "DE", "AE", "IT", "JP", "CN", "NG", "PE", "SE", "AU"]
BASE_OWNERS = ["li.lei", "wang.fang", "zhang.wei", "chen.jing"]
VIA = ["phone", "email", "wechat", "whatsapp", "visit"]


def write(out, kind, ident, lines):
    d = os.path.join(out, kind, shard(ident))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, ident + ".yaml"), "w") as f:
        f.write("\n".join(lines) + "\n")


def log_lines(rnd, owners, count):
    lines = ["log:"] if count else []
    for k in range(count):
        lines.append("  - at: 2026-11-%02dT%02d:00:00+08:00" % (k + 1, rnd.randint(8, 18)))
        lines.append("    by: %s" % rnd.choice(owners))
        lines.append("    via: %s" % rnd.choice(VIA))
        lines.append("    note: Discussed order %d, samples and price" % k)
    return lines


def older(lines):
    """A customer as it stood weeks ago: another tier, its last contact
    not yet made."""
    old = ["tier: %s" % ("B" if ln == "tier: A" else "A") if ln.startswith("tier: ") else ln
           for ln in lines]
    if "log:" in old:
        old = old[:-4] if len(old) - old.index("log:") > 5 else old[:old.index("log:")]
    return old


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(42)
    owners = ["%s@example.com" % o for o in BASE_OWNERS]
    owners += ["sales%03d@example.com" % k for k in range(len(owners), max(4, n // 2500))]
    ids = []
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "gendan.yaml"), "w") as f:
        f.write("gendan: 1\n")
    later = []
    for i in range(n):
        if i % 3 == 0:
            name = "%s%s%s贸易有限公司" % (rnd.choice(CN_CITIES), rnd.choice(CN_WORDS), i)
            ident = "c-%06x" % i
            country = "CN"
        else:
            name = "%s %s %d %s" % (rnd.choice(EN_WORDS), rnd.choice(EN_KINDS), i,
                                    rnd.choice(FORMS))
            ident = "-".join("".join(ch.lower() if ch.isalnum() else " "
                                     for ch in name).split())
            country = rnd.choice(COUNTRIES)
        owner = rnd.choice(owners)
        lines = ["name: %s" % name, "tier: %s" % rnd.choice("ABCD"),
                 "status: active", "owner: %s" % owner,
                 "email: buyer%d@company%d.example" % (i, i),
                 "country: %s" % country,
                 "created: 2026-%02d-%02d" % (rnd.randint(1, 10), rnd.randint(1, 28))]
        lines += log_lines(rnd, [owner], rnd.randint(0, 4))
        if i % 50 == 7:
            later.append((ident, lines))
            lines = older(lines)
        write(out, "customers", ident, lines)
        ids.append((ident, owner))
    for i in range(n // 10):
        day = rnd.randint(1, 22)
        ident = "q-202611%02d-%04x" % (day, i & 0xFFFF) + ("" if i < 0x10000 else "-%d" % i)
        cust, owner = rnd.choice(ids)
        status = rnd.choice(["new", "replied", "quoted", "sampling", "won", "lost"])
        lines = ["received: 2026-11-%02dT%02d:30:00+08:00" % (day, rnd.randint(8, 18)),
                 "from:", "  name: Buyer %d" % i, "  company: %s %s" % (rnd.choice(EN_WORDS), rnd.choice(EN_KINDS)),
                 "  email: q%d@buyer.example" % i,
                 "channel: %s" % rnd.choice(["email", "alibaba", "fair", "web"]),
                 "product: LED panel %d" % rnd.randint(300, 1200),
                 "grade: %s" % rnd.choice("ABCD"), "status: %s" % status, "owner: %s" % owner]
        if status != "new":
            lines.append("replied: 2026-11-%02dT18:00:00+08:00" % min(day + 1, 22))
        if i % 2 == 0:  # half of them linked to a customer (its whole picture)
            lines.append("customer: %s" % cust)
        write(out, "inquiries", ident, lines)
    for i in range(int(sys.argv[3]) if len(sys.argv) > 3 else n // 50):
        cust, owner = rnd.choice(ids)
        ident = "po-2026-%06d" % i
        m = rnd.randint(11, 12)
        lines = ["number: PO-2026-%06d" % i, "customer: %s" % cust, "owner: %s" % owner,
                 "status: open", "items:", "  - product: LED panel 600x600",
                 "    qty: %d" % rnd.randint(100, 5000), "    price: 7.80", "currency: USD",
                 "ship-by: 2027-01-%02d" % rnd.randint(10, 28),
                 "internal-by: 2026-12-%02d" % rnd.randint(20, 28), "stages:"]
        for k, st in enumerate(["materials", "production", "inspection", "packing"]):
            lines.append("  - name: %s" % st)
            lines.append("    plan: 2026-%02d-%02d" % (m, 5 + 5 * k))
            if rnd.random() < 0.3:
                lines.append("    done: 2026-11-%02d" % (5 + 5 * k))
        lines += ["payments:", "  - what: deposit", "    amount: 5000",
                  "    due: 2026-11-%02d" % rnd.randint(10, 30)]
        write(out, "orders", ident, lines)
    env = dict(os.environ, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.com",
               GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.com")

    def commit(when, message, paths):
        e = dict(env, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
        subprocess.run(["git", "-C", out, "add", "--"] + paths, check=True, env=e)
        subprocess.run(["git", "-C", out, "commit", "-q", "-m", message], check=True, env=e)

    subprocess.run(["git", "init", "-q", "-b", "main", out], check=True)
    commit("2026-11-01T09:00:00+08:00", "bench ledger", ["."])
    weeks = ["2026-11-08T10:00:00+08:00", "2026-11-15T10:00:00+08:00",
             "2026-11-22T12:00:00+08:00", "2026-11-23T08:00:00+08:00"]
    for w, when in enumerate(weeks):
        paths = []
        for ident, lines in later[w::4]:
            write(out, "customers", ident, lines)
            paths.append(os.path.join("customers", shard(ident), ident + ".yaml"))
        if paths:
            commit(when, "bench: week %d" % (w + 1), paths)

main()
