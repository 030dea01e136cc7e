"""What the public sends: public forms' shared checks (honeypot, rate limit, held
submissions), PDF uploads checked by content, plain text, and what a Québec organisation
types about itself.
"""
