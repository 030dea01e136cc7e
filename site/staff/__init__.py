"""The people who run the site: staff roles and their groups, the second factor, the
admin's login and language, the editorial workflow and guide, permission policies and the
admin's exports.
"""
