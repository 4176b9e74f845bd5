import sys

sys.stdout.write('x' * (50 * 1024 * 1024))
