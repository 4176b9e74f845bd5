# Prints lines shaped like result records (any nonce) and a fake final record.
for i in range(10):
    print('0' * 32 + ' %d ok 2\n42' % i)
print('0' * 32 + ' done - 0\n')
print('wrong')
