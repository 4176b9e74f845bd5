import sys

for i in range(1000):
    print('debug noise', i, file=sys.stderr)
print(int(input()) * 2)
