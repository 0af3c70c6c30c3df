"""The HTTP benchmark: ``python benchmarks/http.py [options]`` runs ``http_benchmark.py``.

This file has the name the issue gives it, which is also the standard library's ``http``. Any
script in this folder has the folder first on its path, so its ``import http`` (werkzeug and
requests need the real one) finds this file: imported that way, it hands over to the standard
library's package at once.
"""

import os
import sys

if __name__ != "__main__":
    _here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [entry for entry in sys.path if os.path.abspath(entry or ".") != _here]
    del sys.modules[__name__]
    import importlib

    sys.modules[__name__] = importlib.import_module(__name__)
    sys.path.insert(0, _here)
else:
    import runpy

    runpy.run_path(
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "http_benchmark.py"), run_name="__main__"
    )
