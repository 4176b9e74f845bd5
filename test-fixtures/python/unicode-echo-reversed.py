for line in open(0, encoding='utf-8'):
    print(line.rstrip('\n')[::-1])
