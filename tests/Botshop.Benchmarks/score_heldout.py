#!/usr/bin/env python3
"""Spot check on fresh questions: runs `botshop ask --json` per posting over data/regression/heldout.tsv and scores
what a candidate sees (the issue's goals: >= 95 % of answerable questions answered right, >= 90 % of unanswerable
ones declined). Right means: an out_of_scope question is declined; any other question is answered with its
intent, or (when the posting says nothing about that topic) declined as "not in this posting" with its intent named.
Usage: python3 score_heldout.py [path/to/botshop.dll] [path/to/heldout.tsv]
(uses ConnectionStrings__Botshop / Botshop__DataPath from the environment)"""
import json, subprocess, sys, collections, os
here = os.path.dirname(os.path.abspath(__file__))
dll = sys.argv[1] if len(sys.argv) > 1 else "src/Botshop.Cli/bin/Release/net10.0/botshop.dll"
tsv = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "..", "..", "data", "regression", "heldout.tsv")
rows = [l.rstrip("\n").split("\t") for l in open(tsv) if l.strip() and not l.startswith("#")]
by_posting = collections.defaultdict(list)
for posting, expected, question in rows:
    by_posting[posting].append((expected, question))
ok = total = 0
right_by_kind = collections.Counter()   # "answerable" / "unanswerable" -> right
count_by_kind = collections.Counter()
for posting, items in by_posting.items():
    out = subprocess.run(["dotnet", dll, "ask", "--posting", posting, "--json"], input="\n".join(q for _, q in items) + "\n",
                         capture_output=True, text=True, check=True).stdout.splitlines()
    for (expected, question), line in zip(items, out):
        r = json.loads(line)
        if expected == "out_of_scope":
            right = not r["answered"]
        else:
            right = r["intent"] == expected and (r["answered"] or r["kind"].lower() == "notinposting")
        ok += right; total += 1
        kind = "unanswerable" if expected == "out_of_scope" else "answerable"
        right_by_kind[kind] += right; count_by_kind[kind] += 1
        if not right:
            print(f"MISS {posting[:12]} expected={expected} got={r['intent'] or r['kind']} answered={r['answered']} :: {question}")
print(f"{ok}/{total} right ({ok / total:.1%}); " + "; ".join(
    f"{kind} {right_by_kind[kind]}/{count_by_kind[kind]} ({right_by_kind[kind] / count_by_kind[kind]:.1%})"
    for kind in ("answerable", "unanswerable") if count_by_kind[kind]))
