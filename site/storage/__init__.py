"""Where the site's files live: object storage (S3 or compatible) when a bucket is named,
its access rules per kind of file, and the files staged in the database while the store
does not answer."""
