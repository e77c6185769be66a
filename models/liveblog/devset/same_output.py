#!/usr/bin/env python3
"""Checks that two builds of claimdesk give byte-identical `extract` output.

    python3 models/liveblog/devset/same_output.py BEFORE AFTER

BEFORE and AFTER are claimdesk binaries (go build -o /tmp/before . on the
old commit, then on the new one). Both extract every text of the
development set (devset/texts/*.txt, whichever are present), the shared
samples, the extractor's test texts, the two inputs of BenchmarkExtract
(built as benchText builds them) and a claim-dense 10 MB text; AFTER runs
with GOMAXPROCS=1, 2 and 4. Prints one line per text and exits 1 on the
first difference.
"""
import glob
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PKG = os.path.dirname(HERE)
ROOT = os.path.dirname(os.path.dirname(PKG))
MAX_INPUT = 10 << 20


def bench_text(size):
    """The text BenchmarkExtract extracts (bench_test.go, benchText)."""
    parts = []
    for d in (os.path.join(ROOT, "..", "shared", "samples"), os.path.join(PKG, "testdata")):
        for f in sorted(glob.glob(os.path.join(d, "*.txt"))):
            with open(f, "rb") as fh:
                parts.append(fh.read())
    out = bytearray()
    while len(out) < size:
        for p in parts:
            out += p + b"\n\n"
    if len(out) > MAX_INPUT:
        out = out[: bytes(out[:MAX_INPUT]).rfind(b"\n\n")]
    return bytes(out)


def claim_dense(size):
    """The text of TestExtractCommandMemoryBounded (handlers/cli), cut into
    timestamped entries every 200 sentences so that entries are scanned apart."""
    first = ["Marta", "Ana", "Piet", "Elin", "Tomas", "Ilse", "Jon", "Ola"]
    last = ["Kellner", "Borg", "Vermaas", "Sova", "Wendt", "Baumann", "Berg"]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    out, n = [], 0
    total = 0
    while total < size:
        if n % 50 == 0:
            s = "\n\n%d:%02d\n\n" % (9 + n // 3000 % 12, n // 50 % 60)
            out.append(s)
            total += len(s)
        s = ("%s %s said \u201cwe will stay out for %d days.\u201d Piet Vermaas told reporters that no ship "
             "had moved. \u201cThe talks resume on %s,\u201d Elin Sova said. The union said it would wait. ") % (
            first[n % len(first)], last[(n * 5) % len(last)], n % 90, days[n % len(days)])
        out.append(s)
        total += len(s.encode())
        n += 1
    return "".join(out).encode()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    before, after = sys.argv[1:]
    texts = sorted(glob.glob(os.path.join(HERE, "texts", "*.txt")))
    texts += sorted(glob.glob(os.path.join(ROOT, "..", "shared", "samples", "*.txt")))
    texts += sorted(glob.glob(os.path.join(PKG, "testdata", "*.txt")))
    with tempfile.TemporaryDirectory(prefix="same-output-") as tmp:
        compare(before, after, texts, tmp)


def compare(before, after, texts, tmp):
    """Writes the generated inputs to tmp and compares the two builds on all texts."""
    for name, data in (("bench-1MB.txt", bench_text(1 << 20)), ("bench-10MB.txt", bench_text(MAX_INPUT - (64 << 10))),
                       ("claim-dense-10MB.txt", claim_dense(MAX_INPUT - (64 << 10)))):
        path = os.path.join(tmp, name)
        with open(path, "wb") as fh:
            fh.write(data)
        texts.append(path)
    for t in texts:
        want = subprocess.run([before, "extract", t], capture_output=True, env=dict(os.environ, GOMAXPROCS="1"))
        for procs in ("1", "2", "4"):
            got = subprocess.run([after, "extract", t], capture_output=True, env=dict(os.environ, GOMAXPROCS=procs))
            if (got.returncode, got.stdout, got.stderr) != (want.returncode, want.stdout, want.stderr):
                print("DIFFERENT (GOMAXPROCS=%s): %s" % (procs, t))
                sys.exit(1)
        print("same  %8d bytes of JSON  %s" % (len(want.stdout), os.path.relpath(t, ROOT)))
    print("identical on %d texts" % len(texts))


if __name__ == "__main__":
    main()
