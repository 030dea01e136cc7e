"""Template tags of the news app: the JSON-LD description of an article."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from news.seo import news_article_data

register = template.Library()

# Characters that would let a string close the <script> element (same as json_script).
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def news_article_jsonld(context, page):
    data = news_article_data(context["request"], page)
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308
