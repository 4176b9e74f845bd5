print(7 ** 10 ** 9)
