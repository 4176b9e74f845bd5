import sys

print(input().upper())
sys.exit(0)
