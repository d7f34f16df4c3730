"""Offline evaluation: question sets, metrics and reports."""
