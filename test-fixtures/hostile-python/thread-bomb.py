import threading
import time

while True:
    try:
        threading.Thread(target=time.sleep, args=(3600,), daemon=True).start()
    except BaseException:
        pass
