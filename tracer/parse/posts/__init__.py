"""Embedded social posts: from embed markup, from the page's JSON, and from scraped text signatures."""
