"""The service of the team pipeline example."""
