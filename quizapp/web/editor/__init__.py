"""Editing question banks in the browser; importing and exporting them."""
