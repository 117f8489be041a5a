"""Use cases shared by the window and the command line (no Qt): open a workspace, import, plan, export."""
