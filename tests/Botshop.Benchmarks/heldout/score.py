#!/usr/bin/env python3
"""Spot check on fresh questions: runs `botshop ask --json` per posting and scores the verdicts.
"duration" and "remote_work" for the PhD posting are expected to be declined as not in the posting (it doesn't say).
Usage: python3 score.py [path/to/botshop.dll]   (uses ConnectionStrings__Botshop / Botshop__DataPath from the environment)"""
import json, subprocess, sys, collections
dll = sys.argv[1] if len(sys.argv) > 1 else "src/Botshop.Cli/bin/Release/net10.0/botshop.dll"
rows = [l.rstrip("\n").split("\t") for l in open(__file__.rsplit("/", 1)[0] + "/questions.tsv") if l.strip() and not l.startswith("#")]
by_posting = collections.defaultdict(list)
for posting, expected, question in rows:
    by_posting[posting].append((expected, question))
ok = total = 0
for posting, items in by_posting.items():
    out = subprocess.run(["dotnet", dll, "ask", "--posting", posting, "--json"], input="\n".join(q for _, q in items) + "\n",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    for (expected, question), line in zip(items, out):
        r = json.loads(line)
        right = (not r["answered"]) if expected == "decline" else (r["answered"] and r["intent"] == expected)
        if (posting, expected) in {("phd-research-intern-europe", "duration"), ("phd-research-intern-europe", "remote_work")}:
            right = not r["answered"] and r["intent"] == expected   # known topic, posting doesn't say
        ok += right; total += 1
        if not right:
            print(f"MISS {posting[:12]} expected={expected} got={r['intent'] or r['kind']} answered={r['answered']} :: {question}")
print(f"{ok}/{total} right ({ok / total:.0%})")
