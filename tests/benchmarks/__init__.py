"""Tests of the benchmark scripts that hold logic of their own (benchmarks/)."""
