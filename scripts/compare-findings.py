#!/usr/bin/env python3
"""Compares two demo scans' reports: the findings (by stable id: type, severity, rule, status, title, reasons,
resource, owner, details) and what the scan could not cover or evaluate. Dates and times follow each run's clock and
are masked; so is the order of a place's recording kinds, which before this was fixed followed Set.copyOf's order and
changed from one JVM to the next. Run the two scans one after the other: the demo tenant's background sign-ins are
generated relative to the clock, so scans far apart see different sign-in counts.

    java -jar before.jar scan --demo --report-dir A
    java -jar connector/target/ward.jar scan --demo --report-dir B
    python3 scripts/compare-findings.py A B          # exit 0 when they agree
"""
import json
import re
import sys

TIME = re.compile(r'\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?( ?UTC|Z)?)?')
KINDS = re.compile(r'(patient recordings? \()([a-z, -]+)(\))')
KEYS = ('type', 'severity', 'ruleId', 'status', 'title', 'reasons', 'siteId', 'driveId', 'itemId', 'webUrl', 'path',
        'owner', 'details')


def norm(value):
    text = TIME.sub('<time>', json.dumps(value, sort_keys=True))
    text = KINDS.sub(lambda m: m.group(1) + ', '.join(sorted(m.group(2).split(', '))) + m.group(3), text)
    value = json.loads(text)
    if isinstance(value, dict) and isinstance(value.get('kinds'), list):
        value['kinds'] = sorted(value['kinds'])
    return value


def findings(folder):
    return {f['id']: {k: norm(f[k]) for k in KEYS} for f in json.load(open(folder + '/findings.json'))}


def gaps(folder):
    return norm(json.load(open(folder + '/scan.json')).get('notCoveredOrNotEvaluated'))


def main(before, after):
    a, b = findings(before), findings(after)
    only_before, only_after = sorted(set(a) - set(b)), sorted(set(b) - set(a))
    changed = [i for i in sorted(set(a) & set(b)) if a[i] != b[i]]
    print(f"findings: {len(a)} before, {len(b)} after; only before {len(only_before)}, only after {len(only_after)},"
          f" changed {len(changed)}")
    for i in only_before:
        print('  only before', i, a[i]['type'])
    for i in only_after:
        print('  only after', i, b[i]['type'])
    for i in changed:
        for k in KEYS:
            if a[i][k] != b[i][k]:
                print('  changed', i, a[i]['type'], k, str(a[i][k])[:300], '->', str(b[i][k])[:300])
    same_gaps = gaps(before) == gaps(after)
    print('not covered or not evaluated: ' + ('the same' if same_gaps else 'different'))
    if not same_gaps:
        print('  before', gaps(before))
        print('  after ', gaps(after))
    return 0 if not (only_before or only_after or changed) and same_gaps else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
