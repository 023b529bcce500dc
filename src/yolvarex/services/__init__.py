"""Use cases. Faces (CLI, API, web) call these; transactions start here."""
