"""Background jobs of the team pipeline example."""
