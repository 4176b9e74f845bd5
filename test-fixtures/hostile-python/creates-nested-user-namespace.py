import ctypes

libc = ctypes.CDLL(None, use_errno=True)
print('unshare', libc.unshare(0x10000000), 'errno', ctypes.get_errno())
