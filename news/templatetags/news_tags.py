"""Template tags of the news app: the JSON-LD description of an article."""

from django import template

from consortium.pages.seo import json_ld_script
from news.seo import news_article_data

register = template.Library()


@register.simple_tag(takes_context=True)
def news_article_jsonld(context, page):
    return json_ld_script(news_article_data(context["request"], page))
