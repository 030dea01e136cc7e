"""News routes outside the page tree (included by consortium.urls, outside the language
prefixes)."""

from django.urls import path

from . import feedback

urlpatterns = [
    # « Was this article useful? »: without a CSRF token (why in news.feedback).
    path("news-feedback/<id:page_id>/", feedback.vote, name="news_vote"),
]
