def solve(x):
    return 'y' * (10 * 1024 * 1024)
