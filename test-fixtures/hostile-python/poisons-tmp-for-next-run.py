# First run plants files; a later run reports whether any survived.
import os
import sys

if sys.stdin.read().strip() == 'plant':
    for name in ('json.py', 'marker', 'solution.py'):
        with open('/tmp/' + name, 'w') as f:
            f.write('raise SystemExit(0)\n')
    print('planted', sorted(os.listdir('/tmp')))
else:
    print('left over', sorted(os.listdir('/tmp')))
