import sys

n = int(sys.stdin.readline())
x = int(sys.stdin.readline())
print(str(2 ** n))
print(len(str(x * 3)))
