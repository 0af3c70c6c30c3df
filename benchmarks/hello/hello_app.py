"""The yardstick of benchmarks/http.py: a bare Flask app that says hello, under the same gunicorn."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "Hello"
