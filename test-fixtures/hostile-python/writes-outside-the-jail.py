import sys

targets = sys.stdin.read().split()
for path in targets:
    try:
        with open(path, 'w') as f:
            f.write('pwned')
        print('wrote', path)
    except OSError as exc:
        print('refused', type(exc).__name__)
