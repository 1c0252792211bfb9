#!/usr/bin/env python3
"""Summarises a ctest JUnit file: what was skipped and why, QtTest's QSKIP slots included (ctest counts a QtTest
binary whose slots skipped as passed), then one closing line 'N passed, N failed, N skipped'."""
import collections
import re
import sys
import xml.etree.ElementTree as ET

QT_SKIP = re.compile(r"^SKIP\s*:\s*(\S+)\s+(.*)$")


def skip_reason(out):
    """GoogleTest prints 'FILE:LINE: Skipped' and then GTEST_SKIP()'s message; other tests' last line says why."""
    lines = [line.strip() for line in out.strip().splitlines()]
    for i, line in enumerate(lines):
        if line.endswith(": Skipped") and i + 1 < len(lines) and lines[i + 1]:
            return lines[i + 1]
    return lines[-1] if lines else ""


def main(path):
    root = ET.parse(path).getroot()
    passed = failed = skipped = 0
    reasons = collections.Counter()
    qt_slots = 0
    for case in root.iter("testcase"):
        status = case.get("status", "")
        out = case.findtext("system-out") or ""
        if case.find("failure") is not None or status == "fail":
            failed += 1
        elif case.find("skipped") is not None or status in ("notrun", "disabled"):
            skipped += 1
            message = skip_reason(out) or status
            reasons[f"{case.get('name')}: {message[:160]}"] += 1
        else:
            passed += 1
        for line in out.splitlines():
            m = QT_SKIP.match(line.strip())
            if m:
                qt_slots += 1
                reasons[f"{m.group(1)}: {m.group(2).strip()[:160]}"] += 1
    if reasons:
        print(f"skipped: {skipped} ctest entries and {qt_slots} QtTest slots; why:")
        for reason, count in reasons.most_common():
            print(f"  {count:3d} × {reason}")
    else:
        print("skipped: nothing")
    print(f"{passed} passed, {failed} failed, {skipped + qt_slots} skipped")


if __name__ == "__main__":
    main(sys.argv[1])
