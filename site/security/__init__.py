"""The HTTP edge: security headers, the real client address behind the load balancer,
request body caps and the request log without personal data.
"""
