"""The ``express`` program: ``python -m express`` and the ``express`` command.

Its process ends with its command, so it does without Python's cyclic garbage collector
from the start (``express serve``, which lives on, turns it back on): a build's objects
live until its PDF is written, and a collection examined them all to free almost nothing
(~20 times while the modules load, then during the build, and after it everything the
build made again, ~40 ms after an issue of 8 pages, ~0.1 s after ten times as much).  What
a command leaves in reference cycles, a few MB an issue, goes with the process; one
typesetting several issues collects it between them (express/typeset.py).  At the end
what is left is frozen out of the collector, so the interpreter's own collection at exit
does not examine and free it either: the system takes the memory back whole.  Files are
closed, and exit handlers run, as always.
"""

import gc


def run() -> None:
    gc.disable()  # before the modules load (see above)
    from express.cli import main

    try:
        main()
    finally:
        gc.freeze()


if __name__ == "__main__":
    run()
