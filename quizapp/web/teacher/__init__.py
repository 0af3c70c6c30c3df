"""Classes, rosters, results and exports for teachers."""
