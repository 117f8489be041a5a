"""The workspace as a whole: the home-region dialog (first start) and the watcher that notices changes made
by other processes."""
