"""Tests of the pure planning functions (allocation, demand)."""
