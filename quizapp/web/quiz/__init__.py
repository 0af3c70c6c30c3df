"""Taking a quiz: practice and tests, answers, results and review."""
