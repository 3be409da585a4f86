"""One module per `kg` sub-command; each defines `command`."""
