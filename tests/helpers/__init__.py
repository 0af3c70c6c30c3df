"""Plain helpers the tests share (no fixtures: those live in the conftest.py files).

A package rather than one module: together they are some 900 lines on eight subjects, each wanted by
a different part of the suite. ``banks``: the project's bank files the tests copy; ``web``: logging
in through the real forms, CSRF tokens, page shortcuts; ``quizzes``: starting, answering and
submitting quizzes through the pages; ``api``: the JSON API's client and error shape; ``browser`` and
``answering``: Playwright pages; ``page_tour``: every page of both roles and the checks run on each
(layout, charts, axe, weight); ``live_servers``: gunicorn processes for the whole-app tests.
"""
