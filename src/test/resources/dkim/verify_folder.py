#!/usr/bin/python3
"""Verifies the DKIM signature of every *.eml file in a folder with python3-dkim (dkimpy),
an independent verifier that shares no code with the signer.

Usage: /usr/bin/python3 verify_folder.py FOLDER SELECTOR DOMAIN PUBLIC_KEY_BASE64

The DNS lookup is replaced by the given key (dnsfunc), so no network is needed. Prints one line
"checked N invalid M" and then one line per invalid message ("INVALID name reason"); the exit
code is 0 only when every message verified.
"""
import os
import sys

import dkim


def main():
    folder, selector, domain, key = sys.argv[1:5]
    record = ("v=DKIM1; k=rsa; p=" + key).encode("ascii")
    wanted = (selector + "._domainkey." + domain + ".").lower().encode("ascii")

    def dns(name, timeout=5):
        n = name if isinstance(name, bytes) else name.encode("ascii")
        return record if n.lower().rstrip(b".") + b"." == wanted else None

    names = sorted(f for f in os.listdir(folder) if f.endswith(".eml"))
    bad = []
    for name in names:
        with open(os.path.join(folder, name), "rb") as f:
            msg = f.read()
        try:
            ok = dkim.verify(msg, dnsfunc=dns)
            reason = "signature does not verify"
        except Exception as e:  # a malformed signature is a failure too
            ok, reason = False, repr(e)
        if not ok:
            bad.append((name, reason))
    print("checked %d invalid %d" % (len(names), len(bad)))
    for name, reason in bad:
        print("INVALID %s %s" % (name, reason))
    sys.exit(0 if names and not bad else 1)


if __name__ == "__main__":
    main()
