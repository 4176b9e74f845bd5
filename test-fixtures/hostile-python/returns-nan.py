def solve(x):
    return float('nan')
