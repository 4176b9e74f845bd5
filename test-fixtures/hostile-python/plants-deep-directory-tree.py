# Builds a directory tree deeper than any recursive delete expects, to survive into the next run.
import os
import sys

if sys.stdin.read().strip() == 'plant':
    os.chdir('/tmp')
    for _ in range(3000):
        os.mkdir('d')
        os.chdir('d')
    print('planted')
else:
    print('left over', sorted(os.listdir('/tmp')))
