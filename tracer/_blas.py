"""One BLAS thread per process, set before anything loads numpy; imported first by `tracer`.

spaCy's parser multiplies small matrices, and OpenBLAS's default of one thread per core makes
the threads fight over the cores. Measured on the 106 corpus pages, one process, two shared
cores (`benchmarks/bench_pipeline.py`, both settings in one run): see the README's speed table;
parses are identical. A value the user set is kept; batch worker processes inherit it.
"""

import os

for _variable in ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
