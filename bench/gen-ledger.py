#!/usr/bin/env python3
"""bench/gen-ledger.py N DIR - write a realistic ledger of N customers
(Chinese and English names, contact logs) into DIR, sharded as gendan
shards (FNV-1a low byte), and commit it with git.  Deterministic."""
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
OWNERS = ["li.lei@example.com", "wang.fang@example.com",
          "zhang.wei@example.com", "chen.jing@example.com"]
VIA = ["phone", "email", "wechat", "whatsapp", "visit"]


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(42)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "gendan.yaml"), "w") as f:
        f.write("gendan: 1\n")
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
        lines = ["name: %s" % name, "tier: %s" % rnd.choice("ABCD"),
                 "status: active", "owner: %s" % rnd.choice(OWNERS),
                 "email: buyer%d@company%d.example" % (i, i),
                 "country: %s" % country,
                 "created: 2026-%02d-%02d" % (rnd.randint(1, 10), rnd.randint(1, 28))]
        logs = rnd.randint(0, 4)
        if logs:
            lines.append("log:")
            for k in range(logs):
                lines.append("  - at: 2026-11-%02dT%02d:00:00+08:00" % (k + 1, rnd.randint(8, 18)))
                lines.append("    by: %s" % rnd.choice(OWNERS))
                lines.append("    via: %s" % rnd.choice(VIA))
                lines.append("    note: Discussed order %d, samples and price" % k)
        d = os.path.join(out, "customers", shard(ident))
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, ident + ".yaml"), "w") as f:
            f.write("\n".join(lines) + "\n")
    env = dict(os.environ, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.com",
               GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.com")
    subprocess.run(["git", "init", "-q", "-b", "main", out], check=True)
    subprocess.run(["git", "-C", out, "add", "-A"], check=True, env=env)
    subprocess.run(["git", "-C", out, "commit", "-q", "-m", "bench ledger"], check=True, env=env)


main()
