"""One module per figure of issue 5's benchmark table; `bench/run_all.py` runs them all.

Each module measures in its own process (`python -m bench.figures.NAME [--quick]`) and prints
its results as `RESULT {json}` lines, which run_all collects into the table.
"""
