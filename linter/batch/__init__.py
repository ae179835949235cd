"""Batch review: many drafts in parallel (local processes or a Dask cluster), cached, into HTML, JSON and CSV reports
and Word copies with the findings as comments."""
