"""Flashcards and learn sessions."""
