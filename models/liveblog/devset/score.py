#!/usr/bin/env python3
"""Score `claimdesk extract` on the development set of real news.

usage (from the repository root):
    python3 models/liveblog/devset/score.py [-v] [--bin PATH] [--before REV]
        [--dir ANNOTATIONS] [--texts TEXTS] [--match GLOB]

Each NAME.json beside this script annotates one published live blog or wire
report (its address, the search that found it, and the attributed claims a
careful reader finds, with `keys`: verbatim phrases of each claim). The texts
themselves are not part of the repository: put them in texts/NAME.txt (the
folder is git-ignored); annotations without a text are skipped.

Every text is scored by ../shared/tools/score_extract.py and the counts are
summed; the shared samples are scored by the package's TestSamples. -v lists
missed claims, wrong flags and candidates that match no claim. --before REV
also builds the extractor of git revision REV (in a temporary directory) and
prints its figures on the same texts first, so one command shows before and
after. --dir scores the annotations of another folder (a colleague's batch),
--texts takes the texts from another folder, --match keeps the annotations
whose file name matches GLOB (default "*.json").
"""
import glob, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SCORER = next((p for p in [os.path.join(ROOT, "..", "shared", "tools", "score_extract.py"),
                           "/work/shared/tools/score_extract.py"] if os.path.exists(p)), None)
LINE = re.compile(r"recall (\d+)/(\d+) precision (\d+)/(\d+) flags (\d+)/(\d+)")


def matches(c, e):
    t = (str(c.get("claim", "")) + " " + str(c.get("quote", ""))).lower()
    who = str(c.get("claimant", "")).lower()
    return any(k.lower() in t for k in e["keys"]) and any(n.lower() in who for n in e["claimant"])


def pct(a, b):
    return 100.0 * a / b if b else 100.0


def build_revision(rev, tmp):
    """Builds claimdesk as it was at git revision rev and returns the binary."""
    src = os.path.join(tmp, "src-" + rev)
    os.makedirs(src)
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", src], input=archive, check=True)
    binary = os.path.join(tmp, "claimdesk-" + rev)
    subprocess.run(["go", "build", "-o", binary, "."], cwd=src, check=True)
    return binary


def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def main():
    global ANN_DIR, TEXT_DIR, MATCH
    ANN_DIR = arg("--dir", HERE)
    TEXT_DIR = arg("--texts", os.path.join(ANN_DIR, "texts"))
    MATCH = arg("--match", "*")
    if not MATCH.endswith(".json"):
        MATCH += ".json"
    verbose = "-v" in sys.argv
    binary = None
    if "--bin" in sys.argv:
        binary = sys.argv[sys.argv.index("--bin") + 1]
    if SCORER is None:
        sys.exit("score_extract.py not found (expected in ../shared/tools)")
    tmp = tempfile.mkdtemp(prefix="devset-")
    if "--before" in sys.argv:
        rev = sys.argv[sys.argv.index("--before") + 1]
        print(f"== before ({rev})")
        score(build_revision(rev, tmp), tmp, verbose, samples=False)
        print("== after (working tree)")
    if binary is None:
        binary = os.path.join(tmp, "claimdesk")
        subprocess.run(["go", "build", "-o", binary, "."], cwd=ROOT, check=True)
    score(binary, tmp, verbose, samples=True)


def score(binary, tmp, verbose, samples):
    total = [0] * 6
    scored = 0
    for ann in sorted(glob.glob(os.path.join(ANN_DIR, MATCH))):
        name = os.path.splitext(os.path.basename(ann))[0]
        txt = os.path.join(TEXT_DIR, name + ".txt")
        if not os.path.exists(txt):
            continue
        out = os.path.join(tmp, name + "." + os.path.basename(binary) + ".json")
        with open(out, "w") as f:
            subprocess.run([binary, "extract", txt], stdout=f, check=True)
        res = subprocess.run([sys.executable, SCORER, ann, out], capture_output=True, text=True, check=True).stdout
        m = LINE.search(res)
        nums = [int(x) for x in m.groups()]
        total = [a + b for a, b in zip(total, nums)]
        scored += 1
        print(f"{name:32s} recall {nums[0]}/{nums[1]}  precision {nums[2]}/{nums[3]}  flags {nums[4]}/{nums[5]}")
        if verbose:
            exp = json.load(open(ann))["claims"]
            cands = json.load(open(out))
            for e in exp:
                hit = [c for c in cands if matches(c, e)]
                if not hit:
                    print(f"    missed: {e['claim']!r} by {e['claimant']}")
                elif bool(hit[0].get("unverifiable")) != bool(e.get("unverified_note")):
                    print(f"    flag wrong: {e['claim']!r} (want {bool(e.get('unverified_note'))})")
            for c in cands:
                if not any(matches(c, e) for e in exp):
                    print(f"    extra: {c.get('claim')!r} by {c.get('claimant')!r} [{c.get('rule', '')}]")
    if scored == 0:
        print("no texts present: put them in", TEXT_DIR)
    else:
        r, R, p, P, f, F = total
        print(f"development set, {scored} texts: recall {pct(r, R):.1f}% ({r}/{R})  "
              f"precision {pct(p, P):.1f}% ({p}/{P})  flag {pct(f, F):.1f}% ({f}/{F})")
    if not samples:
        return
    res = subprocess.run(["go", "test", "./models/liveblog/", "-run", "TestSamples$", "-v", "-count=1"],
                         cwd=ROOT, capture_output=True, text=True)
    for line in res.stdout.splitlines():
        if "recall" in line and "%" in line:
            print("sample " + line.strip().split(": ", 1)[-1])
    if res.returncode != 0:
        print("TestSamples FAILED")


if __name__ == "__main__":
    main()
