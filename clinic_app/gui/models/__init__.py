"""Qt item models: thin adapters over the services' result objects."""
