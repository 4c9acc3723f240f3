"""Checks PDFs against PDF/A-3a and PDF/UA-1 with `page` (PyPI: page-validation).

Usage: validate.py FILE...; prints one line per file and finding, exits 1 on any finding.

One finding of page 0.11 is checked again here: PDFA3A-STREAM-LENGTH-001 is reported when a
stream's data happens to end in a CR byte before the LF that precedes `endstream`; page then
takes CR LF for the end-of-line marker. ISO 19005-2 6.1.7.1 counts the bytes before the EOL
marker, so such a stream is conformant when /Length points exactly at that LF.
"""

import re
import sys

import page


def length_is_exact(data: bytes, number: int) -> bool:
    start = data.find(b"\n%d 0 obj" % number)
    if start < 0:
        return False
    keyword = data.find(b"stream", start)
    match = re.search(rb"/Length (\d+)(?! \d+ R)", data[start:keyword])
    if not match:
        return False
    body = keyword + len(b"stream")
    body += 2 if data[body:body + 2] == b"\r\n" else 1
    end = body + int(match.group(1))
    return data[end - 1:end] == b"\r" and data[end:end + 10] == b"\nendstream"


def main() -> int:
    findings = 0
    for path in sys.argv[1:]:
        data = open(path, "rb").read()
        for profile in ("3a", "ua1"):
            report = page.validate_pdf(path, profile=profile)
            real = [
                f for f in report.failures
                if not (f.rule_id == "PDFA3A-STREAM-LENGTH-001" and f.object_id
                        and length_is_exact(data, f.object_id.object_number))
            ]
            print(f"{path} {profile}: {report.rules.total} rules, {len(real)} failed")
            for f in real:
                findings += 1
                print(f"  {f.rule_id}: {f.message} (object {f.object_id and f.object_id.object_number})")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
