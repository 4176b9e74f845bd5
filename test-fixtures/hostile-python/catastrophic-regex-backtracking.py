# ReDoS: nested quantifiers against a near-match take exponential time.
import re

print(bool(re.match(r'^(a+)+$', 'a' * 40 + 'b')))
