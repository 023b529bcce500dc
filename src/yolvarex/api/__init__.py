"""The REST API under /api/v1: JSON in and out, bearer-token auth, OpenAPI document."""
