"""The page front end: blueprints as packages, and what every page shares."""
