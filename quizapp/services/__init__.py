"""Use cases shared by the pages, the API and the CLI; no request objects here."""
