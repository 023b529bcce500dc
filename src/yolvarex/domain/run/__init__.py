"""What one recorded run shows on its page: route outline, splits, zones, best efforts.

Pure functions over sample arrays (`domain.activity.Samples`); no database, no web.
"""
