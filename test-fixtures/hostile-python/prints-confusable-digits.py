# Prints the sum with look-alike characters: fullwidth and Arabic-Indic digits, a Cyrillic "о" for 0.
import sys

total = sum(int(x) for x in sys.stdin.read().split())
table = str.maketrans('0123456789', '０１２３４５６７８９')
print(str(total).translate(table))
