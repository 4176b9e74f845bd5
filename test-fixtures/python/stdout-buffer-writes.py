import sys

data = sys.stdin.buffer.read().split()
sys.stdout.buffer.write(b'\n'.join(str(int(t) ** 2).encode() for t in data) + b'\n')
