print(int(input()) * 2, flush=True)
raise SystemExit(1)
