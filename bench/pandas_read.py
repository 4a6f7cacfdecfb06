"""pandas.read_csv on one file, N times in one process; prints the times in ms as JSON.

    python3 bench/pandas_read.py FILE RUNS '{"sep": ";", "decimal": ","}' spend,basket_size

The read arguments are the shape's (bench/shapes.ts); the named columns are then stripped of `$`
and `,` and made numbers, inside the time, as a data scientist would.
"""
import json
import sys
import time

import pandas as pd


def main():
    path, runs, read, strip = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3]), sys.argv[4]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        frame = pd.read_csv(path, **read)
        for column in filter(None, strip.split(",")):
            frame[column] = frame[column].str.replace("[$,]", "", regex=True).astype(float)
        times.append(round((time.perf_counter() - started) * 1000, 1))
    print(json.dumps({"rows": int(len(frame)), "times_ms": times}))


if __name__ == "__main__":
    main()
