"""Logging in and out, sign-up, passwords."""
