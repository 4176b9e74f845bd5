# Sorting the argument in place must not change what the next test receives.
def sort_and_count(xs):
    xs.sort()
    xs.append(0)
    return len(xs)
